import type { Redis } from 'ioredis';
import { RedisKeys } from '../../src/infra/redis/redis-keys.js';

/** Deletes a test user's quota ledger and own-jobs index. */
export async function deleteQuotaKeys(redis: Redis, userIds: string[]): Promise<void> {
  for (const id of userIds) {
    await redis.del(
      RedisKeys.quotaStored(id),
      RedisKeys.quotaInFlight(id),
      RedisKeys.quotaInFlightBytes(id),
      RedisKeys.quotaUploads(id),
      RedisKeys.quotaActiveJobs(id),
      RedisKeys.userJobs(id),
    );
  }
}
