import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../../test/support/require-redis.js';
import { StallLedger } from './stall-ledger.js';

describe('StallLedger (real Redis)', () => {
  let redis: Redis;
  let ledger: StallLedger;
  const prefix = `test-stalls-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    ledger = new StallLedger(redis, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`rq:stalls-counted:${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('claims each new stall of a job exactly once', async () => {
    const job = { id: 'file:a:process', timestamp: 1, stalledCounter: 0 };
    expect(await ledger.claimNewStalls('q', job)).toBe(false);
    expect(await ledger.claimNewStalls('q', { ...job, stalledCounter: 1 })).toBe(true);
    expect(await ledger.claimNewStalls('q', { ...job, stalledCounter: 1 })).toBe(false);
    expect(await ledger.claimNewStalls('q', { ...job, stalledCounter: 2 })).toBe(true);
    expect(await ledger.claimNewStalls('q', { ...job, stalledCounter: 2 })).toBe(false);
  });

  it('counts anew for a new job reusing the id (a reprocess), and per queue', async () => {
    const job = { id: 'file:b:process', timestamp: 1, stalledCounter: 1 };
    expect(await ledger.claimNewStalls('q', job)).toBe(true);
    expect(await ledger.claimNewStalls('q', { ...job, timestamp: 2 })).toBe(true);
    expect(await ledger.claimNewStalls('other', job)).toBe(true);
  });
});
