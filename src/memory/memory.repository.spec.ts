import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/require-redis.js';
import { waitFor } from '../../test/support/wait-for.js';
import { MemoryRepository } from './memory.repository.js';
import { type MemoryAddress, type MemoryWrite } from './memory.types.js';

describe('MemoryRepository (real Redis)', () => {
  let redis: Redis;
  let repo: MemoryRepository;
  const userId = randomUUID();

  const at = (key: string, agentId = 'default'): MemoryAddress => ({ userId, agentId, key });
  const write = (value: unknown, extra: Partial<MemoryWrite> = {}): MemoryWrite => ({
    json: JSON.stringify(value),
    ttlSeconds: 100,
    refreshOnRead: false,
    persist: true,
    now: new Date().toISOString(),
    ...extra,
  });

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    repo = new MemoryRepository(redis);
  });

  afterAll(async () => {
    const keys: string[] = [];
    for (const agent of ['default', 'other']) {
      const patterns = [RedisKeys.agentMemoryPattern(userId, agent, ''), `${RedisKeys.agentMemoryPending(userId, agent, '')}*`];
      for (const match of patterns) {
        for await (const batch of redis.scanStream({ match, count: 500 })) keys.push(...(batch as string[]));
      }
    }
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('stores a JSON value in the agentMemory key with its TTL and reads it back', async () => {
    const stored = await repo.write(at('profile'), write({ name: 'Ada', tags: ['x'] }, { ttlSeconds: 120 }));
    expect(stored).toMatchObject({ value: { name: 'Ada', tags: ['x'] }, ttlSeconds: 120, ttlSecondsRemaining: 120 });
    expect(await redis.ttl(RedisKeys.agentMemory(userId, 'default', 'profile'))).toBeGreaterThan(118);
    expect((await repo.read(at('profile')))?.value).toEqual({ name: 'Ada', tags: ['x'] });
  });

  it('keeps created_at and moves updated_at when a live key is overwritten', async () => {
    const first = await repo.write(at('counter'), write(1, { now: '2026-01-01T00:00:00.000Z' }));
    const second = await repo.write(at('counter'), write(2, { now: '2026-01-01T00:00:05.000Z' }));
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBe('2026-01-01T00:00:05.000Z');
    expect(second.value).toBe(2);
  });

  it('forgets a value once its TTL has passed', async () => {
    await repo.write(at('short'), write('soon gone', { ttlSeconds: 1 }));
    expect(await repo.read(at('short'))).toBeDefined();
    await waitFor(async () => (await repo.read(at('short'))) === undefined, 5_000);
  });

  it('restarts the TTL on read only when refresh_on_read is set', async () => {
    await repo.write(at('refreshing'), write('r', { ttlSeconds: 50, refreshOnRead: true }));
    await repo.write(at('plain'), write('p', { ttlSeconds: 50 }));
    // Stand in for elapsed time: shorten both TTLs, then read.
    await redis.expire(RedisKeys.agentMemory(userId, 'default', 'refreshing'), 10);
    await redis.expire(RedisKeys.agentMemory(userId, 'default', 'plain'), 10);
    expect((await repo.read(at('refreshing')))?.ttlSecondsRemaining).toBe(50);
    expect((await repo.read(at('plain')))?.ttlSecondsRemaining).toBeLessThanOrEqual(10);
    expect(await redis.ttl(RedisKeys.agentMemory(userId, 'default', 'refreshing'))).toBeGreaterThan(40);
    expect(await redis.ttl(RedisKeys.agentMemory(userId, 'default', 'plain'))).toBeLessThanOrEqual(10);
  });

  it('keeps the last persisted value pending past the TTL until it is marked consolidated', async () => {
    await repo.write(at('pending'), write({ v: 1 }, { ttlSeconds: 1 }));
    await repo.write(at('pending'), write({ v: 2 }, { ttlSeconds: 1 }));
    await repo.write(at('pending'), write({ v: 3 }, { ttlSeconds: 1, persist: false }));
    expect(await repo.pendingValue(at('pending'))).toBe('{"v":2}');
    expect(await redis.ttl(RedisKeys.agentMemoryPending(userId, 'default', 'pending'))).toBeGreaterThan(3000);
    await repo.clearPending(at('pending'), '{"v":1}'); // a stale job must not drop a newer value
    expect(await repo.pendingValue(at('pending'))).toBe('{"v":2}');
    await repo.clearPending(at('pending'), '{"v":2}');
    expect(await repo.pendingValue(at('pending'))).toBeUndefined();
  });

  it('pages through every key of one agent with SCAN cursors, no key twice, other agents left out', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `page:${String(i).padStart(2, '0')}`);
    for (const key of keys) await repo.write(at(key), write(key));
    await repo.write(at('page:99', 'other'), write('other agent'));

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await repo.listKeys(userId, 'default', 'page:', 5, cursor);
      expect(page.entries.length).toBeLessThanOrEqual(5);
      seen.push(...page.entries.map((e) => e.key));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(keys);
  });

  it('deletes a key and reports whether it existed', async () => {
    await repo.write(at('gone'), write('x'));
    expect(await repo.delete(at('gone'))).toBe(true);
    expect(await repo.delete(at('gone'))).toBe(false);
    expect(await repo.read(at('gone'))).toBeUndefined();
    expect(await repo.pendingValue(at('gone'))).toBeUndefined();
  });
});
