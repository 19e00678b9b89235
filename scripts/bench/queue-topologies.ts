/**
 * Queue topologies, same run: no-op jobs processed/s on one Redis, on a 3-master Redis Cluster (3 replicas,
 * REDIS_CLUSTER_NODES, started with test/support/redis-cluster.ts) and on 2 shards (QUEUE_SHARDS, two redis-servers),
 * with the workers (scripts/bench/queue-worker.ts `ours`, concurrency 8) in 1 and in 2 processes; printed as ratios
 * to one Redis. Each figure is the best of `--rounds` runs (the machine is shared: noise only ever slows a run).
 * node scripts/bench/run.mjs queue-topologies [--jobs 1000] [--rounds 2]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { type RedisEndpoint } from '../../src/infra/redis/redis-endpoint.js';
import { log, runBench, waitUntil } from './bench-util.js';
import { option, processedPerSecond, QUEUE, startRedis, startWorker } from './queue-bench-support.js';

/** The subset of test/support/redis-cluster.ts this bench uses (compiled and loaded at run time: not under src/). */
interface LocalRedisCluster {
  seeds: string;
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** One system under test: its env (for workers) and the endpoint of its main Redis. */
interface Topology {
  label: string;
  env: Record<string, string>;
  endpoint: RedisEndpoint;
}

/** Compiles test/support (the bench build holds src and scripts/bench only) and starts a 3-master cluster with it. */
async function startCluster(): Promise<LocalRedisCluster> {
  const root = process.cwd();
  if (!existsSync(join(root, 'test/support/redis-cluster.ts'))) throw new Error('run from the project root');
  const outDir = join(root, 'node_modules/.cache/bench-build');
  const swc = (await import(pathToFileURL(join(root, 'scripts/lib/swc-build.mjs')).href)) as {
    buildWithSwc(options: { root: string; folders: string[]; outDir: string }): Promise<void>;
  };
  await swc.buildWithSwc({ root, folders: ['test/support'], outDir });
  const helper = (await import(pathToFileURL(join(outDir, 'test/support/redis-cluster.js')).href)) as {
    startRedisCluster(options: { masters?: number }): Promise<LocalRedisCluster>;
  };
  const cluster = await helper.startRedisCluster({ masters: 3 });
  await cluster.waitUntilHealthy(30_000);
  return cluster;
}

/** processed/s of one topology with its workers in `processes` processes (best of `rounds`, after a warm-up). */
async function measure(topology: Topology, processes: number, jobs: number, rounds: number, dataDir: string): Promise<number> {
  const tasks = new TaskQueueService(loadConfig(topology.env), topology.endpoint);
  const stops: (() => Promise<void>)[] = [];
  try {
    await waitUntil(async () => tasks.shards.all.every((shard) => shard.available && shard.connection.status === 'ready'), 20_000, 20);
    for (let i = 0; i < processes; i += 1) stops.push(await startWorker(topology.env, dataDir));
    await processedPerSecond(tasks, Math.ceil(jobs / 5));
    let best = 0;
    for (let round = 0; round < rounds; round += 1) best = Math.max(best, await processedPerSecond(tasks, jobs));
    return best;
  } finally {
    for (const stop of stops) await stop();
    for (const shard of tasks.shards.all) await shard.queue(QUEUE).obliterate({ force: true });
    await tasks.onApplicationShutdown();
  }
}

runBench(async () => {
  const jobs = option('jobs', 1000);
  const rounds = option('rounds', 2);
  const [a, b] = [await startRedis(), await startRedis()];
  const cluster = await startCluster();
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  // A hash tag in every prefix: required on the cluster, and the same key names everywhere.
  const prefix = () => `{bench-topo-${randomBytes(3).toString('hex')}}`;
  const topologies = (): Topology[] => {
    const single = { NODE_ENV: 'test', REDIS_URL: a.url };
    const nodes = cluster.seeds.split(',').map((seed) => ({ host: seed.split(':')[0], port: Number(seed.split(':')[1]) }));
    return [
      { label: '1 Redis', env: { ...single, QUEUE_PREFIX: prefix() }, endpoint: { kind: 'url', url: a.url } },
      {
        label: 'cluster (3 masters)',
        env: { NODE_ENV: 'test', REDIS_CLUSTER_NODES: cluster.seeds, QUEUE_PREFIX: prefix() },
        endpoint: { kind: 'cluster', nodes },
      },
      { label: '2 shards', env: { ...single, QUEUE_PREFIX: prefix(), QUEUE_SHARDS: `${a.url},${b.url}` }, endpoint: { kind: 'url', url: a.url } },
    ];
  };
  try {
    log(`queue topologies: ${jobs} no-op jobs a run, best of ${rounds}, worker concurrency 8; load average ${loadavg()[0].toFixed(1)} on 2 CPUs`);
    for (const processes of [1, 2]) {
      const figures: string[] = [];
      let base = 0;
      for (const topology of topologies()) {
        const rate = await measure(topology, processes, jobs, rounds, dataDir);
        if (!base) base = rate;
        figures.push(`${topology.label} ${Math.round(rate)}/s (${(rate / base).toFixed(2)}x)`);
      }
      log(`  processed/s, workers in ${processes} process${processes > 1 ? 'es' : ''}: ${figures.join('   ')}`);
    }
    log(`  load average at the end ${loadavg()[0].toFixed(1)}`);
    return 0;
  } finally {
    a.stop();
    b.stop();
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
