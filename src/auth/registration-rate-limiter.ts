import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors/domain-error.js';
import { AppConfig } from '../infra/config/app-config.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';

const WINDOW_SECONDS = 3600;

/**
 * Registration attempts per client IP, counted in Redis (so the limit holds across API instances) in one-hour
 * windows: past REGISTER_MAX_PER_HOUR, registering answers 429 with Retry-After until the window ends.
 */
@Injectable()
export class RegistrationRateLimiter {
  private readonly byIp: RateLimiterRedis;

  constructor(redis: Redis, config: AppConfig) {
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      points: config.auth.registerMaxPerHour,
      duration: WINDOW_SECONDS,
      keyPrefix: RedisKeys.registrationsPrefix(config.queue.prefix),
    });
  }

  /** Counts one attempt of `ip`; throws RateLimitedError (429, Retry-After) when it is one too many. */
  async consume(ip: string): Promise<void> {
    try {
      await this.byIp.consume(ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedError(rejection.msBeforeNext / 1000, 'Too many registrations from this address; try again later');
    }
  }
}
