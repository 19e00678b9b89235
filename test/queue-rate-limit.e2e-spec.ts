import { randomUUID } from 'node:crypto';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

const QUEUE = QueueName.MemoryConsolidation;

/** QUEUE_RATE_LIMITS on BullMQ's limiter: two worker processes together start at most 3 jobs per second. */
describe('per-queue rate limit (QUEUE_RATE_LIMITS)', () => {
  let producer: ProbeSystem;
  const workers: Child[] = [];

  beforeAll(async () => {
    await compileForProcesses();
    producer = await startProbeSystem({ RUN_WORKERS: 'false' });
  });
  afterAll(async () => {
    for (const worker of workers) {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
    await producer.close();
  });

  it('spreads 9 quick jobs over at least three one-second windows, across workers', async () => {
    for (let i = 0; i < 2; i += 1) {
      const worker = startNode('test/fixtures/probe/probe-worker.js', {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        REDIS_URL: producer.runtime.redis.url,
        DATABASE_URL: producer.runtime.database.url,
        QUEUE_PREFIX: producer.config.queue.prefix,
        WORKER_QUEUES: QUEUE,
        WORKER_CONCURRENCY: '4',
        QUEUE_RATE_LIMITS: `${QUEUE}=3/s`,
      });
      workers.push(worker);
      await worker.waitForOutput(/probe worker ready/);
    }
    const ids: string[] = [];
    for (let i = 0; i < 9; i += 1) ids.push((await producer.tasks.enqueue(ProbeJob, { run_key: randomUUID(), mode: 'ok' })).job_id);
    const starts = await waitFor(
      async () => {
        const jobs = await Promise.all(ids.map((id) => producer.tasks.getJob(QUEUE, id)));
        return jobs.every((job) => job?.finishedOn) ? jobs.map((job) => job!.processedOn!).sort((a, b) => a - b) : undefined;
      },
      30_000,
      100,
    );
    // Fixed one-second windows from the first start: jobs 4-6 start in the second window, 7-9 in the third.
    expect(starts[3] - starts[0]).toBeGreaterThanOrEqual(950);
    expect(starts[8] - starts[0]).toBeGreaterThanOrEqual(1900);
  }, 60_000);
});
