import { type Redis } from 'ioredis';
import { DependencyUnavailableError } from '../common/errors/domain-error.js';

/**
 * Fails fast (503) when the shared client has lost Redis: BullMQ's connections wait for Redis forever
 * (maxRetriesPerRequest: null), so a route reading queues would otherwise hang instead of answering.
 */
export function assertRedisAvailable(redis: Redis): void {
  if (redis.status !== 'ready') throw new DependencyUnavailableError('redis', `connection ${redis.status}`);
}
