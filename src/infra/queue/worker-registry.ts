import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { type Redis } from 'ioredis';
import { RedisKeys } from '../redis/redis-keys.js';

/** One worker process as the registry shows it (`rq:worker:{name}`), the original RQ worker fields. */
export interface WorkerRecord {
  name: string;
  state: 'busy' | 'idle';
  queues: string[];
  /** QUEUE_PREFIX of the system the worker belongs to (several systems may share one Redis). */
  queue_prefix: string;
  current_job_id: string | null;
  /** When the current job started (ISO), null when idle. */
  current_job_started_at: string | null;
  birth_date: string;
  last_heartbeat: string;
  heartbeat_interval_ms: number;
  successful_job_count: number;
  failed_job_count: number;
  total_working_time_ms: number;
  pid: number;
  hostname: string;
  /** Resident set size of the process at its last heartbeat. */
  rss_bytes: number;
}

/**
 * BullMQ has no worker registry; the queue monitor and rq_status.sh need one. Each worker process keeps a hash with
 * a TTL of a few heartbeats, so a killed process disappears on its own.
 */
export class WorkerRegistry {
  readonly name = `${hostname()}.${process.pid}.${randomBytes(2).toString('hex')}`;
  private readonly key = RedisKeys.worker(this.name);
  /** Running job ids → when each started (ISO). */
  private readonly activeJobs = new Map<string, string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly queues: string[],
    private readonly queuePrefix: string,
    private readonly heartbeatMs: number,
  ) {}

  async start(): Promise<void> {
    const now = new Date().toISOString();
    await this.redis
      .multi()
      .hset(this.key, {
        name: this.name,
        state: 'idle',
        queues: JSON.stringify(this.queues),
        queue_prefix: this.queuePrefix,
        current_job_id: '',
        current_job_started_at: '',
        birth_date: now,
        last_heartbeat: now,
        heartbeat_interval_ms: this.heartbeatMs,
        successful_job_count: 0,
        failed_job_count: 0,
        total_working_time_ms: 0,
        pid: process.pid,
        hostname: hostname(),
        rss_bytes: process.memoryUsage.rss(),
      })
      .pexpire(this.key, this.ttlMs())
      .exec();
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), this.heartbeatMs);
    this.timer.unref();
  }

  async jobStarted(jobId: string): Promise<void> {
    const startedAt = new Date().toISOString();
    this.activeJobs.set(jobId, startedAt);
    await this.redis
      .hset(this.key, { state: 'busy', current_job_id: jobId, current_job_started_at: startedAt })
      .catch(() => undefined);
  }

  async jobEnded(jobId: string, succeeded: boolean, durationMs: number): Promise<void> {
    this.activeJobs.delete(jobId);
    const [next, nextStartedAt] = [...this.activeJobs].pop() ?? ['', ''];
    await this.redis
      .multi()
      .hincrby(this.key, succeeded ? 'successful_job_count' : 'failed_job_count', 1)
      .hincrby(this.key, 'total_working_time_ms', Math.round(durationMs))
      .hset(this.key, { state: next ? 'busy' : 'idle', current_job_id: next, current_job_started_at: nextStartedAt })
      .exec()
      .catch(() => undefined);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.redis.status === 'ready') await this.redis.del(this.key).catch(() => undefined);
  }

  private async heartbeat(): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key, { last_heartbeat: new Date().toISOString(), rss_bytes: process.memoryUsage.rss() })
      .pexpire(this.key, this.ttlMs())
      .exec();
  }

  // Shown as dead after two missed heartbeats (by the monitor), gone after four.
  private ttlMs(): number {
    return this.heartbeatMs * 4;
  }
}

export function parseWorkerRecord(hash: Record<string, string>): WorkerRecord {
  return {
    name: hash.name,
    state: hash.state === 'busy' ? 'busy' : 'idle',
    queues: JSON.parse(hash.queues || '[]') as string[],
    queue_prefix: hash.queue_prefix ?? '',
    current_job_id: hash.current_job_id || null,
    current_job_started_at: hash.current_job_started_at || null,
    birth_date: hash.birth_date,
    last_heartbeat: hash.last_heartbeat,
    heartbeat_interval_ms: Number(hash.heartbeat_interval_ms),
    successful_job_count: Number(hash.successful_job_count ?? 0),
    failed_job_count: Number(hash.failed_job_count ?? 0),
    total_working_time_ms: Number(hash.total_working_time_ms ?? 0),
    pid: Number(hash.pid),
    hostname: hash.hostname,
    rss_bytes: Number(hash.rss_bytes ?? 0),
  };
}
