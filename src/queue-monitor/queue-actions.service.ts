import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ApiJobStatus, toApiStatus } from '../infra/queue/job-status.js';
import { type QueueShard } from '../infra/queue/shards/queue-shard.js';
import { toTaskPriority } from '../infra/queue/task-priority.js';
import { enqueuedAt } from './job-view.js';
import { AbortResult, CleanResult, JobActionResult, QueuePauseResult, RequeueFailedResult } from './job-actions.js';
import { MonitoredQueues } from './monitored-queues.js';
import { JobNotFoundError, JobStatusConflictError } from './queue-monitor.errors.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';

const CANCELABLE: readonly ApiJobStatus[] = ['queued', 'scheduled', 'deferred'];

/** Operator actions on jobs and queues. Each checks the job's status first and answers what it changed. */
@Injectable()
export class QueueActionsService {
  private readonly logger = new Logger('QueueMonitor');

  constructor(
    private readonly queues: MonitoredQueues,
    private readonly repository: QueueMonitorRepository,
  ) {}

  async requeue(queueName: string, jobId: string): Promise<JobActionResult> {
    const { queue, job, status } = await this.load(queueName, jobId, 'requeue', ['failed']);
    await job.retry('failed');
    return this.changed(queue, jobId, status, 'requeue');
  }

  /** Requeues the failed jobs of a queue, the oldest failures first when `count` limits them. */
  async requeueFailed(queueName: string, count?: number): Promise<RequeueFailedResult> {
    // Every pool and shard of the queue (QUEUE_SHARDS: `count` applies to each shard's oldest failures).
    const requeued = (await Promise.all(this.queues.resolve(queueName).map((pool) => this.requeueFailedIn(pool.bull, count)))).reduce(
      (sum, n) => sum + n,
      0,
    );
    this.logger.log({ action: 'requeue_failed', queue: queueName, requeued });
    return { queue_name: this.queues.get(queueName).name, requeued };
  }

  private async requeueFailedIn(queue: Queue, count?: number): Promise<number> {
    let requeued = 0;
    if (count === undefined) {
      requeued = await queue.getFailedCount();
      await queue.retryJobs({ state: 'failed', count: 1000 });
    } else {
      const failed = (await queue.getJobs(['failed'], 0, count - 1, true)).filter(Boolean) as Job[];
      for (const job of failed) {
        const retried = await job.retry('failed').then(
          () => true,
          () => false,
        );
        if (retried) requeued += 1;
      }
    }
    return requeued;
  }

  /** Removes a job that has not started and records it as canceled. */
  async cancel(queueName: string, jobId: string): Promise<JobActionResult> {
    const { queue, job, status, shard } = await this.load(queueName, jobId, 'cancel', CANCELABLE);
    try {
      await shard.remover.remove(job);
    } catch {
      // It started (its lock blocks removal) between our check and the removal.
      const now = toApiStatus(await job.getState());
      throw new JobStatusConflictError(jobId, now, 'cancel', CANCELABLE);
    }
    await this.repository.recordCanceled(queue.name, {
      job_id: jobId,
      name: job.name,
      data: job.data,
      created_at: new Date(job.timestamp).toISOString(),
      enqueued_at: new Date(enqueuedAt(job)).toISOString(),
      canceled_at: new Date().toISOString(),
      previous_status: status,
      priority: toTaskPriority(job.priority),
      shard: shard.name,
    });
    this.logger.log({ action: 'cancel', queue: queue.name, job_id: jobId, previous_status: status });
    return { job_id: jobId, queue_name: queue.name, previous_status: status, status: 'canceled' };
  }

  /** Asks the worker running the job to abort it: its AbortSignal fires and the job fails with JOB_ABORTED. */
  async abort(queueName: string, jobId: string, reason = 'aborted by an operator'): Promise<AbortResult> {
    const { queue, status } = await this.load(queueName, jobId, 'abort', ['started']);
    await this.repository.publishAbort(queue.name, jobId, reason);
    this.logger.log({ action: 'abort', queue: queue.name, job_id: jobId, reason });
    return { job_id: jobId, queue_name: queue.name, previous_status: status, status, abort_requested: true, reason };
  }

  async promote(queueName: string, jobId: string): Promise<JobActionResult> {
    const { queue, job, status } = await this.load(queueName, jobId, 'promote', ['scheduled']);
    await job.promote();
    return this.changed(queue, jobId, status, 'promote');
  }

  /** Pauses the queue: a logical name pauses every worker pool of it, `<queue>@<pool>` that pool. */
  async pause(queueName: string): Promise<QueuePauseResult> {
    const pools = this.queues.resolve(queueName).map((pool) => pool.bull);
    await Promise.all(pools.map((queue) => queue.pause()));
    this.logger.log({ action: 'pause', queue: queueName });
    return { queue_name: queueName, paused: (await Promise.all(pools.map((queue) => queue.isPaused()))).every(Boolean) };
  }

  async resume(queueName: string): Promise<QueuePauseResult> {
    const pools = this.queues.resolve(queueName).map((pool) => pool.bull);
    await Promise.all(pools.map((queue) => queue.resume()));
    this.logger.log({ action: 'resume', queue: queueName });
    return { queue_name: queueName, paused: (await Promise.all(pools.map((queue) => queue.isPaused()))).some(Boolean) };
  }

  /** Removes finished or failed jobs that ended more than `olderThanSeconds` ago (all of them, or `limit`). */
  async clean(
    queueName: string,
    status: 'finished' | 'failed',
    olderThanSeconds: number,
    limit = 0,
  ): Promise<CleanResult> {
    const state = status === 'finished' ? 'completed' : 'failed';
    const queues = this.queues.resolve(queueName).map((pool) => pool.bull);
    const removed = (await Promise.all(queues.map((queue) => queue.clean(olderThanSeconds * 1000, limit, state)))).flat().length;
    const queue = this.queues.get(queueName);
    this.logger.log({ action: 'clean', queue: queue.name, status, older_than_seconds: olderThanSeconds, removed });
    return { queue_name: queue.name, status, older_than_seconds: olderThanSeconds, removed };
  }

  /** The job, when its status allows the action (404 when it is unknown, 409 when the status does not fit). */
  private async load(
    queueName: string,
    jobId: string,
    action: string,
    allowed: readonly ApiJobStatus[],
  ): Promise<{ queue: Queue; job: Job; status: ApiJobStatus; shard: QueueShard }> {
    // A logical queue name finds the job in whichever of its worker pools holds it.
    const found = await this.queues.findJob(queueName, jobId);
    if (!found) {
      for (const pool of this.queues.resolve(queueName)) {
        if (await this.repository.findCanceled(pool.bull.name, jobId)) throw new JobStatusConflictError(jobId, 'canceled', action, allowed);
      }
      throw new JobNotFoundError(jobId, queueName);
    }
    const { job } = found;
    const queue = found.pool.bull;
    const status = toApiStatus(await job.getState());
    if (status === 'unknown' || !allowed.includes(status)) throw new JobStatusConflictError(jobId, status, action, allowed);
    return { queue, job, status, shard: this.queues.shardOf(found.pool) };
  }

  private async changed(queue: Queue, jobId: string, previous: string, action: string): Promise<JobActionResult> {
    const status = toApiStatus(await queue.getJobState(jobId));
    this.logger.log({ action, queue: queue.name, job_id: jobId, previous_status: previous, status });
    return { job_id: jobId, queue_name: queue.name, previous_status: previous, status };
  }
}
