import type { Redis } from 'ioredis';
import { RedisKeys } from '../redis/redis-keys.js';

// As long as a failed job is kept (failure_ttl, 7 days): a stall is never counted twice while its job exists.
const LEDGER_TTL_SECONDS = 7 * 24 * 3600;

/**
 * BullMQ counts a job's stalls (a worker died or lost its lock mid-job) apart from its attempts, and by default fails
 * the job on its second stall without running it again. We record each stall as one failed attempt instead (with
 * the job's backoff); this ledger remembers which stalls were recorded, so each one costs exactly one attempt.
 */
export class StallLedger {
  constructor(
    private readonly redis: Redis,
    private readonly queuePrefix: string,
  ) {}

  /** True when the job has stalled since its stalls were last recorded (and marks them recorded). */
  async claimNewStalls(queue: string, job: { id?: string; timestamp: number; stalledCounter: number }): Promise<boolean> {
    if (job.stalledCounter === 0) return false;
    // The timestamp tells apart a new job reusing the id (a reprocess) from the job that stalled.
    const key = RedisKeys.jobStallsCounted(this.queuePrefix, queue, `${job.id}@${job.timestamp}`);
    const recorded = await this.redis.set(key, String(job.stalledCounter), 'EX', LEDGER_TTL_SECONDS, 'GET');
    return Number(recorded ?? 0) < job.stalledCounter;
  }
}
