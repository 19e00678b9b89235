import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ApiJobStatus, toApiStatus } from '../infra/queue/job-status.js';
import { removeDeferredJob } from '../infra/queue/task-flows.js';
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
    const queue = this.queues.get(queueName);
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
    this.logger.log({ action: 'requeue_failed', queue: queue.name, requeued });
    return { queue_name: queue.name, requeued };
  }

  /** Removes a job that has not started and records it as canceled. */
  async cancel(queueName: string, jobId: string): Promise<JobActionResult> {
    const { queue, job, status } = await this.load(queueName, jobId, 'cancel', CANCELABLE);
    try {
      await (status === 'deferred' ? removeDeferredJob(job) : job.remove());
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

  async pause(queueName: string): Promise<QueuePauseResult> {
    const queue = this.queues.get(queueName);
    await queue.pause();
    this.logger.log({ action: 'pause', queue: queue.name });
    return { queue_name: queue.name, paused: await queue.isPaused() };
  }

  async resume(queueName: string): Promise<QueuePauseResult> {
    const queue = this.queues.get(queueName);
    await queue.resume();
    this.logger.log({ action: 'resume', queue: queue.name });
    return { queue_name: queue.name, paused: await queue.isPaused() };
  }

  /** Removes finished or failed jobs that ended more than `olderThanSeconds` ago (all of them, or `limit`). */
  async clean(
    queueName: string,
    status: 'finished' | 'failed',
    olderThanSeconds: number,
    limit = 0,
  ): Promise<CleanResult> {
    const queue = this.queues.get(queueName);
    const removed = await queue.clean(olderThanSeconds * 1000, limit, status === 'finished' ? 'completed' : 'failed');
    this.logger.log({ action: 'clean', queue: queue.name, status, older_than_seconds: olderThanSeconds, removed: removed.length });
    return { queue_name: queue.name, status, older_than_seconds: olderThanSeconds, removed: removed.length };
  }

  /** The job, when its status allows the action (404 when it is unknown, 409 when the status does not fit). */
  private async load(
    queueName: string,
    jobId: string,
    action: string,
    allowed: readonly ApiJobStatus[],
  ): Promise<{ queue: Queue; job: Job; status: ApiJobStatus }> {
    const queue = this.queues.get(queueName);
    const job = (await queue.getJob(jobId)) as Job | undefined;
    if (!job) {
      if (await this.repository.findCanceled(queue.name, jobId)) {
        throw new JobStatusConflictError(jobId, 'canceled', action, allowed);
      }
      throw new JobNotFoundError(jobId, queue.name);
    }
    const status = toApiStatus(await job.getState());
    if (status === 'unknown' || !allowed.includes(status)) throw new JobStatusConflictError(jobId, status, action, allowed);
    return { queue, job, status };
  }

  private async changed(queue: Queue, jobId: string, previous: string, action: string): Promise<JobActionResult> {
    const status = toApiStatus(await queue.getJobState(jobId));
    this.logger.log({ action, queue: queue.name, job_id: jobId, previous_status: previous, status });
    return { job_id: jobId, queue_name: queue.name, previous_status: previous, status };
  }
}
