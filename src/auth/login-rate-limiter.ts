import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors/domain-error.js';
import { AppConfig } from '../infra/config/app-config.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';

const WINDOW_SECONDS = 60;

/**
 * Failed logins per email and per client IP, counted in Redis (so the limit holds across API instances) in
 * one-minute windows. Past LOGIN_MAX_FAILURES_PER_MINUTE for either, logins answer 429 until the window ends.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;
  private readonly maxFailures: number;

  constructor(redis: Redis, config: AppConfig) {
    this.maxFailures = config.auth.loginMaxFailuresPerMinute;
    const options = { storeClient: redis, points: this.maxFailures, duration: WINDOW_SECONDS };
    // Keyed per deployment (QUEUE_PREFIX) so separate systems sharing one Redis keep separate counts.
    const prefix = config.queue.prefix;
    this.byEmail = new RateLimiterRedis({ ...options, keyPrefix: RedisKeys.loginFailuresPrefix(prefix, 'email') });
    this.byIp = new RateLimiterRedis({ ...options, keyPrefix: RedisKeys.loginFailuresPrefix(prefix, 'ip') });
  }

  /** Throws RateLimitedError (429, Retry-After) when the email or the IP has used up its failures. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [emailState, ipState] = await Promise.all([this.byEmail.get(emailKey(email)), this.byIp.get(ip)]);
    const exhausted = [emailState, ipState].filter(
      (state): state is RateLimiterRes => state !== null && state.consumedPoints >= this.maxFailures,
    );
    if (exhausted.length > 0) {
      const waitMs = Math.max(...exhausted.map((state) => state.msBeforeNext));
      throw new RateLimitedError(waitMs / 1000, 'Too many failed logins; try again later');
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([consume(this.byEmail, emailKey(email)), consume(this.byIp, ip)]);
  }

  /** A successful login clears its email's count (not the IP's: one good account must not unlock guessing others). */
  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(emailKey(email));
  }
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Counts one failure. Going over the limit rejects with a RateLimiterRes, which is not an error here. */
async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}
