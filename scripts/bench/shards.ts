/**
 * Queue shards, same run, two private redis-servers: no-op jobs processed/s on one Redis against two shards
 * (QUEUE_SHARDS), with the workers (scripts/bench/queue-worker.ts, `ours`, concurrency 8) in one and in two
 * processes; the migration of waiting jobs from one shard to the other (jobs/s, and the peak RSS of this process,
 * which runs it); GET /rq/queues/stats (QueueStatsService.allStats) p95 over two shards against one.
 * node scripts/bench/run.mjs shards [--jobs 2000] [--migrate 100000] [--stats 200]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Redis } from 'ioredis';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { createRedisClient } from '../../src/infra/redis/redis-client.js';
import { MigrationService } from '../../src/queue-monitor/migrations/migration.service.js';
import { MonitoredQueues } from '../../src/queue-monitor/monitored-queues.js';
import { QueueMonitorRepository } from '../../src/queue-monitor/queue-monitor.repository.js';
import { QueueStatsService } from '../../src/queue-monitor/queue-stats.service.js';
import { WorkerStatusService } from '../../src/queue-monitor/worker-status.service.js';
import { delay, log, MIB, runBench, waitUntil } from './bench-util.js';
import { BenchNoopJob } from './queue-jobs.js';
import { option, processedPerSecond, QUEUE, startRedis, startWorker } from './queue-bench-support.js';

/** The env of one system: one Redis (shards unset) or two shards. */
function systemEnv(prefix: string, main: string, shards?: string[]): Record<string, string> {
  return { NODE_ENV: 'test', REDIS_URL: main, QUEUE_PREFIX: prefix, ...(shards ? { QUEUE_SHARDS: shards.join(',') } : {}) };
}

async function statsP95(tasks: TaskQueueService, main: string, prefix: string, rounds: number): Promise<number> {
  const config = loadConfig(systemEnv(prefix, main, tasks.shards.sharded ? tasks.shards.all.map((s) => (s.endpoint as { url: string }).url) : undefined));
  const client = createRedisClient({ kind: 'url', url: main }, {});
  const repository = new QueueMonitorRepository(client, config);
  const workers = new WorkerStatusService(repository, config);
  const stats = new QueueStatsService(new MonitoredQueues(tasks, client as Redis, config), repository, workers);
  await waitUntil(async () => client.status === 'ready', 5000, 20);
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await stats.allStats();
    times.push(performance.now() - start);
  }
  client.disconnect();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.95)];
}

runBench(async () => {
  const jobs = option('jobs', 2000);
  const migrate = option('migrate', 100_000);
  const statsRounds = option('stats', 200);
  const [a, b] = [await startRedis(), await startRedis()];
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  const prefix = (label: string) => `bench-shards-${label}-${randomBytes(3).toString('hex')}`;
  try {
    log(`shards bench: ${jobs} no-op jobs a run, worker concurrency 8; load average ${loadavg()[0].toFixed(1)} on 2 CPUs`);
    for (const processes of [1, 2]) {
      const figures: string[] = [];
      let base = 0;
      for (const shards of [undefined, [a.url, b.url]]) {
        const env = systemEnv(prefix('tp'), a.url, shards);
        const tasks = new TaskQueueService(loadConfig(env), { kind: 'url', url: a.url });
        const stops: (() => Promise<void>)[] = [];
        try {
          await waitUntil(async () => tasks.shards.all.every((shard) => shard.available), 10_000, 20);
          for (let i = 0; i < processes; i += 1) stops.push(await startWorker(env, dataDir));
          await processedPerSecond(tasks, Math.ceil(jobs / 5)); // warm-up
          const rate = await processedPerSecond(tasks, jobs);
          if (!shards) base = rate;
          figures.push(`${shards ? '2 shards' : '1 Redis'} ${Math.round(rate)}/s${shards ? ` (${(rate / base).toFixed(2)}x)` : ''}`);
        } finally {
          for (const stop of stops) await stop();
          for (const shard of tasks.shards.all) await shard.queue(QUEUE).obliterate({ force: true });
          await tasks.onApplicationShutdown();
        }
      }
      log(`  processed/s, workers in ${processes} process${processes > 1 ? 'es' : ''}: ${figures.join('   ')}`);
    }

    // Migration: `migrate` waiting jobs from shard 0 to shard 1, run by this process.
    const env = systemEnv(prefix('mig'), a.url, [a.url, b.url]);
    const config = loadConfig(env);
    const tasks = new TaskQueueService(config, { kind: 'url', url: a.url });
    const main = createRedisClient({ kind: 'url', url: a.url }, {}) as Redis;
    try {
      const source = tasks.shards.all[0].queue(QUEUE);
      for (let i = 0; i < migrate; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, migrate - i) }, (_, k) => ({
          name: BenchNoopJob.name,
          data: { n: i + k },
          opts: { jobId: `bench-${i + k}`, attempts: 1 },
        }));
        await source.addBulk(batch);
      }
      const migrations = new MigrationService(tasks, new MonitoredQueues(tasks, main, config), main, config);
      await waitUntil(async () => tasks.shards.all.every((s) => s.available) && main.status === 'ready', 5000, 20);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const start = performance.now();
      const { migration_id } = await migrations.start({ queue: QUEUE, from_shard: '0', to_shard: '1', to_queue: QUEUE, states: ['waiting'], limit: migrate });
      await migrations.whenDone(migration_id);
      const seconds = (performance.now() - start) / 1000;
      clearInterval(sampler);
      const result = await migrations.progress(migration_id);
      const onTarget = await tasks.shards.all[1].queue(QUEUE).getWaitingCount();
      log(
        `  migration of ${migrate} waiting jobs: ${Math.round(result.moved / seconds)} jobs/s (${seconds.toFixed(1)} s; moved ${result.moved}, on target ${onTarget}); ` +
          `peak RSS ${Math.round(peak / MIB)} MiB (${Math.round((peak - rssBefore) / MIB)} MiB above its start)`,
      );
      for (const shard of tasks.shards.all) await shard.queue(QUEUE).obliterate({ force: true });
    } finally {
      await tasks.onApplicationShutdown();
      main.disconnect();
    }

    // Monitor stats p95: every queue's counts over two shards against one, with a few jobs in each.
    const p95 = async (shards?: string[]) => {
      const sys = new TaskQueueService(loadConfig(systemEnv(prefix('st'), a.url, shards)), { kind: 'url', url: a.url });
      try {
        await waitUntil(async () => sys.shards.all.every((shard) => shard.available), 10_000, 20);
        for (let i = 0; i < 200; i += 1) await sys.enqueue(BenchNoopJob, {});
        await delay(100);
        return await statsP95(sys, a.url, sys.shards.all[0].queue(QUEUE).opts.prefix ?? '', statsRounds);
      } finally {
        for (const shard of sys.shards.all) await shard.queue(QUEUE).obliterate({ force: true });
        await sys.onApplicationShutdown();
      }
    };
    const one = await p95();
    const two = await p95([a.url, b.url]);
    log(`  monitor stats (all queues) p95 over ${statsRounds} calls: 1 Redis ${one.toFixed(1)} ms   2 shards ${two.toFixed(1)} ms (${(two / one).toFixed(2)}x)`);
    log(`  load average at the end ${loadavg()[0].toFixed(1)}`);
    return 0;
  } finally {
    a.stop();
    b.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
