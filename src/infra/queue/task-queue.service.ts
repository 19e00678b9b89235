import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { REDIS_ENDPOINT } from '../redis/redis-connector.js';
import { type RedisEndpoint } from '../redis/redis-endpoint.js';
import { settleWithin } from '../redis/close-quietly.js';
import { JobDefinition } from './job-definition.js';
import { ApiJobStatus, toApiStatus } from './job-status.js';
import { ALL_QUEUES, QueueName } from './queue-names.js';
import { DEFAULT_TASK_OPTIONS, TaskOptions } from './task-options.js';
import { FairScheduler } from './fair-scheduler.js';
import { toBullPriority } from './task-priority.js';
import { QueueShard } from './shards/queue-shard.js';
import { QueueShards, type ShardJob } from './shards/queue-shards.js';
import { ShardedFlows } from './shards/sharded-flows.js';
import { DEFAULT_POOL, poolQueueName } from './routing/pool-queue-name.js';
import { routingContextOf } from './routing/job-routing.js';

export interface EnqueuedTask {
  job_id: string;
  status: ApiJobStatus | 'unknown';
  /** False when a job with the same id was already queued or running: that job is returned instead. */
  created: boolean;
}

/** Job options we add to BullMQ's: the timeout the worker runner enforces, the owner and their weight. Stored with the job. */
export type AppJobOptions = JobsOptions & { jobTimeoutMs?: number; userId?: string; weight?: number; fairShare?: boolean };

const LIVE_STATES = new Set(['waiting', 'prioritized', 'active', 'delayed', 'waiting-children']);

/** The one producer facade: every job of the system is enqueued here, so all get the same option mapping. */
@Injectable()
export class TaskQueueService implements OnApplicationShutdown {
  /** The queue shards (QUEUE_SHARDS; one shard on the main Redis when unset): connections, queues, fair schedulers. */
  readonly shards: QueueShards;
  /** Jobs that wait on other jobs: dependencies, chains, chords (see TaskFlows); a flow stays on one shard. */
  readonly flows: ShardedFlows;
  private readonly logger = new Logger('TaskQueue');
  /** Each shard's last fair-share admission sent (answers come in order: shutdown waits for the last one). */
  private readonly lastHolds = new Map<QueueShard, Promise<void>>();

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS_ENDPOINT) mainRedis: RedisEndpoint,
  ) {
    this.shards = new QueueShards(config.queue.shards?.length ? config.queue.shards : [mainRedis], config.queue.prefix);
    this.flows = new ShardedFlows(this.shards);
    for (const shard of this.shards.all) {
      shard.flows.routeWith(config.queue.routes);
      if (config.queue.fairScheduling) shard.flows.holdBackWith(shard.fair, (name) => shard.queue(name));
    }
  }

  /**
   * The BullMQ queue object of a queue's worker pool on a shard (the first by default), for the queue monitor and
   * workers; features enqueue through `enqueue`. Pools choose the queue name, shards the Redis.
   */
  queue(name: QueueName, pool: string = DEFAULT_POOL, shard: QueueShard = this.shards.all[0]): Queue {
    return shard.queue(poolQueueName(name, pool));
  }

  /** Every queue's pools (ROUTES_FILE) on a shard (the first by default: with QUEUE_SHARDS, ask each of `shards.all`). */
  allQueues(shard: QueueShard = this.shards.all[0]): Queue[] {
    return ALL_QUEUES.flatMap((name) => this.config.queue.routes.poolsOf(name).map((pool) => this.queue(name, pool, shard)));
  }

  async enqueue<TName extends string, TData>(
    definition: JobDefinition<TName, TData>,
    data: TData,
    options: TaskOptions = {},
  ): Promise<EnqueuedTask> {
    const merged: TaskOptions = { ...DEFAULT_TASK_OPTIONS, ...definition.defaults, ...options };
    const routingKey = routingKeyOf(definition, data, merged);
    const shard = await this.shards.whenAvailable(this.shards.route(routingKey));
    // BullMQ's counter ids collide across shards: a job without an id of its own gets a unique one.
    const ownId = !!merged.jobId;
    if (!ownId && this.shards.sharded) merged.jobId = randomUUID();
    // ROUTES_FILE picks the worker pool (the queue name within the shard); a pure function of the job.
    const pool = this.config.queue.routes.poolFor(routingContextOf(definition, merged));
    const queue = this.queue(definition.queue, pool, shard);
    if (ownId && merged.jobId) {
      // A live job with this id may sit on a shard the key hashed to before a shard was added, or in another pool
      // (the rules changed since): that one is returned.
      const existing = (await this.findShardJob(definition.queue, merged.jobId, routingKey, pool))?.job;
      if (existing) {
        const state = await existing.getState();
        if (LIVE_STATES.has(state)) return { job_id: merged.jobId, status: toApiStatus(state), created: false };
        // A finished or failed job with this id would block a new one: RQ re-enqueues, so do we. Only that job: the
        // ended jobs it waited on (a file run's process-file under its graph job) keep their own record.
        await existing.remove({ removeChildren: false }).catch(() => undefined);
      }
    }
    const bullOptions = toBullOptions(merged);
    // A delayed job enters the line when due, at its own priority: it is not held back.
    const fair = this.config.queue.fairScheduling && !bullOptions.delay;
    if (fair) Object.assign(bullOptions, { priority: FairScheduler.entryPriority(merged.priority), fairShare: true });
    const job = await queue.add(definition.name, data, bullOptions);
    const actual = merged.jobId ? ((await queue.getJob(merged.jobId)) ?? job) : job;
    const created = actual.timestamp === job.timestamp;
    if (fair && created) this.holdInBackground(shard, shard.fair.hold(queue, String(job.id), merged, merged.priority));
    // A job just created answers queued (scheduled when delayed) even if a worker took it meanwhile, as the original
    // system did; a live job returned instead keeps its real status.
    const status = created ? (bullOptions.delay ? 'scheduled' : 'queued') : toApiStatus(await actual.getState());
    return { job_id: String(actual.id), status, created };
  }

  /**
   * The fair scheduler's admission of a job just added is sent at once on the shard's connection (so any later
   * command of this process sees it done) but not awaited: an enqueue costs one round trip, as a plain BullMQ add
   * does. Until it runs, the job waits at its held-back level, where an idle worker may still take it; if it fails,
   * the job stays there and runs when no admitted job waits.
   */
  private holdInBackground(shard: QueueShard, hold: Promise<void>): void {
    this.lastHolds.set(shard, hold.catch((error: unknown) => this.logger.warn(`fair scheduler: ${(error as Error).message}`)));
  }

  /**
   * Worker hook: a job started (the fair scheduler admits it if an idle worker took it while held back). `shard` is
   * the shard the job was taken from: each shard has its own fair scheduler (the first only for callers that take
   * jobs from the first shard alone, as remote workers do).
   */
  async jobStarted(job: Job, shard: QueueShard = this.shards.all[0]): Promise<void> {
    if ((job.opts as AppJobOptions).fairShare) await shard.fair.started(job);
  }

  /** Worker hook: a job's attempt ended on `shard`; that shard's fair scheduler admits its owner's next job. */
  async jobEnded(queue: QueueName, job: Job, shard: QueueShard = this.shards.all[0]): Promise<void> {
    const options = job.opts as AppJobOptions;
    if (options.fairShare) await shard.fair.ended(shard.queue(job.queueName || queue), job, options);
  }

  /** A job by id in whichever pool of the queue (ROUTES_FILE) and on whichever shard holds it. */
  async getJob(queue: QueueName, jobId: string): Promise<Job | undefined> {
    return (await this.findShardJob(queue, jobId))?.job;
  }

  /** The queue's pools in lookup order: `first` (the pool the job routes to now), then the others of the rules. */
  private async findShardJob(queue: QueueName, jobId: string, routingKey?: string, first = DEFAULT_POOL): Promise<ShardJob | undefined> {
    const pools = this.config.queue.routes.poolsOf(queue);
    for (const pool of [first, ...pools.filter((p) => p !== first)]) {
      const found = await this.shards.findJob(poolQueueName(queue, pool), jobId, routingKey);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Removes the job with this id if it ended (completed or failed): it would block a new job with its id (BullMQ
   * ignores an add with a taken id). Only that job: the ended jobs it waited on keep their record (BullMQ's removal of
   * children misses our three-part ids, see FlowJobRemover).
   */
  async removeEnded(queue: QueueName, jobId: string): Promise<void> {
    const job = await this.getJob(queue, jobId);
    const state = job ? await job.getState() : undefined;
    if (job && (state === 'completed' || state === 'failed')) await job.remove({ removeChildren: false }).catch(() => undefined);
  }

  /**
   * Removes a job that has not started (queued, scheduled, deferred, with the dependencies of a deferred job that have
   * not started). Returns false if it is running or gone.
   */
  async removeIfNotStarted(queue: QueueName, jobId: string): Promise<boolean> {
    const found = await this.findShardJob(queue, jobId);
    if (!found) return false;
    const state = await found.job.getState();
    if (state === 'active' || state === 'completed' || state === 'failed') return false;
    await found.shard.remover.remove(found.job);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await settleWithin(Promise.all(this.lastHolds.values()), 2000);
    await this.shards.close();
  }
}

/** What picks a job's shard: its definition's routing key, else its id, else its user, else its name. */
export function routingKeyOf<TData>(definition: JobDefinition<string, TData>, data: TData, options: TaskOptions): string {
  return definition.routingKey?.(data) ?? options.jobId ?? options.userId ?? definition.name;
}

export function toBullOptions(options: TaskOptions): AppJobOptions {
  const delay = options.enqueueAt
    ? Math.max(0, options.enqueueAt.getTime() - Date.now())
    : (options.enqueueInMs ?? undefined);
  return {
    jobId: options.jobId,
    jobTimeoutMs: options.jobTimeoutMs,
    removeOnComplete: options.resultTtlSeconds !== undefined ? { age: options.resultTtlSeconds } : undefined,
    removeOnFail: options.failureTtlSeconds !== undefined ? { age: options.failureTtlSeconds } : undefined,
    delay,
    attempts: options.retry ? options.retry.max + 1 : 1,
    backoff: options.retry ? { type: 'fixed', delay: options.retry.intervalMs } : undefined,
    priority: toBullPriority(options.priority),
    userId: options.userId,
    weight: options.weight,
    deduplication: options.debounce ? { id: options.debounce.id, ttl: options.debounce.ttlMs } : undefined,
  };
}
