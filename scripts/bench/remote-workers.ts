/**
 * Per-job overhead of the remote-worker protocol against an in-house worker on the same jobs: `vectorize-file` of
 * uploaded files, one job per file (hash embeddings, so the job's own work is small and the overhead shows; one file
 * per job as in production, where a file's regeneration is deduplicated). In-house: the API's own
 * worker (WORKER_CONCURRENCY=1) takes jobs from the default pool. Remote: 1 and then 4 reference remote-worker
 * processes (src/remote-worker, only URL and token) take the same jobs from a pool no in-house worker serves: claim,
 * input stream, embed, complete (the API validates and writes the vectors through the same VectorsService).
 * Jobs are queued after the workers are up; the clock runs from the first add to the last completion.
 * Prints ms/job, jobs/s and remote/in-house ratios.   node scripts/bench/run.mjs remote-workers [--jobs 24] [--lines 150]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { poolQueueName } from '../../src/infra/queue/routing/pool-queue-name.js';
import { startApi, type BenchApi } from './bench-api.js';
import { delay, log, REDIS_URL, runBench, waitUntil } from './bench-util.js';

const POOL = 'bench-remote';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function call(api: BenchApi, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.data as Record<string, unknown>;
}

async function uploadFile(api: BenchApi, lines: number, n: number): Promise<{ fileId: string; chunks: number }> {
  const form = new FormData();
  const text = Array.from({ length: lines }, (_, i) => `File ${n} line ${i}: Ada Lovelace wrote notes on the Analytical Engine in London.`).join('\n');
  form.append('file', new Blob([text], { type: 'text/plain' }), 'bench.txt');
  const res = await fetch(`${api.base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form });
  const fileId = ((await res.json()) as { data: { file_id: string } }).data.file_id;
  let file: Record<string, unknown> = {};
  await waitUntil(async () => {
    file = await call(api, 'GET', `/api/v1/files/${fileId}`);
    return file.status === 'completed';
  }, 120_000);
  return { fileId, chunks: Number(file.chunk_count) };
}

/** Adds a vectorize-file job per file to a BullMQ queue and returns the seconds until all completed. */
async function timeJobs(queue: Queue, fileIds: string[]): Promise<number> {
  const jobs = fileIds.length;
  const started = performance.now();
  for (const fileId of fileIds) {
    await queue.add('vectorize-file', { file_id: fileId }, { jobId: `bench:${randomUUID()}:vectorize`, attempts: 3, removeOnComplete: false });
  }
  await waitUntil(async () => (await queue.getJobCounts('completed')).completed >= jobs, 600_000, 20);
  const failed = (await queue.getJobCounts('failed')).failed;
  if (failed > 0) throw new Error(`${failed} jobs failed in ${queue.name}`);
  return (performance.now() - started) / 1000;
}

function startRemoteWorkers(api: BenchApi, token: string, count: number): Promise<ChildProcess[]> {
  const entry = fileURLToPath(new URL('../../src/remote-worker/remote-worker.js', import.meta.url));
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [entry, '--api', api.base, '--token', token, '--queues', 'vectorization', '--max-wait-ms', '5000'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<ChildProcess>((resolve) => {
          child.stdout?.on('data', (d: Buffer) => d.toString().includes('remote worker:') && resolve(child));
        }),
    ),
  );
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
}

runBench(async () => {
  const jobs = option('jobs', 24);
  const lines = option('lines', 150);
  const api = await startApi({ WORKER_CONCURRENCY: '1', FAIR_SCHEDULING: 'false' });
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues: Queue[] = [];
  try {
    const files = await Promise.all(Array.from({ length: jobs }, (_, n) => uploadFile(api, lines, n)));
    const fileIds = files.map((f) => f.fileId);
    const inHouse = new Queue(QueueName.Vectorization, { connection, prefix: api.prefix });
    const remote = new Queue(poolQueueName(QueueName.Vectorization, POOL), { connection, prefix: api.prefix });
    queues.push(inHouse, remote);
    const { token } = (await call(api, 'POST', '/api/v1/remote-workers/tokens', { name: 'bench', pool: POOL })) as { token: string };
    log(`remote-workers bench: ${jobs} vectorize-file jobs, one per file of ${files[0].chunks} chunks, hash embeddings; load ${loadavg()[0].toFixed(2)}`);

    const inHouseSeconds = await timeJobs(inHouse, fileIds);
    const rows: [string, number][] = [['in-house worker, concurrency 1', inHouseSeconds]];
    for (const count of [1, 4]) {
      const workers = await startRemoteWorkers(api, token, count);
      await remote.obliterate({ force: true });
      rows.push([`${count} remote worker${count > 1 ? 's' : ''}`, await timeJobs(remote, fileIds)]);
      await stopAll(workers);
      await delay(200);
    }
    for (const [label, seconds] of rows) {
      const msPerJob = (seconds * 1000) / jobs;
      log(
        `${label.padEnd(32)} ${msPerJob.toFixed(1).padStart(7)} ms/job  ${(jobs / seconds).toFixed(1).padStart(6)} jobs/s  ` +
          `${(msPerJob / ((inHouseSeconds * 1000) / jobs)).toFixed(2)}x in-house ms/job`,
      );
    }
    const remoteOne = rows[1][1];
    log(`remote protocol overhead per job (1 remote worker vs in-house): ${(((remoteOne - inHouseSeconds) * 1000) / jobs).toFixed(1)} ms`);
    return 0;
  } finally {
    for (const queue of queues) await queue.close();
    await connection.quit();
    await api.stop();
  }
});
