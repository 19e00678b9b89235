import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { JobDefinition } from '../infra/queue/job-definition.js';
import type { TaskOptions } from '../infra/queue/task-options.js';
import { type EnqueuedTask, TaskQueueService } from '../infra/queue/task-queue.service.js';
import type { QuotaLimits } from '../quota/quota-limits.js';
import { QuotaService } from '../quota/quota.service.js';
import { UserJobsRepository } from './user-jobs.repository.js';

/** Who a job is for: the user (their quota and weight apply) and the priority they asked for. */
export interface JobOwner {
  user: AuthUser;
  priority?: TaskOptions['priority'];
  /** The user's limits when the caller already read them. */
  limits?: QuotaLimits;
}

/**
 * Enqueues a user's job: checks `high` is allowed, counts it against the user's active-jobs quota (429 past it),
 * stores the owner and their fair-share weight with the job, and indexes it for the own-jobs API.
 */
@Injectable()
export class UserTaskQueue {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly quota: QuotaService,
    private readonly index: UserJobsRepository,
  ) {}

  /** `onAdmitted` runs once the job passed the checks, before it is enqueued (e.g. to reset the file's status). */
  async enqueue<TName extends string, TData>(
    definition: JobDefinition<TName, TData>,
    data: TData,
    options: TaskOptions & { jobId: string },
    owner: JobOwner,
    onAdmitted?: () => Promise<void>,
  ): Promise<EnqueuedTask> {
    const limits = owner.limits ?? (await this.quota.limitsFor(owner.user));
    this.quota.assertPriorityAllowed(limits, owner.priority);
    await this.quota.admitJob(owner.user.id, limits, definition.queue, options.jobId);
    let task: EnqueuedTask;
    try {
      await onAdmitted?.();
      task = await this.tasks.enqueue(definition, data, {
        ...options,
        userId: owner.user.id,
        weight: limits.weight,
        priority: owner.priority ?? 'normal',
      });
    } catch (error) {
      await this.quota.releaseJob(owner.user.id, definition.queue, options.jobId);
      throw error;
    }
    await this.quota.confirmJob(owner.user.id, definition.queue, options.jobId);
    await this.indexIfCreated(owner, definition, task);
    return task;
  }

  /**
   * A user's background job that does not count against their active jobs (a follow-up of their write, e.g. memory
   * consolidation): owned, weighted and listed like the others.
   */
  async enqueueBackground<TName extends string, TData>(
    definition: JobDefinition<TName, TData>,
    data: TData,
    options: TaskOptions,
    owner: JobOwner,
  ): Promise<EnqueuedTask> {
    const { weight } = owner.limits ?? (await this.quota.limitsFor(owner.user));
    const task = await this.tasks.enqueue(definition, data, {
      ...options,
      userId: owner.user.id,
      weight,
      priority: owner.priority ?? 'normal',
    });
    await this.indexIfCreated(owner, definition, task);
    return task;
  }

  private async indexIfCreated(owner: JobOwner, definition: JobDefinition, task: EnqueuedTask): Promise<void> {
    if (task.created) await this.index.record({ userId: owner.user.id, queue: definition.queue, jobId: task.job_id }, Date.now());
  }
}
