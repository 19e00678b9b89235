import { randomUUID } from 'node:crypto';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

const PROBE_WORKER = 'test/fixtures/probe/probe-worker.js';

/** A job's end, whoever ends it: retries count lost workers as attempts, and the processor settles the final failure. */
describe('job end', () => {
  let producer: ProbeSystem;
  let children: Child[] = [];

  beforeAll(async () => {
    await compileForProcesses();
    producer = await startProbeSystem({ RUN_WORKERS: 'false' });
  });
  afterEach(() => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
    children = [];
  });
  afterAll(async () => producer.close());

  const startWorker = async () => {
    const child = startNode(PROBE_WORKER, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_URL: producer.runtime.redis.url,
      DATABASE_URL: producer.runtime.database.url,
      QUEUE_PREFIX: producer.config.queue.prefix,
      WORKER_QUEUES: QueueName.MemoryConsolidation,
      WORKER_HEARTBEAT_MS: '200',
      WORKER_STALLED_INTERVAL_MS: '300',
      WORKER_LOCK_DURATION_MS: '600',
    });
    children.push(child);
    await child.waitForOutput(/probe worker ready/);
    return child;
  };
  const jobOf = async (jobId: string) => (await producer.tasks.getJob(QueueName.MemoryConsolidation, jobId))!;

  it('settles a job once when its last attempt fails, in the worker that failed it', async () => {
    const worker = await startWorker();
    const data = { run_key: randomUUID(), mode: 'fail' as const };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data, { retry: { max: 1, intervalMs: 50 } });
    await waitFor(async () => (await producer.events(data.run_key)).some((e) => e.includes(':settled:')), 15_000);
    const pid = worker.process.pid!;
    expect(await producer.events(data.run_key)).toEqual([`${pid}:start`, `${pid}:start`, `${pid}:settled:probe failure`]);
    expect(await (await jobOf(job_id)).getState()).toBe('failed');
  });

  it('counts each lost worker as a failed attempt; after the last one the job fails with WORKER_LOST and is settled', async () => {
    const data = { run_key: randomUUID(), mode: 'crash' as const };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data, { retry: { max: 1, intervalMs: 200 } });
    // Each worker takes the job and dies with it; the next one records the loss, waits the backoff, runs it again.
    const first = await startWorker();
    await first.exited;
    const second = await startWorker();
    await waitFor(async () => (await jobOf(job_id)).attemptsMade === 1, 15_000);
    expect((await jobOf(job_id)).failedReason).toMatch(/^WORKER_LOST/);
    await second.exited;
    const third = await startWorker();
    await waitFor(async () => (await jobOf(job_id).then((j) => j.getState())) === 'failed', 15_000);
    const job = await jobOf(job_id);
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(/^WORKER_LOST: the worker running this job stopped/);
    const events = await waitFor(async () => {
      const all = await producer.events(data.run_key);
      return all.some((e) => e.includes(':settled:')) ? all : undefined;
    });
    expect(events).toEqual([
      `${first.process.pid}:start`,
      `${second.process.pid}:start`,
      expect.stringMatching(new RegExp(`^${third.process.pid}:settled:WORKER_LOST`)),
    ]);
  });

  it('runs a job again after one lost worker, with that attempt recorded as WORKER_LOST, and completes it', async () => {
    const data = { run_key: randomUUID(), mode: 'sleep' as const, ms: 1500 };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data, { retry: { max: 2, intervalMs: 100 } });
    const first = await startWorker();
    await waitFor(async () => (await producer.events(data.run_key)).includes(`${first.process.pid}:start`));
    first.process.kill('SIGKILL');
    await first.exited;
    const second = await startWorker();
    await waitFor(async () => (await jobOf(job_id).then((j) => j.getState())) === 'completed', 20_000);
    const job = await jobOf(job_id);
    expect(job.attemptsMade).toBe(2); // the lost attempt, then the one that completed
    expect(job.stalledCounter).toBe(1);
    expect(await producer.events(data.run_key)).toEqual([
      `${first.process.pid}:start`,
      `${second.process.pid}:start`,
      `${second.process.pid}:done`,
    ]);
  });
});
