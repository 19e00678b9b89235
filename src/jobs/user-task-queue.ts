import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { JobDefinition } from '../infra/queue/job-definition.js';
import type { TaskOptions } from '../infra/queue/task-options.js';
import type { EnqueuedFlowJob, FlowStep } from '../infra/queue/task-flows.js';
import { type AppJobOptions, type EnqueuedTask, TaskQueueService } from '../infra/queue/task-queue.service.js';
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

  /**
   * A user's chain of jobs (each step waits on the one before, see TaskFlows), counted as one active job and listed
   * as one: the step at `counted`, the job the caller answers with (it must carry a job id). Every step is owned and
   * weighted. Returns the jobs in the order they run.
   */
  async enqueueChain(
    steps: readonly FlowStep[],
    owner: JobOwner,
    counted: number,
    onAdmitted?: () => Promise<void>,
  ): Promise<EnqueuedFlowJob[]> {
    const step = steps[counted];
    const countedId = step?.options?.jobId;
    if (!step || !countedId) throw new Error('enqueueChain: the counted step needs a job id');
    const limits = owner.limits ?? (await this.quota.limitsFor(owner.user));
    this.quota.assertPriorityAllowed(limits, owner.priority);
    await this.quota.admitJob(owner.user.id, limits, step.definition.queue, countedId);
    const ownerOptions: TaskOptions = { userId: owner.user.id, weight: limits.weight, priority: owner.priority ?? 'normal' };
    let jobs: EnqueuedFlowJob[];
    try {
      await onAdmitted?.();
      jobs = await this.tasks.flows.chain(steps.map((each) => ({ ...each, options: { ...each.options, ...ownerOptions } })));
    } catch (error) {
      await this.quota.releaseJob(owner.user.id, step.definition.queue, countedId);
      throw error;
    }
    await this.quota.confirmJob(owner.user.id, step.definition.queue, countedId);
    await this.index.record({ userId: owner.user.id, queue: step.definition.queue, jobId: countedId }, Date.now());
    return jobs;
  }

  /**
   * Lists the job among the owner's: one just created, or the owner's live job returned instead (e.g. a graph
   * regeneration asked while the upload's own graph job still waits: the user gets that job's id and can follow it).
   */
  private async indexIfCreated(owner: JobOwner, definition: JobDefinition, task: EnqueuedTask): Promise<void> {
    if (!task.created && !(await this.isOwnersJob(owner, definition, task.job_id))) return;
    await this.index.record({ userId: owner.user.id, queue: definition.queue, jobId: task.job_id }, Date.now());
  }

  private async isOwnersJob(owner: JobOwner, definition: JobDefinition, jobId: string): Promise<boolean> {
    const job = await this.tasks.getJob(definition.queue, jobId);
    return (job?.opts as AppJobOptions | undefined)?.userId === owner.user.id;
  }
}
