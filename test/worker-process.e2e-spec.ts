import { randomUUID } from 'node:crypto';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

const PROBE_WORKER = 'test/fixtures/probe/probe-worker.js';

/** Worker processes apart from the producer: crash recovery, graceful shutdown, the registry. */
describe('separate worker processes', () => {
  let producer: ProbeSystem;
  let children: Child[] = [];

  beforeAll(async () => {
    await compileForProcesses();
    // Producer only: the jobs must be run by the child processes.
    producer = await startProbeSystem({ RUN_WORKERS: 'false' });
  });
  afterEach(() => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
    children = [];
  });
  afterAll(async () => producer.close());

  const workerEnv = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: producer.runtime.redis.url,
    DATABASE_URL: producer.runtime.database.url,
    QUEUE_PREFIX: producer.config.queue.prefix,
    WORKER_QUEUES: QueueName.MemoryConsolidation,
    WORKER_HEARTBEAT_MS: '200',
    WORKER_STALLED_INTERVAL_MS: '500',
    WORKER_LOCK_DURATION_MS: '1000',
    ...extra,
  });
  const startWorker = async (extra: Record<string, string> = {}) => {
    const child = startNode(PROBE_WORKER, workerEnv(extra));
    children.push(child);
    await child.waitForOutput(/probe worker ready/);
    return child;
  };
  const jobOf = async (jobId: string) => (await producer.tasks.getJob(QueueName.MemoryConsolidation, jobId))!;
  const workerKeysOf = async (pid: number) =>
    (await producer.redis.keys(RedisKeys.workerPattern())).filter((k) => k.includes(`.${pid}.`));

  it('runs a job enqueued by another process, and shows the worker busy in the registry while it runs', async () => {
    const worker = await startWorker();
    const data = { run_key: randomUUID(), mode: 'sleep' as const, ms: 1500 };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data);
    const [key] = await waitFor(async () => {
      const keys = await workerKeysOf(worker.process.pid!);
      return keys.length && (await producer.redis.hget(keys[0], 'state')) === 'busy' ? keys : undefined;
    });
    expect(await producer.redis.hget(key, 'current_job_id')).toBe(job_id);
    expect(JSON.parse((await producer.redis.hget(key, 'queues'))!)).toEqual([QueueName.MemoryConsolidation]);
    await waitFor(async () => (await producer.events(data.run_key)).some((e) => e.endsWith(':done')));
    await waitFor(async () => (await producer.redis.hget(key, 'state')) === 'idle');
    expect(await producer.redis.hget(key, 'successful_job_count')).toBe('1');
  });

  it('recovers a job whose worker was killed with SIGKILL mid-job (stalled-job recovery); nothing is lost', async () => {
    const first = await startWorker();
    const data = { run_key: randomUUID(), mode: 'sleep' as const, ms: 2000 };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data, { retry: { max: 2, intervalMs: 100 } });
    await waitFor(async () => (await producer.events(data.run_key)).includes(`${first.process.pid}:start`));
    first.process.kill('SIGKILL');
    await first.exited;

    const second = await startWorker();
    // Read the job after its state says completed: a snapshot read before could predate its return value.
    await waitFor(async () => (await (await jobOf(job_id)).getState()) === 'completed', 20_000);
    const job = await jobOf(job_id);
    const events = await producer.events(data.run_key);
    expect(events).toContain(`${second.process.pid}:start`);
    expect(events.filter((e) => e.endsWith(':done'))).toEqual([`${second.process.pid}:done`]);
    expect(job.returnvalue).toBe('done');
    // The lost run counted as one failed attempt (WORKER_LOST), then the one that completed.
    expect(job.attemptsMade).toBe(2);
    expect(job.stalledCounter).toBe(1);
  });

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

  it('removes a killed worker from the registry once its heartbeat lapses', async () => {
    const worker = await startWorker();
    const pid = worker.process.pid!;
    await waitFor(async () => (await workerKeysOf(pid)).length === 1);
    worker.process.kill('SIGKILL');
    await worker.exited;
    await waitFor(async () => (await workerKeysOf(pid)).length === 0, 5000);
  });

  it('on SIGTERM finishes the in-flight job, then exits 0', async () => {
    const worker = await startWorker({ SHUTDOWN_GRACE_MS: '10000' });
    const data = { run_key: randomUUID(), mode: 'sleep' as const, ms: 1500 };
    const { job_id } = await producer.tasks.enqueue(ProbeJob, data);
    await waitFor(async () => (await producer.events(data.run_key)).includes(`${worker.process.pid}:start`));
    worker.process.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const job = await producer.tasks.getJob(QueueName.MemoryConsolidation, job_id);
    expect(await job!.getState()).toBe('completed');
    expect(await producer.events(data.run_key)).toContain(`${worker.process.pid}:done`);
    expect(await workerKeysOf(worker.process.pid!)).toEqual([]);
  });
});

describe('configuration errors', () => {
  beforeAll(async () => compileForProcesses());

  it.each([
    ['PORT', { PORT: 'not-a-port' }],
    ['WORKER_QUEUES', { WORKER_QUEUES: 'file_processing,nope' }],
    ['REDIS_URL', { REDIS_URL: 'not a url' }],
    ['JWT_SECRET', { NODE_ENV: 'production' }],
  ])('exits 1 with one line naming %s', async (variable, env) => {
    const child = startNode('src/main.js', { LOG_LEVEL: 'silent', ...env });
    expect(await child.exited).toBe(1);
    const lines = child.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });
});
