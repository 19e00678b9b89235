/**
 * Fair share between users (FAIR_SCHEDULING), measured: one worker process, concurrency 2, jobs of fixed duration.
 * User A enqueues a backlog (0, 30, 300 jobs), then user B enqueues 5: prints B’s mean and max wait (enqueue → start)
 * with fairness on and off (FIFO), and throughput on vs off: in that run, then in three alternating rounds of 3 users ×
 * 100 jobs (of the job duration, and of 0 ms, where the scheduler's own cost shows most).
 * node scripts/bench/run.mjs fairness [--job-ms 50] [--backlog 300]
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { log, REDIS_URL, runBench, waitUntil } from './bench-util.js';
import { BenchSleepJob } from './fairness-jobs.js';

const QUEUE = QueueName.MemoryConsolidation;
const B_JOBS = 5;

interface Scenario {
  bMeanMs: number;
  bMaxMs: number;
  jobsPerSecond: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function enqueue(tasks: TaskQueueService, user: string, count: number, ms: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await tasks.enqueue(BenchSleepJob, { ms }, { userId: user })).job_id);
  return ids;
}

/**
 * Runs the jobs of `users` (each [name, count], enqueued one user after the other); B's waits and the throughput.
 * `allQueuedFirst`: the queue is paused while enqueuing, so throughput measures the worker, not the producer.
 */
async function scenario(tasks: TaskQueueService, users: [string, number][], ms: number, allQueuedFirst = false): Promise<Scenario> {
  const queue = tasks.queue(QUEUE);
  const ids = new Map<string, string[]>();
  if (allQueuedFirst) await queue.pause();
  for (const [user, count] of users) ids.set(user, await enqueue(tasks, user, count, ms));
  if (allQueuedFirst) await queue.resume();
  const all = [...ids.values()].flat();
  await waitUntil(async () => (await queue.getJobCounts('completed')).completed >= all.length, 600_000, 50);
  const jobs = (await Promise.all(all.map((id) => queue.getJob(id)))) as Job[];
  const byId = new Map(jobs.map((job) => [String(job.id), job]));
  const bWaits = (ids.get('B') ?? []).map((id) => byId.get(id)!.processedOn! - byId.get(id)!.timestamp);
  const first = Math.min(...jobs.map((job) => job.processedOn!));
  const last = Math.max(...jobs.map((job) => job.finishedOn!));
  await queue.clean(0, 0, 'completed');
  return {
    bMeanMs: bWaits.length ? bWaits.reduce((a, b) => a + b, 0) / bWaits.length : 0,
    bMaxMs: bWaits.length ? Math.max(...bWaits) : 0,
    jobsPerSecond: (all.length * 1000) / (last - first),
  };
}

async function startWorker(prefix: string, dataDir: string): Promise<() => Promise<void>> {
  const entry = fileURLToPath(new URL('./fairness-worker.js', import.meta.url));
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: '0',
      WORKER_CONCURRENCY: '2',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`bench worker exited: ${output}`);
    return output.includes('bench worker ready');
  }, 60_000);
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}

function row(label: string, s: Scenario, ms: number): string {
  const mean = `${Math.round(s.bMeanMs)} ms`.padStart(9);
  const max = `${Math.round(s.bMaxMs)} ms`.padStart(9);
  return `  ${label.padEnd(22)} B mean ${mean}   B max ${max} (${(s.bMaxMs / ms).toFixed(1)} jobs)   ${s.jobsPerSecond.toFixed(1)} jobs/s`;
}

runBench(async () => {
  const ms = option('job-ms', 50);
  const backlog = option('backlog', 300);
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  const stopWorker = await startWorker(prefix, dataDir);
  const producers = [true, false].map(
    (fair) =>
      [fair, new TaskQueueService(loadConfig({ NODE_ENV: 'test', REDIS_URL, QUEUE_PREFIX: prefix, FAIR_SCHEDULING: String(fair) }), { kind: 'url', url: REDIS_URL })] as const,
  );
  try {
    log(`fairness bench: 1 worker process, concurrency 2, jobs of ${ms} ms; A enqueues a backlog, then B enqueues ${B_JOBS}`);
    // Warm-up (connections, scripts, the worker's first jobs), not reported.
    await scenario(producers[0][1], [['A', 20], ['B', B_JOBS]], ms);
    const results = new Map<string, Scenario>();
    for (const [fair, tasks] of producers) {
      const mode = fair ? 'on ' : 'off';
      for (const a of [0, backlog / 10, backlog]) {
        const s = await scenario(tasks, [['A', a], ['B', B_JOBS]], ms);
        results.set(`${mode}:${a}`, s);
        log(row(`fair ${mode}  A=${a}${a ? '' : ' (B alone)'}`, s, ms));
      }
    }
    for (const mode of ['on ', 'off']) {
      const ratio = results.get(`${mode}:${backlog}`)!.bMaxMs / results.get(`${mode}:${backlog / 10}`)!.bMaxMs;
      log(`  fair ${mode}: B max wait with A=${backlog} vs A=${backlog / 10}: ${ratio.toFixed(2)}x`);
    }
    const on = results.get(`on :${backlog}`)!.jobsPerSecond;
    const off = results.get(`off:${backlog}`)!.jobsPerSecond;
    log(`  throughput A=${backlog}+B: on ${on.toFixed(1)} jobs/s, off ${off.toFixed(1)} jobs/s (on/off ${(on / off).toFixed(3)})`);
    // On and off alternate, three rounds, so a change in the machine's load hits both alike; the median ratio.
    for (const jobMs of [ms, 0]) {
      const ratios: number[] = [];
      const rates: string[] = [];
      for (let round = 0; round < 3; round += 1) {
        const perMode: number[] = [];
        for (const [, tasks] of producers) {
          perMode.push((await scenario(tasks, [['A', 100], ['B', 100], ['C', 100]], jobMs, true)).jobsPerSecond);
        }
        ratios.push(perMode[0] / perMode[1]);
        rates.push(`${perMode[0].toFixed(1)}/${perMode[1].toFixed(1)}`);
      }
      const median = [...ratios].sort((a, b) => a - b)[1];
      const label = `3 users x 100 jobs of ${jobMs} ms, all queued first`;
      log(`  throughput ${label}, on/off jobs/s per round: ${rates.join(', ')}; median on/off ${median.toFixed(3)}`);
    }
    return 0;
  } finally {
    const queue = producers[0][1].queue(QUEUE);
    await queue.obliterate({ force: true }).catch(() => undefined);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`fair:${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    for (const [, tasks] of producers) await tasks.onApplicationShutdown();
    await stopWorker();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
