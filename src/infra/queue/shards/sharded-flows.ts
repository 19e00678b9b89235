import { randomUUID } from 'node:crypto';
import { DEFAULT_TASK_OPTIONS, type TaskOptions } from '../task-options.js';
import { type EnqueuedFlowJob, type FlowStep } from '../task-flows.js';
import { routingKeyOf } from '../task-queue.service.js';
import { type QueueShards } from './queue-shards.js';

/**
 * TaskFlows across queue shards: a whole flow goes to one shard (BullMQ's dependencies live in one Redis), the shard
 * of the job that runs last (a chain's first step: its routing key, e.g. the file id, is the flow's).
 */
export class ShardedFlows {
  constructor(private readonly shards: QueueShards) {}

  /** `job` runs once every job of `dependsOn` has finished (a chord when they form a group). */
  async dependent(job: FlowStep, dependsOn: readonly FlowStep[]): Promise<EnqueuedFlowJob> {
    const shard = await this.shards.whenAvailable(this.shards.route(routingKeyOfStep(job)));
    return shard.flows.dependent(this.withId(job), dependsOn.map((step) => this.withId(step)));
  }

  /** Each step starts when the previous one finished; returns the jobs in the order they run. */
  async chain(steps: readonly FlowStep[]): Promise<EnqueuedFlowJob[]> {
    if (steps.length === 0) return [];
    const shard = await this.shards.whenAvailable(this.shards.route(routingKeyOfStep(steps[0])));
    return shard.flows.chain(steps.map((step) => this.withId(step)));
  }

  /** BullMQ's counter ids collide across shards: a step without an id of its own gets a unique one. */
  private withId(step: FlowStep): FlowStep {
    if (!this.shards.sharded || step.options?.jobId) return step;
    return { ...step, options: { ...step.options, jobId: randomUUID() } };
  }
}

function routingKeyOfStep(step: FlowStep): string {
  const options: TaskOptions = { ...DEFAULT_TASK_OPTIONS, ...step.definition.defaults, ...step.options };
  return routingKeyOf(step.definition, step.data, options);
}
