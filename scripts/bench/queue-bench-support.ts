/** What the queue-topology and shard benches share: private redis-servers, `ours` worker processes, processed/s. */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Redis } from 'ioredis';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { type TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { createRedisClient } from '../../src/infra/redis/redis-client.js';
import { freePort, waitUntil } from './bench-util.js';
import { BenchNoopJob } from './queue-jobs.js';

/** The queue BenchNoopJob runs on. */
export const QUEUE = QueueName.MemoryConsolidation;

export function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}/0`;
  const probe = createRedisClient({ kind: 'url', url }, { lazyConnect: true, retryStrategy: () => null }) as Redis;
  probe.on('error', () => undefined);
  await waitUntil(async () => probe.connect().then(() => true, () => false), 10_000, 50);
  probe.disconnect();
  return { url, stop: () => child.kill('SIGKILL') };
}

export async function startWorker(env: Record<string, string>, dataDir: string): Promise<() => Promise<void>> {
  const entry = fileURLToPath(new URL('./queue-worker.js', import.meta.url));
  const child: ChildProcess = fork(entry, ['ours'], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATA_DIR: join(dataDir, randomBytes(4).toString('hex')), EMBEDDED_DB_PORT: '0', WORKER_CONCURRENCY: '8', ...env },
  });
  const { exited } = await workerReady(child, 'ours');
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}

/** Waits for a forked bench worker's first message (it is ready); fails if it exits first. */
export async function workerReady(child: ChildProcess, label: string): Promise<{ exited: Promise<unknown> }> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let ready = false;
  child.once('message', () => (ready = true));
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`${label} worker exited with ${child.exitCode}`);
    return ready;
  }, 600_000);
  return { exited };
}

/** Enqueues `jobs` while every shard's queue is paused, then resumes them all: the workers' rate. */
export async function processedPerSecond(tasks: TaskQueueService, jobs: number): Promise<number> {
  const queues = tasks.shards.all.map((shard) => shard.queue(QUEUE));
  await Promise.all(queues.map((q) => q.pause()));
  for (let i = 0; i < jobs; i += 1) await tasks.enqueue(BenchNoopJob, {});
  const start = performance.now();
  await Promise.all(queues.map((q) => q.resume()));
  const completed = async () => (await Promise.all(queues.map((q) => q.getCompletedCount()))).reduce((a, b) => a + b, 0);
  await waitUntil(async () => (await completed()) >= jobs, 600_000, 10);
  const ms = performance.now() - start;
  await Promise.all(queues.map((q) => q.clean(0, 0, 'completed')));
  return (jobs * 1000) / ms;
}
