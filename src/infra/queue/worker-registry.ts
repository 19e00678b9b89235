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
 * a TTL of a few heartbeats, so a killed process disappears on its own. Every write (heartbeat, job start and end)
 * writes the whole record from what the process knows, so a record lost with Redis (an outage longer than its TTL,
 * a failover) comes back whole at the next heartbeat.
 */
export class WorkerRegistry {
  readonly name = `${hostname()}.${process.pid}.${randomBytes(2).toString('hex')}`;
  private readonly key = RedisKeys.worker(this.name);
  private readonly birthDate = new Date().toISOString();
  /** Running job ids → when each started (ISO). */
  private readonly activeJobs = new Map<string, string>();
  private readonly counts = { successful: 0, failed: 0, workingMs: 0 };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly queues: string[],
    private readonly queuePrefix: string,
    private readonly heartbeatMs: number,
  ) {}

  async start(): Promise<void> {
    await this.write();
    this.timer = setInterval(() => void this.write().catch(() => undefined), this.heartbeatMs);
    this.timer.unref();
  }

  async jobStarted(jobId: string): Promise<void> {
    this.activeJobs.set(jobId, new Date().toISOString());
    await this.write().catch(() => undefined);
  }

  async jobEnded(jobId: string, succeeded: boolean, durationMs: number): Promise<void> {
    this.activeJobs.delete(jobId);
    if (succeeded) this.counts.successful++;
    else this.counts.failed++;
    this.counts.workingMs += Math.round(durationMs);
    await this.write().catch(() => undefined);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.redis.status === 'ready') await this.redis.del(this.key).catch(() => undefined);
  }

  private async write(): Promise<void> {
    // The job shown is the latest started of those running (a worker may run several at once).
    const [currentJobId, currentJobStartedAt] = [...this.activeJobs].pop() ?? ['', ''];
    await this.redis
      .multi()
      .hset(this.key, {
        name: this.name,
        state: currentJobId ? 'busy' : 'idle',
        queues: JSON.stringify(this.queues),
        queue_prefix: this.queuePrefix,
        current_job_id: currentJobId,
        current_job_started_at: currentJobStartedAt,
        birth_date: this.birthDate,
        last_heartbeat: new Date().toISOString(),
        heartbeat_interval_ms: this.heartbeatMs,
        successful_job_count: this.counts.successful,
        failed_job_count: this.counts.failed,
        total_working_time_ms: this.counts.workingMs,
        pid: process.pid,
        hostname: hostname(),
        rss_bytes: process.memoryUsage.rss(),
      })
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
