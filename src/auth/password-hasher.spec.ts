import { jest } from '@jest/globals';
import argon2 from 'argon2';
import { type DomainError } from '../common/errors/domain-error.js';
import { loadConfig } from '../infra/config/app-config.js';
import { PasswordHasher } from './password-hasher.js';

function hasher(concurrency: number, queueMax: number): PasswordHasher {
  return new PasswordHasher(
    loadConfig({ NODE_ENV: 'test', HASH_CONCURRENCY: String(concurrency), HASH_QUEUE_MAX: String(queueMax) }),
  );
}

describe('PasswordHasher', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hashes with argon2id and verifies only the right password (an unknown account never verifies)', async () => {
    const h = hasher(2, 10);
    const hash = await h.hash('correct horse');
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(h.verify(hash, 'correct horse')).resolves.toBe(true);
    await expect(h.verify(hash, 'wrong horse')).resolves.toBe(false);
    await expect(h.verify(undefined, 'correct horse')).resolves.toBe(false);
    await expect(h.verify('not a hash', 'correct horse')).resolves.toBe(false);
  });

  it('runs at most HASH_CONCURRENCY hashes at once, queues HASH_QUEUE_MAX more, and refuses the rest with 503 BUSY', async () => {
    const realHash = argon2.hash.bind(argon2);
    let running = 0;
    let peak = 0;
    jest.spyOn(argon2, 'hash').mockImplementation(async (...args: Parameters<typeof argon2.hash>) => {
      peak = Math.max(peak, ++running);
      try {
        return await realHash(...args);
      } finally {
        running--;
      }
    });
    const h = hasher(2, 3);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => h.hash(`password-${i}`)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DomainError] : []));
    expect(refused.map((e) => [e.status, e.code])).toEqual([
      [503, 'BUSY'],
      [503, 'BUSY'],
      [503, 'BUSY'],
    ]);
    expect(Number(refused[0].headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(peak).toBe(2);
    // The line drains: later requests are served again.
    await expect(h.hash('later')).resolves.toMatch(/^\$argon2id\$/);
  });
});
