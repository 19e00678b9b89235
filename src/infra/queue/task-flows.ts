import { type FlowJob, type FlowProducer, type Job, type JobNode } from 'bullmq';
import { type JobDefinition } from './job-definition.js';
import { type QueueName } from './queue-names.js';
import { DEFAULT_TASK_OPTIONS, type TaskOptions } from './task-options.js';
import { type AppJobOptions, type EnqueuedTask, toBullOptions } from './task-queue.service.js';

/** One job of a flow: a declared job with its typed payload and options. */
export interface FlowStep {
  readonly definition: JobDefinition;
  readonly data: unknown;
  readonly options?: TaskOptions;
  /** RQ's `Dependency(allow_failure=True)`: the jobs waiting on this one still run when it fails. */
  readonly allowFailure?: boolean;
}

/** A job of a flow as enqueued: its id and status, and the jobs it waits on (each with theirs). */
export interface EnqueuedFlowJob extends EnqueuedTask {
  queue: QueueName;
  depends_on: EnqueuedFlowJob[];
}

/** Builds a flow step; the payload must match the job's declared type. */
export function flowStep<TName extends string, TData>(
  definition: JobDefinition<TName, TData>,
  data: TData,
  options: TaskOptions & { allowFailure?: boolean } = {},
): FlowStep {
  const { allowFailure, ...taskOptions } = options;
  return { definition, data, options: taskOptions, allowFailure };
}

/**
 * Dependencies, chains and chords on BullMQ's FlowProducer (one atomic add per flow, any mix of queues). A job that
 * waits on others sits in BullMQ's waiting-children (`deferred`) until they finish. A dependency that fails for good
 * fails its dependents at once (failParentOnFailure: BullMQ fails them with "child … failed", shown as canceled with
 * DEPENDENCY_FAILED), unless it allows failure (ignoreDependencyOnFailure: the dependents run, the failure recorded).
 * Every job gets the same option mapping as a single enqueue (toBullOptions: timeout, TTLs, retries, priority, owner).
 * Fair scheduling: flow jobs are not held back by the fair scheduler; they enter at their own priority, because
 * a dependent job is released by BullMQ's scripts, not through our enqueue, and has already waited its turn.
 */
export class TaskFlows {
  constructor(
    private readonly producer: FlowProducer,
    private readonly queuePrefix: string,
  ) {}

  /** `job` runs once every job of `dependsOn` has finished (a chord when they form a group). */
  async dependent(job: FlowStep, dependsOn: readonly FlowStep[]): Promise<EnqueuedFlowJob> {
    const node = await this.producer.add(this.node(job, dependsOn.map((step) => this.node(step, []))));
    return enqueued(node);
  }

  /** Each step starts when the previous one finished; returns the jobs in the order they run. */
  async chain(steps: readonly FlowStep[]): Promise<EnqueuedFlowJob[]> {
    if (steps.length === 0) return [];
    const root = steps.reduce<FlowJob | undefined>(
      (previous, step) => this.node(step, previous ? [previous] : []),
      undefined,
    )!;
    const runOrder: EnqueuedFlowJob[] = [];
    for (let job: EnqueuedFlowJob | undefined = enqueued(await this.producer.add(root)); job; job = job.depends_on[0]) {
      runOrder.unshift(job);
    }
    return runOrder;
  }

  private node(step: FlowStep, children: FlowJob[]): FlowJob {
    const merged: TaskOptions = { ...DEFAULT_TASK_OPTIONS, ...step.definition.defaults, ...step.options };
    const opts: AppJobOptions = {
      ...toBullOptions(merged),
      ...(step.allowFailure ? { ignoreDependencyOnFailure: true } : { failParentOnFailure: true }),
    };
    return {
      name: step.definition.name,
      queueName: step.definition.queue,
      prefix: this.queuePrefix,
      data: step.data,
      opts,
      ...(children.length ? { children } : {}),
    } as FlowJob;
  }
}

function enqueued(node: JobNode): EnqueuedFlowJob {
  const { job } = node;
  const children = (node.children ?? []).map(enqueued);
  const status = children.length ? 'deferred' : job.delay ? 'scheduled' : 'queued';
  return { job_id: String(job.id), queue: job.queueName as QueueName, status, created: true, depends_on: children };
}

/** The reason a job canceled because a dependency failed shows (BullMQ's own reason is "child <key> failed"). */
export const DEPENDENCY_FAILED = 'DEPENDENCY_FAILED';

/** True for BullMQ's failure of a job whose dependency failed (failParentOnFailure): the job itself never ran. */
export function isDependencyFailure(failedReason: string | undefined): boolean {
  return /^child .+ failed$/.test(failedReason ?? '');
}

/**
 * Removes a deferred job with its dependencies that have not started, in one step when none is running. BullMQ
 * refuses that while a dependency runs: then the others are removed first (the running one keeps the job deferred,
 * so no worker takes it meanwhile), then the job; the running dependency finishes on its own.
 */
export async function removeDeferredJob(job: Job): Promise<void> {
  try {
    await job.remove();
  } catch {
    await job.removeUnprocessedChildren();
    await job.remove({ removeChildren: false });
  }
}
