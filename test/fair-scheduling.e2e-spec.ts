import { randomUUID } from 'node:crypto';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { toApiStatus } from '../src/infra/queue/job-status.js';
import { flowStep } from '../src/infra/queue/task-flows.js';
import { type TaskPriority } from '../src/infra/queue/task-priority.js';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

const QUEUE = QueueName.MemoryConsolidation;

/** Fair share between users (FAIR_SCHEDULING): jobs enqueued first, then one real worker process (concurrency 1) runs them. */
describe.each([
  ['on', 'true'],
  ['off', 'false'],
])('fair scheduling %s', (_label, fairScheduling) => {
  let producer: ProbeSystem;
  let worker: Child | undefined;
  const fair = fairScheduling === 'true';

  beforeAll(async () => {
    await compileForProcesses();
    producer = await startProbeSystem({ RUN_WORKERS: 'false', FAIR_SCHEDULING: fairScheduling });
  });
  afterEach(async () => {
    if (worker && worker.process.exitCode === null) {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
    worker = undefined;
  });
  afterAll(async () => {
    const schedulerKeys = await producer.redis.keys(`fair:${producer.config.queue.prefix}:*`);
    if (schedulerKeys.length) await producer.redis.del(...schedulerKeys);
    await producer.close();
  });

  const startWorker = async (extra: Record<string, string> = {}) => {
    worker = startNode('test/fixtures/probe/probe-worker.js', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_URL: producer.runtime.redis.url,
      DATABASE_URL: producer.runtime.database.url,
      QUEUE_PREFIX: producer.config.queue.prefix,
      WORKER_QUEUES: QUEUE,
      WORKER_CONCURRENCY: '1',
      ...extra,
    });
    await worker.waitForOutput(/probe worker ready/);
  };
  const enqueue = async (
    user: string,
    count: number,
    options: { weight?: number; priority?: TaskPriority; retry?: { max: number; intervalMs: number } } = {},
    ms = 15,
  ) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const data = { run_key: randomUUID(), mode: 'sleep' as const, ms };
      const { job_id } = await producer.tasks.enqueue(ProbeJob, data, { userId: user, ...options });
      ids.push(job_id);
    }
    return ids.map((id) => ({ id, user }));
  };
  /** The users of the jobs in the order they started (BullMQ's processedOn), once all have finished. */
  const startOrder = async (jobs: { id: string; user: string }[]) => {
    const started = await waitFor(
      async () => {
        const found = await Promise.all(jobs.map(async ({ id, user }) => ({ user, job: await producer.tasks.getJob(QUEUE, id) })));
        return found.every(({ job }) => job?.finishedOn) ? found : undefined;
      },
      30_000,
      100,
    );
    return started.sort((a, b) => a.job!.processedOn! - b.job!.processedOn!).map(({ user }) => user).join('');
  };

  it(`${fair ? 'alternates two users by turns of two' : 'runs two users first come, first served'}`, async () => {
    const jobs = [...(await enqueue('A', 10)), ...(await enqueue('B', 4))];
    await startWorker();
    expect(await startOrder(jobs)).toBe(fair ? 'AABBAABBAAAAAA' : 'AAAAAAAAAABBBB');
  });

  it(`${fair ? 'gives the first job of each flow (an upload\'s shape) the same turns' : 'runs flows first come, first served'}`, async () => {
    const chain = async (user: string, count: number) => {
      const jobs: { id: string; user: string }[] = [];
      for (let i = 0; i < count; i += 1) {
        const step = flowStep(ProbeJob, { run_key: randomUUID(), mode: 'sleep', ms: 15 }, { userId: user });
        const [first] = await producer.tasks.flows.chain([step]);
        jobs.push({ id: first.job_id, user });
      }
      return jobs;
    };
    const jobs = [...(await chain('A', 10)), ...(await chain('B', 4))];
    await startWorker();
    expect(await startOrder(jobs)).toBe(fair ? 'AABBAABBAAAAAA' : 'AAAAAAAAAABBBB');
  });

  it(`${fair ? 'shares between three users in proportion to their weights (2:1:1)' : 'ignores weights'}`, async () => {
    const jobs = [...(await enqueue('A', 12, { weight: 2 })), ...(await enqueue('B', 6)), ...(await enqueue('C', 6))];
    await startWorker();
    const order = await startOrder(jobs);
    const firstSixteen = order.slice(0, 16);
    const count = (user: string) => [...firstSixteen].filter((u) => u === user).length;
    if (fair) {
      expect(order).toBe('AAAABBCCAAAABBCCAAAABBCC');
      expect([count('A'), count('B'), count('C')]).toEqual([8, 4, 4]);
    } else {
      expect(order).toBe('AAAAAAAAAAAABBBBBBCCCCCC');
    }
  });

  it('applies priorities first: a high job of a user with a backlog starts before everyone\'s normal jobs', async () => {
    const jobs = [...(await enqueue('A', 6)), ...(await enqueue('B', 2)), ...(await enqueue('A', 1, { priority: 'high' }))];
    await startWorker();
    expect((await startOrder(jobs))[0]).toBe('A');
    const high = await producer.tasks.getJob(QUEUE, jobs[8].id);
    const firstNormal = await producer.tasks.getJob(QUEUE, jobs[0].id);
    expect(high!.processedOn!).toBeLessThan(firstNormal!.processedOn!);
  });

  it(`${fair ? 'keeps the turns across a worker killed mid-job and a new one' : 'stays first come, first served across a worker crash'}`, async () => {
    const retry = { max: 2, intervalMs: 50 };
    const jobs = [...(await enqueue('A', 10, { retry }, 150)), ...(await enqueue('B', 4, { retry }, 150))];
    const crashEnv = { WORKER_STALLED_INTERVAL_MS: '300', WORKER_LOCK_DURATION_MS: '600' };
    await startWorker(crashEnv);
    await waitFor(async () => {
      const started = await Promise.all(jobs.map(({ id }) => producer.tasks.getJob(QUEUE, id)));
      return started.filter((job) => job?.processedOn).length >= 3;
    });
    worker!.process.kill('SIGKILL');
    await worker!.exited;
    await startWorker(crashEnv);
    const order = await startOrder(jobs);
    // The job killed mid-run starts again last (its retry); every other job keeps its turn: B's jobs come among the
    // first ten when fair, after A's ten when first come, first served.
    const bInFirstTen = [...order.slice(0, 10)].filter((user) => user === 'B').length;
    if (fair) expect(bInFirstTen).toBeGreaterThanOrEqual(3);
    else expect(bInFirstTen).toBeLessThanOrEqual(1);
  }, 60_000);

  it('keeps a waiting job (held back when fair) visible as queued, found by id, and cancelable; the rest still run', async () => {
    const jobs = await enqueue('A', 6);
    const last = jobs[5].id;
    const held = await producer.tasks.getJob(QUEUE, last);
    expect(toApiStatus(await held!.getState())).toBe('queued');
    const counts = await producer.tasks.queue(QUEUE).getJobCounts('waiting', 'prioritized');
    expect(counts.waiting + counts.prioritized).toBe(6);
    expect(await producer.tasks.removeIfNotStarted(QUEUE, last)).toBe(true);
    await startWorker();
    expect(await startOrder(jobs.slice(0, 5))).toBe('AAAAA');
    expect(await producer.tasks.getJob(QUEUE, last)).toBeUndefined();
  });
});
