import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { RedisKeys } from '../redis/redis-keys.js';
import type { QueueName } from './queue-names.js';
import { poolQueueName } from './routing/pool-queue-name.js';

// Deletes the lock only if this process still holds it (it may have expired and been taken by another).
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const REQUEUE_COUNT_TTL_SECONDS = 24 * 3600;
/** The reason code of a run whose job an operator canceled before it ran. */
export const JOB_CANCELED = 'JOB_CANCELED';
// Operator cancels kept per queue (the queue monitor trims its list to about this many).
const CANCELED_LOOKUP_LIMIT = 1000;

/** The Redis of job reconciliation: the one-at-a-time lock, re-enqueue counts, and operator cancels. */
@Injectable()
export class JobReconciliationRepository {
  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Runs `work` unless another process holds the reconciler lock; undefined when it did not run. */
  async underLock<T>(ttlMs: number, work: () => Promise<T>): Promise<T | undefined> {
    const key = RedisKeys.reconcilerLock(this.config.queue.prefix);
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined);
    }
  }

  /** Counts one more re-enqueue of a lost job and returns how many there were (within a day). */
  async countRequeue(queue: string, jobId: string): Promise<number> {
    const key = RedisKeys.jobRequeues(this.config.queue.prefix, queue, jobId);
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, REQUEUE_COUNT_TTL_SECONDS).exec()) as [
      [Error | null, number],
    ];
    return count;
  }

  /**
   * True when an operator canceled this job in any worker pool of the queue (the queue monitor records cancels per
   * BullMQ queue; BullMQ forgets the job).
   */
  async wasCanceled(queue: QueueName, jobId: string): Promise<boolean> {
    for (const pool of this.config.queue.routes.poolsOf(queue)) {
      const key = RedisKeys.canceledJobs(this.config.queue.prefix, poolQueueName(queue, pool));
      const records = await this.redis.zrange(key, 0, CANCELED_LOOKUP_LIMIT - 1, 'REV');
      if (records.some((record) => (JSON.parse(record) as { job_id?: string }).job_id === jobId)) return true;
    }
    return false;
  }
}
