import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../../test/support/require-redis.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { RedisKeys } from '../redis/redis-keys.js';
import { parseWorkerRecord, WorkerRegistry } from './worker-registry.js';

describe('WorkerRegistry against real Redis', () => {
  let redis: Redis;
  const prefix = `test-registry-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('coalesces a burst of job starts and ends into a few writes that end with the latest state', async () => {
    let writes = 0;
    const counting = new Proxy(redis, {
      get: (target, property, receiver) => {
        if (property === 'multi') writes += 1;
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const registry = new WorkerRegistry(counting, ['file_processing'], prefix, 60_000);
    await registry.start();
    try {
      const burst: Promise<void>[] = [];
      for (let i = 0; i < 20; i += 1) {
        burst.push(registry.jobStarted(`job-${i}`), registry.jobEnded(`job-${i}`, i % 2 === 0, 1));
      }
      await Promise.all(burst);
      expect(writes).toBeLessThanOrEqual(3); // the start's write, the burst's first write, one more after it
      expect(parseWorkerRecord(await redis.hgetall(RedisKeys.worker(registry.name)))).toMatchObject({
        state: 'idle',
        current_job_id: null,
        successful_job_count: 10,
        failed_job_count: 10,
        total_working_time_ms: 20,
      });
    } finally {
      await registry.stop();
    }
  });

  it('writes the whole record again at the next heartbeat after Redis lost it, counts and running job included', async () => {
    const registry = new WorkerRegistry(redis, ['file_processing'], prefix, 100);
    await registry.start();
    const key = RedisKeys.worker(registry.name);
    try {
      await registry.jobStarted('job-1');
      await registry.jobEnded('job-1', true, 40);
      await registry.jobStarted('job-2');
      const before = parseWorkerRecord(await redis.hgetall(key));

      await redis.del(key); // an outage longer than the record's TTL, or a failover that lost it
      const after = await waitFor(async () => {
        const hash = await redis.hgetall(key);
        return hash.name ? parseWorkerRecord(hash) : undefined;
      }, 5000);

      expect(after).toMatchObject({
        name: registry.name,
        queue_prefix: prefix,
        queues: ['file_processing'],
        state: 'busy',
        current_job_id: 'job-2',
        successful_job_count: 1,
        total_working_time_ms: 40,
        pid: process.pid,
        birth_date: before.birth_date,
      });
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      await registry.stop();
    }
  });
});
