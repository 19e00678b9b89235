import { type FlowJob, type FlowProducer, type JobNode, type Queue } from 'bullmq';
import { FairScheduler } from './fair-scheduler.js';
import { type JobDefinition } from './job-definition.js';
import { type QueueName } from './queue-names.js';
import { DEFAULT_TASK_OPTIONS, type TaskOptions } from './task-options.js';
import { type AppJobOptions, type EnqueuedTask, toBullOptions } from './task-queue.service.js';
import { routingContextOf } from './routing/job-routing.js';
import { parsePoolQueueName, poolQueueName } from './routing/pool-queue-name.js';
import { TaskRouter } from './routing/task-router.js';
import { toTaskPriority } from './task-priority.js';

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
 * Fair scheduling: a flow's first jobs (those waiting on nothing, e.g. an upload's `process-file`) take their turn
 * between users like a single enqueue; a dependent job enters at its own priority, because BullMQ's scripts release it
 * when its dependencies end, and its flow has already waited its turn.
 */
export class TaskFlows {
  private router = new TaskRouter();
  private fairShare?: { scheduler: FairScheduler; queue: (name: string) => Queue };

  constructor(
    private readonly producer: FlowProducer,
    private readonly queuePrefix: string,
  ) {}

  /** Each job of a flow goes to the worker pool ROUTES_FILE picks for it (as a single enqueue does). */
  routeWith(router: TaskRouter): void {
    this.router = router;
  }

  /** With FAIR_SCHEDULING on: the jobs of a flow that start at once wait their owner's turn (FairScheduler). */
  holdBackWith(scheduler: FairScheduler, queue: (name: string) => Queue): void {
    this.fairShare = { scheduler, queue };
  }

  /** `job` runs once every job of `dependsOn` has finished (a chord when they form a group). */
  async dependent(job: FlowStep, dependsOn: readonly FlowStep[]): Promise<EnqueuedFlowJob> {
    return this.add(this.node(job, dependsOn.map((step) => this.node(step, []))));
  }

  /** Each step starts when the previous one finished; returns the jobs in the order they run. */
  async chain(steps: readonly FlowStep[]): Promise<EnqueuedFlowJob[]> {
    if (steps.length === 0) return [];
    const root = steps.reduce<FlowJob | undefined>(
      (previous, step) => this.node(step, previous ? [previous] : []),
      undefined,
    )!;
    const runOrder: EnqueuedFlowJob[] = [];
    for (let job: EnqueuedFlowJob | undefined = await this.add(root); job; job = job.depends_on[0]) {
      runOrder.unshift(job);
    }
    return runOrder;
  }

  private async add(root: FlowJob): Promise<EnqueuedFlowJob> {
    const added = await this.producer.add(root);
    if (this.fairShare) await this.holdBack(added, this.fairShare);
    return enqueued(added);
  }

  /** Hands the flow's jobs that entered at the held-back priority to the fair scheduler (as TaskQueueService.enqueue). */
  private async holdBack(node: JobNode, fairShare: NonNullable<TaskFlows['fairShare']>): Promise<void> {
    const { job } = node;
    const options = job.opts as AppJobOptions;
    if (options.fairShare) {
      const queue = fairShare.queue(job.queueName);
      await fairShare.scheduler.hold(queue, String(job.id), options, toTaskPriority(job.priority));
    }
    for (const child of node.children ?? []) await this.holdBack(child, fairShare);
  }

  private node(step: FlowStep, children: FlowJob[]): FlowJob {
    const merged: TaskOptions = { ...DEFAULT_TASK_OPTIONS, ...step.definition.defaults, ...step.options };
    const opts: AppJobOptions = {
      ...toBullOptions(merged),
      ...(step.allowFailure ? { ignoreDependencyOnFailure: true } : { failParentOnFailure: true }),
    };
    if (this.fairShare && children.length === 0 && !opts.delay) {
      Object.assign(opts, { priority: FairScheduler.entryPriority(merged.priority), fairShare: true });
    }
    return {
      name: step.definition.name,
      queueName: poolQueueName(step.definition.queue, this.router.poolFor(routingContextOf(step.definition, merged))),
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
  const queue = parsePoolQueueName(job.queueName)?.queue ?? (job.queueName as QueueName);
  return { job_id: String(job.id), queue, status, created: true, depends_on: children };
}

/** The reason a job canceled because a dependency failed shows (BullMQ's own reason is "child <key> failed"). */
export const DEPENDENCY_FAILED = 'DEPENDENCY_FAILED';

/** True for BullMQ's failure of a job whose dependency failed (failParentOnFailure): the job itself never ran. */
export function isDependencyFailure(failedReason: string | undefined): boolean {
  return /^child .+ failed$/.test(failedReason ?? '');
}
