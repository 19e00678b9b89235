import { QueueName } from '../src/infra/queue/queue-names.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';

/** A worker started while Redis is down waits for it (one log line), then starts; no ioredis error flood. */
describe('worker start while Redis is down', () => {
  let producer: ProbeSystem;
  let redis: PrivateRedis;
  let worker: Child | undefined;

  beforeAll(async () => {
    await compileForProcesses();
    producer = await startProbeSystem({ RUN_WORKERS: 'false' });
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    if (worker && worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
    await redis.stop();
    await producer.close();
  });

  it('waits with one line while Redis is down, starts once it is back, and logs the recovery once', async () => {
    await redis.stop();
    worker = startNode('test/fixtures/probe/probe-worker.js', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_URL: redis.url,
      DATABASE_URL: producer.runtime.database.url,
      QUEUE_PREFIX: producer.config.queue.prefix,
      WORKER_QUEUES: QueueName.MemoryConsolidation,
    });
    await worker.waitForOutput(/Redis unavailable/, 30_000);
    // Several reconnect attempts go by (capped backoff) while the process waits.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(worker.process.exitCode).toBeNull();
    await redis.restart();
    await worker.waitForOutput(/probe worker ready/, 30_000);
    const output = worker.output();
    expect(output.match(/Redis unavailable/g)).toHaveLength(1);
    expect(output.match(/Redis available again/g)).toHaveLength(1);
    expect(output).not.toContain('Unhandled error event');
  });
});
