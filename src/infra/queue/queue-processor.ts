import { type Job } from 'bullmq';
import { type QueueName } from './queue-names.js';

/** What a processor gets besides the job: the abort signal (timeout or operator abort) and progress reporting. */
export interface JobContext {
  readonly signal: AbortSignal;
  reportProgress(progress: number | object): Promise<void>;
  log(message: string): Promise<void>;
  /** True when a failure now ends the job for good (no attempt left; attempts lost with a worker count too). */
  readonly finalAttempt: boolean;
}

/** A job as a processor sees it: a union member of the feature's job type. */
export type TypedJob<T extends { name: string; data: unknown }> = T extends unknown
  ? Omit<Job<T['data'], unknown, T['name']>, 'name' | 'data'> & { name: T['name']; data: T['data'] }
  : never;

/**
 * Base of every processor. A feature subclass declares its queue and the job names it handles, and maps each job to
 * one service call in `process` (a switch ending in an exhaustive check). The WorkerRunner does the rest: timeouts,
 * logging, the worker registry, abort, graceful shutdown, retries (a lost worker counts as a failed attempt).
 */
export abstract class QueueProcessor<T extends { name: string; data: unknown } = { name: string; data: unknown }> {
  abstract readonly queueName: QueueName;
  abstract readonly jobNames: readonly T['name'][];
  abstract process(job: TypedJob<T>, context: JobContext): Promise<unknown>;

  /** The one "is this failure permanent?" hook: true fails the job at once instead of retrying it. */
  isPermanentFailure(_error: unknown): boolean {
    return false;
  }

  /**
   * Moves what the job worked on to a final state once the job has failed for good, whoever ended it: this
   * processor, BullMQ (a job stalled too often), an operator's abort or cancel, or the reconciler finding the job
   * lost. Called after the failure is recorded; must be idempotent (it may run more than once).
   */
  async settleFailedJob(_job: T, _reason: string): Promise<void> {}
}

/** Ends a job switch: compiles only when every job name is handled. */
export function unknownJob(job: never): never {
  throw new Error(`No handler for job ${JSON.stringify((job as { name?: string }).name)}`);
}
