import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type Redis } from 'ioredis';
import { RedisKeys } from '../redis/redis-keys.js';

/** The record lags the worker by at most this: job starts and ends within it ride on one write. */
const MIN_WRITE_INTERVAL_MS = 250;

/** One worker process as the registry shows it (`rq:worker:{name}`), the original RQ worker fields. */
export interface WorkerRecord {
  name: string;
  state: 'busy' | 'idle';
  queues: string[];
  /** The worker pools it serves (WORKER_POOLS) for each of its queues; `default` for a record written before pools. */
  pools: string[];
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
  /** Running job ids → when each started (epoch ms; formatted at the write, not at each start). */
  private readonly activeJobs = new Map<string, number>();
  private readonly counts = { successful: 0, failed: 0, workingMs: 0 };
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private pending?: Promise<void>;
  private lastWriteAt = 0;
  /** Read at each heartbeat, not at each job's write: a /proc read, 10-13% of a busy worker's CPU in the queue bench. */
  private rssBytes = process.memoryUsage.rss();

  constructor(
    private readonly redis: Redis,
    private readonly queues: string[],
    private readonly queuePrefix: string,
    private readonly heartbeatMs: number,
    private readonly pools: readonly string[] = ['default'],
  ) {}

  async start(): Promise<void> {
    await this.write();
    this.timer = setInterval(() => {
      this.rssBytes = process.memoryUsage.rss();
      void this.flush();
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Resolves once a write carrying the change is done; never rejects, and stop() waits for it. */
  jobStarted(jobId: string): Promise<void> {
    this.activeJobs.set(jobId, Date.now());
    return this.flush();
  }

  /** Resolves once a write carrying the change is done; never rejects, and stop() waits for it. */
  jobEnded(jobId: string, succeeded: boolean, durationMs: number): Promise<void> {
    this.activeJobs.delete(jobId);
    if (succeeded) this.counts.successful++;
    else this.counts.failed++;
    this.counts.workingMs += Math.round(durationMs);
    return this.flush();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pending; // a write finishing later would bring the record back
    await this.writing;
    if (this.redis.status === 'ready') await this.redis.del(this.key).catch(() => undefined);
  }

  /**
   * Writes the record once the write in flight ended and at least MIN_WRITE_INTERVAL_MS after the last one began; that
   * write carries every change made meanwhile. Job starts and ends cost the worker no round trip of their own (at
   * concurrency 1 a write a job was most of the queue bench's per-job Redis traffic), and the record lags the worker by
   * at most that interval. Never rejects.
   */
  private flush(): Promise<void> {
    this.pending ??= (async () => {
      await this.writing;
      const wait = this.lastWriteAt + MIN_WRITE_INTERVAL_MS - Date.now();
      if (wait > 0) await delay(wait);
      this.pending = undefined;
      this.lastWriteAt = Date.now();
      this.writing = this.write()
        .catch(() => undefined)
        .finally(() => (this.writing = undefined));
      await this.writing;
    })();
    return this.pending;
  }

  private async write(): Promise<void> {
    // The job shown is the latest started of those running (a worker may run several at once).
    const [currentJobId, startedAt] = [...this.activeJobs].pop() ?? ['', undefined];
    await this.redis
      .multi()
      .hset(this.key, {
        name: this.name,
        state: currentJobId ? 'busy' : 'idle',
        queues: JSON.stringify(this.queues),
        pools: JSON.stringify(this.pools),
        queue_prefix: this.queuePrefix,
        current_job_id: currentJobId,
        current_job_started_at: startedAt === undefined ? '' : new Date(startedAt).toISOString(),
        birth_date: this.birthDate,
        last_heartbeat: new Date().toISOString(),
        heartbeat_interval_ms: this.heartbeatMs,
        successful_job_count: this.counts.successful,
        failed_job_count: this.counts.failed,
        total_working_time_ms: this.counts.workingMs,
        pid: process.pid,
        hostname: hostname(),
        rss_bytes: this.rssBytes,
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
    pools: JSON.parse(hash.pools || '["default"]') as string[],
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
