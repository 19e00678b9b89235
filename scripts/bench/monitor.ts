/**
 * Bench of GET /api/v1/rq/queues/stats: p95 latency with 100 finished jobs in a queue, then with 100,000.
 * Stats come from BullMQ's per-state counters, so the second should stay within 2x of the first (printed verdict).
 *
 *   node scripts/bench/run.mjs monitor [--jobs 100000] [--requests 300]
 *
 * Needs Redis on REDIS_URL (default redis://127.0.0.1:6379/0). Starts the compiled API (src/main.js next to this
 * compiled file) without workers under a queue prefix of its own; fills the queue with BullMQ directly (addBulk + a
 * no-op worker in this process: bench-only, the product enqueues through TaskQueueService); removes it all at the end.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { startApi } from './bench-api.js';
import { log, REDIS_URL, runBench, waitUntil } from './bench-util.js';

const QUEUE = 'kg_extraction';
const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const BIG = arg('jobs', 100_000);
const REQUESTS = arg('requests', 300);
const SMALL = 100;

async function main(): Promise<number> {
  const api = await startApi({ RUN_WORKERS: 'false' });
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection, prefix: api.prefix });
  const { base, prefix, token } = api;
  try {
    const stats = () => fetch(`${base}/api/v1/rq/queues/stats`, { headers: { authorization: `Bearer ${token}` } });

    await fill(queue, prefix, SMALL);
    await settle(base);
    const small = await measure(stats);
    log(`${SMALL} finished jobs: p95 ${small.p95.toFixed(2)} ms (p50 ${small.p50.toFixed(2)} ms, ${REQUESTS} requests)`);

    const started = performance.now();
    await fill(queue, prefix, BIG);
    log(`filled to ${BIG} finished jobs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await settle(base);
    const big = await measure(stats);
    log(`${BIG} finished jobs: p95 ${big.p95.toFixed(2)} ms (p50 ${big.p50.toFixed(2)} ms, ${REQUESTS} requests)`);

    const body = (await (await stats()).json()) as { data: { queues: Record<string, { finished: number }> } };
    if (body.data.queues[QUEUE].finished !== BIG) throw new Error(`stats say ${body.data.queues[QUEUE].finished} finished`);
    const ratio = big.p95 / small.p95;
    log(`p95 ratio ${BIG} / ${SMALL} jobs: ${ratio.toFixed(2)}x (target: within 2x) → ${ratio <= 2 ? 'OK' : 'TOO SLOW'}`);
    return 0;
  } finally {
    await queue.close();
    await connection.quit();
    await api.stop();
  }
}

/** Adds no-op jobs until the queue holds `target` finished ones, and runs them with a worker of this process. */
async function fill(queue: Queue, prefix: string, target: number): Promise<void> {
  const missing = target - (await queue.getCompletedCount());
  for (let added = 0; added < missing; added += 1000) {
    const batch = Math.min(1000, missing - added);
    await queue.addBulk(Array.from({ length: batch }, (_, i) => ({ name: 'bench-noop', data: { i: added + i } })));
  }
  const workerConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const worker = new Worker(QUEUE, async () => 'ok', { connection: workerConnection, prefix, concurrency: 200 });
  await waitUntil(async () => (await queue.getCompletedCount()) >= target, 600_000, 250);
  await worker.close();
  await workerConnection.quit();
}

/** Waits until the API has read the job events of the fill (its histograms observe every ended job). */
async function settle(base: string): Promise<void> {
  let last = -1;
  await waitUntil(
    async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      const count = Number(/rq_job_duration_seconds_count\{queue="kg_extraction",outcome="finished"\} (\d+)/.exec(text)?.[1] ?? 0);
      const stable = count === last;
      last = count;
      return stable;
    },
    600_000,
    2000,
  );
}

async function measure(request: () => Promise<Response>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 100; i++) await (await request()).arrayBuffer(); // warm-up (JIT, connections)
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`stats answered ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { p50: at(50), p95: at(95) };
}





runBench(main);
