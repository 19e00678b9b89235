import { type QueueName } from './queue-names.js';
import { type TaskOptions } from './task-options.js';

/** A job a feature declares next to its processor: queue, name, typed JSON payload, and its default options. */
export interface JobDefinition<TName extends string = string, TData = unknown> {
  readonly queue: QueueName;
  readonly name: TName;
  readonly defaults: TaskOptions;
  /** The key that picks the job's queue shard (file id, user id): a file's or user's jobs stay on one shard, in order. */
  routingKey?(data: TData): string;
  /** Phantom field: carries the payload type; never set. */
  readonly _data?: TData;
}

const definitions: JobDefinition[] = [];

export function defineJob<TData, TName extends string = string>(
  queue: QueueName,
  name: TName,
  defaults: TaskOptions = {},
  routingKey?: (data: TData) => string,
): JobDefinition<TName, TData> {
  const definition: JobDefinition<TName, TData> = { queue, name, defaults, routingKey };
  definitions.push(definition);
  return definition;
}

/** Every job declared so far (modules declare theirs when imported), for the start-up handler check. */
export function declaredJobs(): readonly JobDefinition[] {
  return definitions;
}

/** The payload type of a job definition. */
export type JobData<D> = D extends JobDefinition<string, infer T> ? T : never;
