import { UnrecoverableError } from 'bullmq';

export const JOB_TIMEOUT = 'JOB_TIMEOUT';
export const JOB_ABORTED = 'JOB_ABORTED';

/** A job ran past its job_timeout. Retryable, as a timed-out RQ job is under a Retry policy. */
export class JobTimeoutError extends Error {
  readonly code = JOB_TIMEOUT;
  constructor(timeoutMs: number) {
    super(`${JOB_TIMEOUT}: job exceeded its timeout of ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

/** An operator aborted the job: never retried. */
export class JobAbortedError extends UnrecoverableError {
  readonly code = JOB_ABORTED;
  constructor(reason: string) {
    super(`${JOB_ABORTED}: ${reason}`);
    this.name = 'JobAbortedError';
  }
}
