/**
 * Where the queue bench's per-job overhead goes, counted instead of timed: Redis commands (each one a round trip, a
 * Lua script counting as one) per job for raw BullMQ, ours and ours fifo, split into the producer's share (enqueue)
 * and the worker's (processing), by command and by script name, read from MONITOR on a private redis-server the
 * bench starts (so nothing else is counted). The same worker processes as scripts/bench/queue.ts.
 * --cpu-prof takes a V8 CPU profile of each worker process while the jobs run (inspector Profiler, as node --cpu-prof
 * does, but only that window) and prints its heaviest functions by self time.
 *
 *   node scripts/bench/run.mjs queue-roundtrips [--jobs 500] [--concurrency 8] [--cpu-prof]
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { FAIR_ADMISSION_LUA } from '../../src/infra/queue/fair-admission.script.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { answersPing } from '../../src/infra/redis/redis-resolver.js';
import { freePort, log, runBench, waitUntil } from './bench-util.js';
import { workerReady } from './queue-bench-support.js';
import { BenchNoopJob } from './queue-jobs.js';

const QUEUE = QueueName.MemoryConsolidation;

interface System {
  label: string;
  worker: 'raw' | 'ours';
  env: Record<string, string>;
  queue: Queue;
  enqueue(): Promise<unknown>;
  close(): Promise<void>;
}

type Phase = 'idle' | 'enqueue' | 'process';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function systems(url: string, base: string): { all: System[]; connection: Redis } {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const rawQueue = new Queue(QUEUE, { connection, prefix: `${base}-raw` });
  const raw: System = {
    label: 'raw BullMQ',
    worker: 'raw',
    env: { QUEUE_PREFIX: `${base}-raw` },
    queue: rawQueue,
    enqueue: () => rawQueue.add(BenchNoopJob.name, {}),
    close: async () => {
      await rawQueue.close();
      await connection.quit();
    },
  };
  const ours = (label: string, fair: boolean): System => {
    const env = { QUEUE_PREFIX: `${base}-${fair ? 'ours' : 'fifo'}`, FAIR_SCHEDULING: String(fair) };
    const tasks = new TaskQueueService(loadConfig({ NODE_ENV: 'test', REDIS_URL: url, ...env }), { kind: 'url', url });
    return {
      label,
      worker: 'ours',
      env,
      queue: tasks.queue(QUEUE),
      enqueue: () => tasks.enqueue(BenchNoopJob, {}),
      close: () => tasks.onApplicationShutdown(),
    };
  };
  return { all: [raw, ours('ours', true), ours('ours fifo', false)], connection };
}

/** Script names by sha: BullMQ's (from a connected queue's client) and the fair scheduler's admission step. */
async function scriptNames(queue: Queue, connection: Redis): Promise<Map<string, string>> {
  await queue.waitUntilReady();
  const client = connection as unknown as { scriptsSet: Record<string, { sha: string }> };
  const names = new Map(Object.entries(client.scriptsSet).map(([name, script]) => [script.sha, name]));
  names.set(createHash('sha1').update(FAIR_ADMISSION_LUA).digest('hex'), 'fairAdmission');
  return names;
}

async function startRedis(): Promise<{ url: string; port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitUntil(() => answersPing('127.0.0.1', port, 200), 10_000, 50);
  return { url: `redis://127.0.0.1:${port}/0`, port, child };
}

interface BenchWorker {
  /** Resolves once the worker answers `reply` to `message` (the profiling handshake). */
  ask(message: string, reply: string): Promise<void>;
  stop(): Promise<void>;
}

async function startWorker(system: System, url: string, concurrency: number, profileFile?: string): Promise<BenchWorker> {
  const entry = fileURLToPath(new URL('./queue-worker.js', import.meta.url));
  const child = fork(entry, [system.worker], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      REDIS_URL: url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'docai-bench-')),
      EMBEDDED_DB_PORT: '0',
      WORKER_CONCURRENCY: String(concurrency),
      ...system.env,
      ...(profileFile ? { BENCH_CPU_PROFILE: profileFile } : {}),
    },
  });
  const { exited } = await workerReady(child, system.label);
  return {
    ask: (message, reply) =>
      new Promise((resolve) => {
        const onMessage = (answer: unknown) => {
          if (answer !== reply) return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send(message);
      }),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** What a MONITOR line counts as: the command, and for a script its name. */
function commandName(args: string[], names: Map<string, string>): string {
  const command = String(args[0]).toLowerCase();
  if (command === 'evalsha') return `lua:${names.get(String(args[1])) ?? String(args[1]).slice(0, 8)}`;
  if (command === 'eval') return 'lua:eval';
  if (command === 'multi' || command === 'exec') return command;
  return command;
}

/** Heaviest functions by self time in a .cpuprofile, with the file they live in. */
/** The profile's heaviest functions by self time, after a line of CPU time a job (idle excluded) by where it runs. */
function topFunctions(file: string, count: number, jobs: number): string[] {
  interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url.replace(/^.*node_modules\//, '').replace(/^.*bench-build\//, '');
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = new Map<string, number>();
  for (const [key, us] of self) {
    if (key.startsWith('(idle)')) continue;
    const where = / (bullmq|ioredis|@nestjs)\//.exec(key)?.[1] ?? (/ src\//.test(key) ? 'ours' : 'node and GC');
    busy.set(where, (busy.get(where) ?? 0) + us);
  }
  const busyTotal = [...busy.values()].reduce((a, b) => a + b, 0);
  const split = [...busy].sort((a, b) => b[1] - a[1]).map(([where, us]) => `${where} ${(us / jobs).toFixed(0)}`);
  return [
    `CPU ${(busyTotal / jobs).toFixed(0)} us a job (${split.join(', ')})`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`),
  ];
}

runBench(async () => {
  const jobs = option('jobs', 500);
  const concurrency = option('concurrency', 8);
  const profile = process.argv.includes('--cpu-prof');
  const redis = await startRedis();
  const base = `rt-${randomBytes(3).toString('hex')}`;
  const { all, connection } = systems(redis.url, base);
  const names = await scriptNames(all[0].queue, connection);
  // redis-cli prints each command as: <time> [<db> <client>] "command" "arg" ...
  const monitor = spawn('redis-cli', ['-p', String(redis.port), 'monitor'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let phase: Phase = 'idle';
  let counts = new Map<string, number>();
  let partial = '';
  monitor.stdout.on('data', (data: Buffer) => {
    const lines = (partial + data.toString()).split('\n');
    partial = lines.pop() ?? '';
    if (phase === 'idle') return;
    for (const line of lines) {
      const args = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
      if (args.length === 0) continue;
      // A command a script ran shows as sent by "lua": Redis work, but no round trip.
      const fromScript = / lua\]/.test(line.slice(0, line.indexOf('"')));
      const key = `${phase} ${fromScript ? 'in-script' : 'sent'} ${commandName(args, names)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    log(`queue round trips: ${jobs} no-op jobs, worker concurrency ${concurrency}, private redis-server (MONITOR)`);
    for (const system of all) {
      const profileDir = profile ? mkdtempSync(join(tmpdir(), 'docai-cpuprof-')) : undefined;
      const profileFile = profileDir ? join(profileDir, 'worker.cpuprofile') : undefined;
      const worker = await startWorker(system, redis.url, concurrency, profileFile);
      await system.queue.pause();
      counts = new Map();
      phase = 'enqueue';
      for (let i = 0; i < jobs; i += 1) await system.enqueue();
      phase = 'process';
      if (profileFile) await worker.ask('profile-start', 'profiling');
      await system.queue.resume();
      await waitUntil(async () => (await system.queue.getJobCounts('completed')).completed >= jobs, 600_000, 200);
      phase = 'idle';
      if (profileFile) await worker.ask('profile-stop', 'profiled');
      await worker.stop();
      const perJob = (prefix: string) =>
        [...counts]
          .filter(([key]) => key.startsWith(prefix))
          .sort((a, b) => b[1] - a[1])
          .map(([key, n]) => ({ name: key.slice(prefix.length), perJob: n / jobs }));
      const sum = (list: { perJob: number }[]) => list.reduce((total, c) => total + c.perJob, 0).toFixed(2);
      for (const p of ['enqueue', 'process'] as const) {
        const sent = perJob(`${p} sent `);
        const inScript = perJob(`${p} in-script `);
        const shown = sent.filter((c) => c.perJob >= 0.05).map((c) => `${c.name} ${c.perJob.toFixed(2)}`);
        log(`  ${system.label.padEnd(10)} ${p.padEnd(7)} ${sum(sent)} round trips a job, ${sum(inScript)} commands inside scripts: ${shown.join(', ')}`);
      }
      if (profileDir) {
        for (const line of topFunctions(profileFile!, 25, jobs)) log(`      ${line}`);
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
    return 0;
  } finally {
    monitor.kill('SIGKILL');
    for (const system of all) await system.close().catch(() => undefined);
    redis.child.kill('SIGKILL');
  }
});
