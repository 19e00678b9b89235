import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors/domain-error.js';
import { AppConfig } from '../infra/config/app-config.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';

/**
 * Remote-worker requests per token, and refused tokens per client IP, in one-minute windows counted in Redis (the
 * limit holds across API instances). Past REMOTE_RATE_LIMIT_PER_MINUTE: 429 with Retry-After.
 */
@Injectable()
export class RemoteWorkerRateLimiter {
  private readonly byToken: RateLimiterRedis;
  private readonly refusedByIp: RateLimiterRedis;

  constructor(redis: Redis, config: AppConfig) {
    const options = { storeClient: redis, points: config.remoteWorkers.rateLimitPerMinute, duration: 60 };
    this.byToken = new RateLimiterRedis({ ...options, keyPrefix: RedisKeys.remoteRequestsPrefix(config.queue.prefix, 'token') });
    this.refusedByIp = new RateLimiterRedis({ ...options, keyPrefix: RedisKeys.remoteRequestsPrefix(config.queue.prefix, 'ip') });
  }

  /** Counts one request of the token (429 past the limit). */
  async request(tokenId: string): Promise<void> {
    await consume(this.byToken, tokenId);
  }

  /** 429 when this IP has presented too many refused tokens this minute. */
  async assertIpAllowed(ip: string): Promise<void> {
    const state = await this.refusedByIp.get(ip);
    if (state && state.remainingPoints <= 0) throw new RateLimitedError(state.msBeforeNext / 1000);
  }

  async refused(ip: string): Promise<void> {
    await consume(this.refusedByIp, ip).catch(() => undefined);
  }
}

async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new RateLimitedError(rejection.msBeforeNext / 1000);
    throw rejection;
  }
}
