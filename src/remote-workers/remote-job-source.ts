import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { type Job, type Queue, Worker } from 'bullmq';
import { AppConfig } from '../infra/config/app-config.js';
import { settleWithin } from '../infra/redis/close-quietly.js';
import { type QueueShard } from '../infra/queue/shards/queue-shard.js';
import { TaskQueueService, type AppJobOptions } from '../infra/queue/task-queue.service.js';
import { BULLMQ_MAX_STALLED_COUNT } from '../infra/queue/worker-runner.service.js';
import type { RemoteQueue } from './remote-queues.js';

// Jobs ahead of a user's first job that a user-bound claim looks past (taken and handed straight back in order).
const USER_SCAN_DEPTH = 50;

/** What a claim takes: a job from the pool's queue of one logical queue, locked with the lease id as its token. */
export interface TakeRequest {
  queue: RemoteQueue;
  pool: string;
  leaseId: string;
  /** Set: only this user's jobs. */
  userId: string | null;
  /** False for jobs the remote step refuses (handed back like another user's). */
  accepts: (job: Job) => boolean;
}

/** A job taken, and the queue shard that holds it (its lease acts there). */
export interface TakenJob {
  job: Job;
  shard: QueueShard;
}

/** The shard of a lease recorded before shards were remembered. */
export const DEFAULT_SHARD = '0';

/**
 * Takes jobs for remote workers with BullMQ's manual processing: a Worker without a processor per pool queue, its lock
 * duration the lease (REMOTE_LEASE_MS), so a lease is the job's lock: a heartbeat extends it, and a lease that runs
 * out is a stalled job that the stalled checker (started here, as a processor-less Worker does not start it) returns
 * to the queue. Jobs a claim may not take are handed back with moveToWait, which puts them back where they were.
 */
@Injectable()
export class RemoteJobSource implements OnApplicationShutdown {
  private readonly logger = new Logger('RemoteWorkers');
  private readonly workers = new Map<string, Promise<Worker>>();
  /** Per pool queue: the shard the next claim starts at. */
  private readonly rotation = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly tasks: TaskQueueService,
  ) {}

  /** The BullMQ queue of a queue's pool on a shard (the one place that maps them, for remote workers). */
  queueOf(queue: RemoteQueue, pool: string, shard: string = DEFAULT_SHARD): Queue {
    return this.tasks.queue(queue, pool, this.tasks.shards.byName(shard));
  }

  /**
   * The next job the request may take on any shard that is up (QUEUE_SHARDS), or undefined; the jobs looked past keep
   * their place. Each claim starts at the next shard in turn, so no shard's jobs wait behind another's.
   */
  async take(request: TakeRequest): Promise<TakenJob | undefined> {
    const shards = this.tasks.shards.all.filter((shard) => shard.available || !this.tasks.shards.sharded);
    const key = `${request.queue}@${request.pool}`;
    const start = (this.rotation.get(key) ?? 0) % Math.max(1, shards.length);
    this.rotation.set(key, start + 1);
    for (const shard of [...shards.slice(start), ...shards.slice(0, start)]) {
      const job = await this.takeFrom(shard, request);
      if (job) return { job, shard };
    }
    return undefined;
  }

  private async takeFrom(shard: QueueShard, request: TakeRequest): Promise<Job | undefined> {
    const queue = this.tasks.queue(request.queue, request.pool, shard);
    if (request.userId && !(await this.userHasWaitingJob(queue, request.userId))) return undefined;
    const worker = await this.workerFor(shard, queue);
    const passed: Job[] = [];
    let taken: Job | undefined;
    try {
      for (let i = 0; i <= USER_SCAN_DEPTH; i++) {
        const job = (await worker.getNextJob(request.leaseId, { block: false })) as Job | undefined;
        if (!job) break;
        const owner = (job.opts as AppJobOptions).userId ?? null;
        if ((!request.userId || owner === request.userId) && request.accepts(job)) {
          taken = job;
          break;
        }
        passed.push(job);
        if (!request.userId) break; // an unbound claim stops at the first job it refuses
      }
    } finally {
      // Last taken, first handed back: each goes back to the head of its line, so the line keeps its order.
      for (const job of passed.reverse()) await job.moveToWait(request.leaseId).catch(() => undefined);
    }
    return taken;
  }

  /** Puts a leased job back in its queue at once, without counting an attempt. */
  async handBack(job: Job, leaseId: string): Promise<void> {
    await job.moveToWait(leaseId);
  }

  /** Delayed jobs count too: fetching is what moves due ones (a retry after its backoff) into the line. */
  private async userHasWaitingJob(queue: Queue, userId: string): Promise<boolean> {
    const jobs = await queue.getJobs(['prioritized', 'waiting', 'delayed'], 0, USER_SCAN_DEPTH - 1);
    return jobs.some((job) => (job.opts as AppJobOptions | undefined)?.userId === userId);
  }

  /** One processor-less Worker per shard and pool queue: its stalled checker returns that shard's expired leases. */
  private workerFor(shard: QueueShard, queue: Queue): Promise<Worker> {
    const key = `${shard.name}/${queue.name}`;
    let worker = this.workers.get(key);
    if (!worker) {
      worker = this.startWorker(queue);
      this.workers.set(key, worker);
    }
    return worker;
  }

  private async startWorker(queue: Queue): Promise<Worker> {
    await queue.waitUntilReady();
    // The queue's own connection (its shard): BullMQ shares it and makes its blocking connection from it.
    const worker = new Worker(queue.name, null, {
      connection: queue.opts.connection,
      prefix: this.config.queue.prefix,
      autorun: false,
      name: 'remote-workers',
      lockDuration: this.config.remoteWorkers.leaseMs,
      stalledInterval: this.config.queue.stalledIntervalMs,
      // As for in-house workers: a stall is recorded as a failed attempt (StallLedger), BullMQ never gives up by itself.
      maxStalledCount: BULLMQ_MAX_STALLED_COUNT,
    });
    worker.on('error', (error) => this.logger.warn(`remote job source on ${queue.name}: ${error.message}`));
    await worker.startStalledCheckTimer();
    return worker;
  }

  async onApplicationShutdown(): Promise<void> {
    const workers = await Promise.all(this.workers.values());
    await settleWithin(Promise.all(workers.map((w) => w.close(true))), 2000);
  }
}
