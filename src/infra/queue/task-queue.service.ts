import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, Job, JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { REDIS_URL } from '../redis/redis.module.js';
import { closeQuietly, settleWithin } from '../redis/close-quietly.js';
import { redisOutages } from '../redis/redis-outage.js';
import { bullRedisOptions } from '../redis/redis-target.js';
import { queueTelemetry } from '../telemetry/tracing-state.js';
import { JobDefinition } from './job-definition.js';
import { ApiJobStatus, toApiStatus } from './job-status.js';
import { ALL_QUEUES, QueueName } from './queue-names.js';
import { DEFAULT_TASK_OPTIONS, TaskOptions } from './task-options.js';
import { FairScheduler } from './fair-scheduler.js';
import { removeDeferredJob, TaskFlows } from './task-flows.js';
import { toBullPriority } from './task-priority.js';

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
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly fair: FairScheduler;
  private readonly flowProducer: FlowProducer;
  /** Jobs that wait on other jobs: dependencies, chains, chords (see TaskFlows). */
  readonly flows: TaskFlows;

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS_URL) redisUrl: string,
  ) {
    this.connection = redisOutages.watch(new Redis(redisUrl, bullRedisOptions()));
    this.fair = new FairScheduler(this.connection, config.queue.prefix);
    this.flowProducer = new FlowProducer({ connection: this.connection, prefix: config.queue.prefix, telemetry: queueTelemetry() });
    this.flowProducer.on('error', () => undefined);
    this.flows = new TaskFlows(this.flowProducer, config.queue.prefix);
  }

  /** The BullMQ queue object (for the queue monitor; features enqueue through `enqueue`). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.queue.prefix, telemetry: queueTelemetry() });
      // Connection errors surface on the calls that fail (503 at the API); without a listener BullMQ prints each one.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return ALL_QUEUES.map((name) => this.queue(name));
  }

  async enqueue<TName extends string, TData>(
    definition: JobDefinition<TName, TData>,
    data: TData,
    options: TaskOptions = {},
  ): Promise<EnqueuedTask> {
    const merged: TaskOptions = { ...DEFAULT_TASK_OPTIONS, ...definition.defaults, ...options };
    const queue = this.queue(definition.queue);
    if (merged.jobId) {
      const existing = await queue.getJob(merged.jobId);
      if (existing) {
        const state = await existing.getState();
        if (LIVE_STATES.has(state)) return { job_id: merged.jobId, status: toApiStatus(state), created: false };
        // A finished or failed job with this id would block a new one: RQ re-enqueues, so do we.
        await existing.remove().catch(() => undefined);
      }
    }
    const bullOptions = toBullOptions(merged);
    // A delayed job enters the line when due, at its own priority: it is not held back.
    const fair = this.config.queue.fairScheduling && !bullOptions.delay;
    if (fair) Object.assign(bullOptions, { priority: FairScheduler.entryPriority(merged.priority), fairShare: true });
    const job = await queue.add(definition.name, data, bullOptions);
    const actual = merged.jobId ? ((await queue.getJob(merged.jobId)) ?? job) : job;
    const created = actual.timestamp === job.timestamp;
    if (fair && created) await this.fair.hold(queue, String(job.id), merged, merged.priority);
    // A job just created answers queued (scheduled when delayed) even if a worker took it meanwhile, as the original
    // system did; a live job returned instead keeps its real status.
    const status = created ? (bullOptions.delay ? 'scheduled' : 'queued') : toApiStatus(await actual.getState());
    return { job_id: String(actual.id), status, created };
  }

  /** Worker hook: a job started (the fair scheduler admits it if an idle worker took it while held back). */
  async jobStarted(job: Job): Promise<void> {
    if ((job.opts as AppJobOptions).fairShare) await this.fair.started(job);
  }

  /** Worker hook: a job's attempt ended; the fair scheduler admits its owner's next job. */
  async jobEnded(queue: QueueName, job: Job): Promise<void> {
    const options = job.opts as AppJobOptions;
    if (options.fairShare) await this.fair.ended(this.queue(queue), job, options);
  }

  async getJob(queue: QueueName, jobId: string): Promise<Job | undefined> {
    return this.queue(queue).getJob(jobId);
  }

  /**
   * Removes a job that has not started (queued, scheduled, deferred, with the dependencies of a deferred job that have
   * not started). Returns false if it is running or gone.
   */
  async removeIfNotStarted(queue: QueueName, jobId: string): Promise<boolean> {
    const job = await this.getJob(queue, jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'active' || state === 'completed' || state === 'failed') return false;
    await (state === 'waiting-children' ? removeDeferredJob(job) : job.remove());
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    const closing = [...this.queues.values(), this.flowProducer].map((closable) => closable.close());
    await settleWithin(Promise.all(closing), 2000);
    await closeQuietly(this.connection);
  }
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
