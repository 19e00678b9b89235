import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../infra/config/app-config.js';
import { AbortMessage } from '../infra/queue/worker-runner.service.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { CanceledJobRecord } from './canceled-job.js';
import { type QueueAlert } from './queue-alert.js';

/** Canceled records kept per queue (oldest dropped first). */
const MAX_CANCELED_RECORDS = 1000;
/** Alerts kept for the panel: the latest ones, for a week at most after the last. */
const MAX_ALERT_RECORDS = 100;
const ALERT_HISTORY_TTL_MS = 7 * 24 * 3600_000;

/** Every Redis access of the queue monitor outside BullMQ: worker registry, canceled records, aborts, alert throttle. */
@Injectable()
export class QueueMonitorRepository {
  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Every `rq:worker:*` hash (SCAN, never KEYS). */
  async workerHashes(): Promise<Record<string, string>[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', RedisKeys.workerPattern(), 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hgetall(key);
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([, value]) => value as Record<string, string> | null)
      .filter((hash): hash is Record<string, string> => !!hash && !!hash.name);
  }

  async deleteWorker(name: string): Promise<void> {
    await this.redis.del(RedisKeys.worker(name));
  }

  async recordCanceled(queue: string, record: CanceledJobRecord): Promise<void> {
    const key = this.canceledKey(queue);
    await this.redis
      .multi()
      .zadd(key, Date.parse(record.canceled_at), JSON.stringify(record))
      .zremrangebyrank(key, 0, -(MAX_CANCELED_RECORDS + 1))
      .exec();
  }

  async canceled(queue: string, limit: number): Promise<CanceledJobRecord[]> {
    const members = await this.redis.zrevrange(this.canceledKey(queue), 0, limit - 1);
    return members.map((member) => JSON.parse(member) as CanceledJobRecord);
  }

  async canceledCount(queue: string): Promise<number> {
    return this.redis.zcard(this.canceledKey(queue));
  }

  async findCanceled(queue: string, jobId: string): Promise<CanceledJobRecord | undefined> {
    const records = await this.canceled(queue, MAX_CANCELED_RECORDS);
    return records.find((record) => record.job_id === jobId);
  }

  async forgetCanceled(queue: string, jobId: string): Promise<void> {
    const key = this.canceledKey(queue);
    const members = await this.redis.zrange(key, 0, -1);
    const stale = members.filter((member) => (JSON.parse(member) as CanceledJobRecord).job_id === jobId);
    if (stale.length > 0) await this.redis.zrem(key, ...stale);
  }

  /** Every worker process listens; the one running the job aborts it. */
  async publishAbort(queue: string, jobId: string, reason: string): Promise<void> {
    const message: AbortMessage = { job_id: jobId, reason, queue, prefix: this.config.queue.prefix };
    await this.redis.publish(RedisKeys.jobAbortChannel(), JSON.stringify(message));
  }

  /** True when no alert for this queue was sent within `windowMs` (and claims the slot, across processes). */
  async claimAlertSlot(queue: string, windowMs: number): Promise<boolean> {
    const key = RedisKeys.alertThrottle(this.config.queue.prefix, queue);
    return (await this.redis.set(key, new Date().toISOString(), 'PX', windowMs, 'NX')) === 'OK';
  }

  async recordAlert(alert: QueueAlert): Promise<void> {
    const key = RedisKeys.alertHistory(this.config.queue.prefix);
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(alert))
      .ltrim(key, 0, MAX_ALERT_RECORDS - 1)
      .pexpire(key, ALERT_HISTORY_TTL_MS)
      .exec();
  }

  /** The latest alerts, newest first. */
  async recentAlerts(limit: number): Promise<QueueAlert[]> {
    const raw = await this.redis.lrange(RedisKeys.alertHistory(this.config.queue.prefix), 0, limit - 1);
    return raw.map((entry) => JSON.parse(entry) as QueueAlert);
  }

  private canceledKey(queue: string): string {
    return RedisKeys.canceledJobs(this.config.queue.prefix, queue);
  }
}
