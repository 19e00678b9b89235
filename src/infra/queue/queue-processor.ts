import { Job } from 'bullmq';
import { QueueName } from './queue-names.js';

/** What a processor gets besides the job: the abort signal (timeout or operator abort) and progress reporting. */
export interface JobContext {
  readonly signal: AbortSignal;
  reportProgress(progress: number | object): Promise<void>;
  log(message: string): Promise<void>;
}

/** A job as a processor sees it: a union member of the feature's job type. */
export type TypedJob<T extends { name: string; data: unknown }> = T extends unknown
  ? Omit<Job<T['data'], unknown, T['name']>, 'name' | 'data'> & { name: T['name']; data: T['data'] }
  : never;

/**
 * Base of every processor. A feature subclass declares its queue and the job names it handles, and maps each job to
 * one service call in `process` (a switch ending in an exhaustive check). The WorkerRunner does the rest: timeouts,
 * logging, the worker registry, abort, graceful shutdown.
 */
export abstract class QueueProcessor<T extends { name: string; data: unknown } = { name: string; data: unknown }> {
  abstract readonly queueName: QueueName;
  abstract readonly jobNames: readonly T['name'][];
  abstract process(job: TypedJob<T>, context: JobContext): Promise<unknown>;
}

/** Ends a job switch: compiles only when every job name is handled. */
export function unknownJob(job: never): never {
  throw new Error(`No handler for job ${JSON.stringify((job as { name?: string }).name)}`);
}
