import { type Redis } from 'ioredis';

/** How long a lock outlives its holder's last renewal: a migrating process that dies frees its queue after this. */
export const MIGRATION_LEASE_MS = 30_000;

const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * One migration at a time per source queue (RedisKeys.queueMigrationLock, main Redis), across every process (API and
 * CLI): a lease its holder renews while it runs, so a holder that dies frees the queue by itself.
 */
export class MigrationLock {
  constructor(
    private readonly redis: Redis,
    private readonly leaseMs = MIGRATION_LEASE_MS,
  ) {}

  /** Takes the lock for `owner`; answers null when taken, else the id of the migration that holds it. */
  async acquire(key: string, owner: string): Promise<string | null> {
    if ((await this.redis.set(key, owner, 'PX', this.leaseMs, 'NX')) === 'OK') return null;
    return (await this.redis.get(key)) ?? 'unknown';
  }

  /** Extends the lease; false when the lock is no longer ours (expired and taken, or deleted). */
  async renew(key: string, owner: string): Promise<boolean> {
    return (await this.redis.eval(RENEW_LUA, 1, key, owner, String(this.leaseMs))) === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    await this.redis.eval(RELEASE_LUA, 1, key, owner);
  }

  /** How often a holder renews: three tries before the lease runs out. */
  get renewEveryMs(): number {
    return Math.floor(this.leaseMs / 3);
  }
}
