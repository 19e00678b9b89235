import { UnrecoverableError } from 'bullmq';

export const RESOURCE_LIMIT = 'RESOURCE_LIMIT';

/**
 * A job's CPU-heavy step ran out of its memory cap (JOB_MAX_MEMORY_MB) in its worker thread or child process. The
 * same input would blow the cap again, so it is never retried; the worker process and its other jobs are unharmed.
 */
export class ResourceLimitError extends UnrecoverableError {
  readonly code = RESOURCE_LIMIT;

  constructor(step: string, limitMb: number) {
    super(`${RESOURCE_LIMIT}: ${step} exceeded the memory limit of ${limitMb} MiB (JOB_MAX_MEMORY_MB)`);
    this.name = 'ResourceLimitError';
  }
}

/** True for the error a worker thread dies with when it reaches its resourceLimits. */
export function isOutOfMemoryError(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
