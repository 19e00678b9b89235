import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, MetricsTime, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { RedisKeys } from '../redis/redis-keys.js';
import { type RedisClient } from '../redis/redis-client.js';
import { RedisConnector } from '../redis/redis-connector.js';
import { closeQuietly, settleWithin } from '../redis/close-quietly.js';
import { isConnectionError, redisOutages } from '../redis/redis-outage.js';
import { queueTelemetry } from '../telemetry/tracing-state.js';
import { declaredJobs } from './job-definition.js';
import { JOB_ABORTED, JOB_LOCK_LOST, JOB_TIMEOUT, WorkerLostError } from './job-errors.js';
import { QueueProcessor, TypedJob } from './queue-processor.js';
import { RunningJobs } from './running-jobs.js';
import { AppJobOptions, TaskQueueService } from './task-queue.service.js';
import { FairScheduler } from './fair-scheduler.js';
import { WorkerRecycler } from './worker-recycler.js';
import { WorkerRegistry } from './worker-registry.js';
import { StallLedger } from './stall-ledger.js';
import { type QueueShard } from './shards/queue-shard.js';
import { poolQueueName } from './routing/pool-queue-name.js';

// Stalls are recorded as failed attempts by the runner (see StallLedger), so BullMQ must never give up on a stalled
// job by itself (its default fails a job on its second stall without running it, and nobody settles the file).
export const BULLMQ_MAX_STALLED_COUNT = 1_000;

/**
 * Runs a BullMQ Worker for every processor whose queue this process serves (RUN_WORKERS, WORKER_QUEUES).
 * We drive BullMQ directly rather than through @nestjs/bullmq's @Processor because we need what it lacks: picking
 * queues per process at run time, job_timeout, a worker registry, operator abort across processes, a bounded
 * graceful shutdown, stalls counted as attempts, and every job's end handed to its processor (settleFailedJob)
 * whoever ended it.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  /** Each worker's running jobs (job ids are counters per queue: two workers may run jobs of the same id). */
  private readonly running = new Map<Worker, RunningJobs>();
  private readonly connections: RedisClient[] = [];
  private registry?: WorkerRegistry;
  private subscriber?: RedisClient;
  private draining?: Promise<void>;
  private readonly bookkeeping = new Set<Promise<void>>();
  private readonly stalls: StallLedger;
  private recycler?: { policy: WorkerRecycler; onSpent: () => void };
  /** The job log line is built only when it is printed (LOG_LEVEL info or more verbose). */
  private readonly logsJobs: boolean;
  /** Job log lines not written yet (see logJob). */
  private jobLines: { outcome: string }[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly redis: Redis,
    private readonly connector: RedisConnector,
    private readonly tasks: TaskQueueService,
  ) {
    this.stalls = new StallLedger(redis, config.queue.prefix);
    this.logsJobs = ['info', 'debug', 'trace'].includes(config.logLevel);
  }

  get workerName(): string | undefined {
    return this.registry?.name;
  }

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.discoverProcessors();
    const served = processors.filter((p) => this.config.runsQueue(p.queueName));
    this.checkEveryJobHasOneHandler(served);
    if (served.length === 0) return;

    this.registry = new WorkerRegistry(
      this.redis,
      served.map((p) => p.queueName),
      this.config.queue.prefix,
      this.config.queue.heartbeatMs,
      this.config.queue.workerPools,
    );
    await this.registry.start();
    // WORKER_POOLS: one BullMQ worker per (queue, pool); a job routed to another pool is never taken here.
    const pools = this.config.queue.workerPools;
    // QUEUE_SHARDS: and one per shard this process serves (WORKER_SHARDS, default all).
    const shards = this.tasks.shards.served(this.config.queue.workerShards);
    for (const processor of served) {
      for (const pool of pools) for (const shard of shards) this.workers.push(this.startWorker(processor, pool, shard));
    }
    await this.listenForAborts();
    this.logger.log(`worker ${this.registry.name} serving ${served.map((p) => p.queueName).join(', ')} (pools ${pools.join(', ')})`);
  }

  /**
   * For a dedicated worker process: once WORKER_MAX_JOBS or WORKER_MAX_MEMORY_MB is reached, stop taking jobs and
   * call `onSpent` (which shuts the process down gracefully, exit 0, to be restarted).
   */
  recycleWhenSpent(onSpent: () => void): void {
    const { workerMaxJobs, workerMaxMemoryMb } = this.config.queue;
    this.recycler = { policy: new WorkerRecycler({ maxJobs: workerMaxJobs, maxMemoryMb: workerMaxMemoryMb }), onSpent };
  }

  /**
   * Stops taking jobs and lets running ones finish within SHUTDOWN_GRACE_MS (then forces the rest), while everything
   * they use is still open. The signal handler calls it before closing Nest; idempotent.
   */
  drain(): Promise<void> {
    this.draining ??= this.closeWorkers();
    return this.draining;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.workers.length === 0) return;
    await this.drain();
    await this.registry?.stop();
    if (this.subscriber) await closeQuietly(this.subscriber);
    await Promise.all(this.connections.map((c) => closeQuietly(c)));
  }

  private async closeWorkers(): Promise<void> {
    const graceful = Promise.all(this.workers.map((worker) => worker.close()));
    const timedOut = await Promise.race([
      graceful.then(() => false),
      delay(this.config.queue.shutdownGraceMs).then(() => true),
    ]);
    if (timedOut) {
      this.logger.warn('grace period over: forcing workers to close; unfinished jobs will be retried as stalled');
      await settleWithin(Promise.all(this.workers.map((worker) => worker.close(true))), 2000);
    }
    await settleWithin(Promise.allSettled([...this.bookkeeping]), 2000);
    for (const running of this.running.values()) running.stop();
  }

  private discoverProcessors(): QueueProcessor[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is QueueProcessor => instance instanceof QueueProcessor);
  }

  /** A job nobody handles would sit in its queue forever: refuse to start instead. */
  private checkEveryJobHasOneHandler(processors: QueueProcessor[]): void {
    const servedQueues = new Set(processors.map((p) => p.queueName));
    for (const queue of servedQueues) {
      if (processors.filter((p) => p.queueName === queue).length > 1) {
        throw new Error(`Queue ${queue} has more than one processor`);
      }
    }
    for (const job of declaredJobs()) {
      if (!servedQueues.has(job.queue)) continue;
      const handler = processors.find((p) => p.queueName === job.queue);
      if (!handler?.jobNames.includes(job.name)) {
        throw new Error(`Job ${job.queue}/${job.name} has no handler in this process`);
      }
    }
  }

  private startWorker(processor: QueueProcessor, pool: string, shard: QueueShard): Worker {
    const { queue } = this.config;
    const connection = shard.connect();
    this.connections.push(connection);
    const running = new RunningJobs();
    // A processor function of fewer than 3 parameters: BullMQ then makes no AbortController a job (RunningJobs aborts).
    const worker: Worker = new Worker(
      poolQueueName(processor.queueName, pool),
      (job) => this.run(processor, worker, running, job, shard),
      {
        connection,
        prefix: queue.prefix,
        concurrency: queue.concurrency,
        stalledInterval: queue.stalledIntervalMs,
        lockDuration: queue.lockDurationMs,
        maxStalledCount: BULLMQ_MAX_STALLED_COUNT,
        name: this.registry?.name,
        // Per-minute finished/failed counts for the queue monitor's metrics (BullMQ keeps them in Redis).
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
        // QUEUE_RATE_LIMITS: BullMQ's limiter counts starts in Redis, so the limit holds across every worker.
        limiter: queue.rateLimits[processor.queueName],
        // OTEL_EXPORTER_OTLP_ENDPOINT: each run is a span in the trace of the request that queued the job.
        telemetry: queueTelemetry(),
      },
    );
    worker.on('error', (error) => {
      if (isConnectionError(error)) redisOutages.lost(error);
      else this.logger.error(`worker error on ${processor.queueName}: ${error.message}`);
    });
    worker.on('failed', (job, error) => this.settleIfFinal(processor, job, error));
    // The stalled checker gave the job to another worker: stop it here, so two runs never write at once.
    worker.on('lockRenewalFailed', (jobIds) => jobIds.forEach((jobId) => running.cancel(jobId, JOB_LOCK_LOST)));
    this.running.set(worker, running);
    return worker;
  }

  /** A job failed for good (whoever failed it): its processor moves what it worked on to a final state. */
  private settleIfFinal(processor: QueueProcessor, job: Job | undefined, error: Error): void {
    if (!job?.finishedOn) return; // retried: not its end yet
    const reason = job.failedReason || error.message;
    processor.settleFailedJob({ name: job.name, data: job.data as unknown }, reason).catch((failure: unknown) => {
      const message = failure instanceof Error ? failure.message : String(failure);
      this.logger.error(`settling failed job ${job.id} of ${processor.queueName}: ${message} (the reconciler retries)`);
    });
  }

  private async run(processor: QueueProcessor, worker: Worker, running: RunningJobs, job: Job, shard: QueueShard): Promise<unknown> {
    const startedAt = performance.now();
    const jobId = String(job.id);
    const options = job.opts as AppJobOptions;
    const run = running.start(jobId, job, options.jobTimeoutMs);
    // Bookkeeping (registry, fair-share turns) runs beside the job, off its critical path; shutdown waits for it (the
    // registry's writes through registry.stop()). The queue bench is CPU-bound on the worker's cost a job: nothing
    // here allocates what the job does not need.
    void this.registry?.jobStarted(jobId);
    let outcome = 'failed';
    let failure: string | undefined;
    try {
      // The worker of an earlier attempt died: record that attempt as failed (it then waits its backoff, or ends the
      // job with WORKER_LOST when it was the last one) before running the job again.
      if (job.stalledCounter > 0 && (await this.stalls.claimNewStalls(worker.name, job))) throw new WorkerLostError(job.stalledCounter);
      const result = await run.race(processor.process(job as TypedJob<{ name: string; data: unknown }>, run));
      outcome = 'completed';
      return result;
    } catch (error) {
      if (run.abortReason !== undefined) outcome = run.abortReason === JOB_TIMEOUT ? 'timed_out' : 'aborted';
      failure = error instanceof Error ? error.message : String(error);
      if (processor.isPermanentFailure(error) && !(error instanceof UnrecoverableError)) {
        throw new UnrecoverableError(failure);
      }
      throw error;
    } finally {
      running.end(jobId, run);
      const durationMs = performance.now() - startedAt;
      void this.registry?.jobEnded(jobId, outcome === 'completed', durationMs);
      if (options.fairShare) this.fairShareTurn(processor, job, shard, outcome === 'completed');
      this.recycleIfSpent();
      if (outcome !== 'completed' || this.logsJobs) this.logJob(processor, job, durationMs, outcome, failure);
    }
  }

  /**
   * The fair scheduler's bookkeeping for a job's end. A job taken while held back (an idle worker took it before its
   * turn) held no slot: when it completed, its end frees none and admits nothing (saves a round trip a job). A job
   * that will run again is admitted first, so its retry does not wait again.
   */
  private fairShareTurn(processor: QueueProcessor, job: Job, shard: QueueShard, completed: boolean): void {
    if (completed && FairScheduler.takenHeldBack(job)) return;
    if (!completed) this.inBackground(this.fairShareHook(() => this.tasks.jobStarted(job, shard)));
    this.inBackground(this.fairShareHook(() => this.tasks.jobEnded(processor.queueName, job, shard)));
  }

  /**
   * The job's log line is written once BullMQ has sent the job's end to Redis (the next turn of the event loop), not
   * before: at concurrency 1 the next job waits for that round trip, so the line is written while Redis works.
   */
  private logJob(processor: QueueProcessor, job: Job, durationMs: number, outcome: string, failure: string | undefined): void {
    const line = {
      queue: processor.queueName,
      job_id: job.id,
      job_name: job.name,
      attempt: job.attemptsMade + 1,
      duration_ms: Math.round(durationMs),
      outcome,
      error: failure,
    };
    if (this.jobLines.push(line) === 1) setImmediate(this.writeJobLines);
  }

  private readonly writeJobLines = (): void => {
    const lines = this.jobLines;
    this.jobLines = [];
    for (const line of lines) {
      if (line.outcome === 'completed') this.logger.log(line);
      else this.logger.warn(line);
    }
  };

  /** Runs work that must not fail or delay a job (it catches its own errors); closeWorkers waits for what is left. */
  private inBackground(work: Promise<void>): void {
    const tracked: Promise<void> = work.finally(() => this.bookkeeping.delete(tracked));
    this.bookkeeping.add(tracked);
  }

  /** The fair scheduler's bookkeeping never decides a job's outcome: a failure is logged, the job goes on. */
  private async fairShareHook(hook: () => Promise<void>): Promise<void> {
    await hook().catch((error: unknown) => this.logger.warn(`fair scheduler: ${(error as Error).message}`));
  }

  private recycleIfSpent(): void {
    const reason = this.recycler?.policy.jobEnded();
    if (!reason || !this.recycler) return;
    this.logger.log(`worker ${this.workerName ?? ''} recycles: ${reason}; finishing running jobs, then exiting`);
    // Closing now (not awaited: this job is among those it waits for) stops the next fetch at once.
    for (const worker of this.workers) void worker.close();
    this.recycler.onSpent();
  }

  /** Operator aborts are published on one channel; the worker running that job aborts it, the others ignore it. */
  private async listenForAborts(): Promise<void> {
    this.subscriber = this.connector.connect();
    await this.subscriber.subscribe(RedisKeys.jobAbortChannel());
    this.subscriber.on('message', (_channel, message: string) => {
      const { job_id, reason, queue, prefix } = JSON.parse(message) as AbortMessage;
      // Job ids are counters per queue: honour the queue and prefix when the publisher names them.
      if (prefix && prefix !== this.config.queue.prefix) return;
      for (const worker of this.workers) {
        if (!queue || worker.name === queue) this.running.get(worker)?.cancel(job_id, reason ?? JOB_ABORTED);
      }
    });
  }
}

/** What an operator abort publishes on RedisKeys.jobAbortChannel(). */
export interface AbortMessage {
  job_id: string;
  reason?: string;
  queue?: string;
  prefix?: string;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
