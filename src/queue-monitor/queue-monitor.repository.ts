import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config.js';
import { AbortMessage } from '../infra/queue/worker-runner.service.js';
import { type RedisClient } from '../infra/redis/redis-client.js';
import { REDIS_CLIENT } from '../infra/redis/redis-connector.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { allKeys } from '../infra/redis/redis-scan.js';
import { CanceledJobRecord, canceledShardOf } from './canceled-job.js';
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
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Every `rq:worker:*` hash (SCAN, never KEYS; every master of a cluster). */
  async workerHashes(): Promise<Record<string, string>[]> {
    const keys = await allKeys(this.redis, RedisKeys.workerPattern());
    // One HGETALL per key, sent together (a pipeline would need every key on one cluster node).
    const hashes = await Promise.all(keys.map((key) => this.redis.hgetall(key)));
    return hashes.filter((hash) => !!hash.name);
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

  /**
   * Newest first. The records of a queue are kept together on the main Redis whatever shard held the job: with
   * `shard`, only that shard's (a record without one is shard "0"), so each record is counted once, under its shard.
   */
  async canceled(queue: string, limit: number, shard?: string): Promise<CanceledJobRecord[]> {
    const members = await this.redis.zrevrange(this.canceledKey(queue), 0, shard === undefined ? limit - 1 : -1);
    const records = members.map((member) => JSON.parse(member) as CanceledJobRecord);
    return shard === undefined ? records : records.filter((record) => canceledShardOf(record) === shard).slice(0, limit);
  }

  async canceledCount(queue: string, shard?: string): Promise<number> {
    if (shard === undefined) return this.redis.zcard(this.canceledKey(queue));
    return (await this.canceled(queue, MAX_CANCELED_RECORDS, shard)).length;
  }

  async findCanceled(queue: string, jobId: string, shard?: string): Promise<CanceledJobRecord | undefined> {
    const records = await this.canceled(queue, MAX_CANCELED_RECORDS, shard);
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
