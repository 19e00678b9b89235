import { type Job } from 'bullmq';
import { JOB_TIMEOUT, JobAbortedError, JobTimeoutError } from './job-errors.js';
import { type JobContext } from './queue-processor.js';

/**
 * One attempt of a job in this process, and the context its processor gets: the attempt ends early when aborted
 * (job_timeout, an operator's abort, a lost lock). What a processor may ask for (its AbortSignal, progress and log
 * functions) is made when it asks: a no-op job costs the worker about 40 us, and most jobs never read all of it.
 */
export class JobRun implements JobContext {
  private controller?: AbortController;
  private reason?: string;
  private rejectRun?: (error: Error) => void;

  constructor(
    private readonly job: Job,
    /** When job_timeout aborts it, on performance.now()'s clock (Infinity: never). */
    readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason !== undefined) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  // Getters returning functions (not methods) so that a processor may destructure them from its context.
  get reportProgress(): JobContext['reportProgress'] {
    return (progress) => this.job.updateProgress(progress);
  }

  get log(): JobContext['log'] {
    return async (message) => void (await this.job.log(message));
  }

  get finalAttempt(): boolean {
    return this.job.attemptsMade + 1 >= (this.job.opts.attempts ?? 1);
  }

  /** Why it was aborted (JOB_TIMEOUT, JOB_ABORTED, JOB_LOCK_LOST or an operator's reason); undefined if it was not. */
  get abortReason(): string | undefined {
    return this.reason;
  }

  /** Aborts the signal (if the processor took it) and the run (see `race`); the first reason wins. */
  abort(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.controller?.abort(reason);
    this.rejectRun?.(this.abortError());
  }

  /** Settles with the work, or rejects as soon as the run is aborted, even if the work ignores its signal. */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      work.then(resolve, reject);
      if (this.reason !== undefined) reject(this.abortError());
      else this.rejectRun = reject;
    });
  }

  private abortError(): Error {
    return this.reason === JOB_TIMEOUT ? new JobTimeoutError(this.timeoutMs) : new JobAbortedError(String(this.reason));
  }
}
