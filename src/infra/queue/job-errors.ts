import { UnrecoverableError } from 'bullmq';

export const JOB_TIMEOUT = 'JOB_TIMEOUT';
export const JOB_ABORTED = 'JOB_ABORTED';
export const WORKER_LOST = 'WORKER_LOST';
/** Abort reason of a job whose lock this worker lost: another worker runs it now, this run must write nothing more. */
export const JOB_LOCK_LOST = 'JOB_LOCK_LOST';

/** A job ran past its job_timeout. Retryable, as a timed-out RQ job is under a Retry policy. */
export class JobTimeoutError extends Error {
  readonly code = JOB_TIMEOUT;
  constructor(timeoutMs: number) {
    super(`${JOB_TIMEOUT}: job exceeded its timeout of ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

/**
 * The worker running an earlier attempt died (killed, out of memory, lost its lock): that attempt is recorded as
 * failed with this error, so it uses one of the job's attempts and waits its backoff like any failure.
 */
export class WorkerLostError extends Error {
  readonly code = WORKER_LOST;
  constructor(stalls: number) {
    super(`${WORKER_LOST}: the worker running this job stopped before it finished (${stalls} time${stalls === 1 ? '' : 's'})`);
    this.name = 'WorkerLostError';
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
