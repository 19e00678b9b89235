import { type Job } from 'bullmq';
import { JOB_TIMEOUT } from './job-errors.js';
import { JobRun } from './job-run.js';

/**
 * The jobs one BullMQ worker runs in this process, by id: where job_timeout, operator aborts and lost locks find
 * them. No timer a job: one timer waits for the earliest deadline, and as jobs mostly share their timeout, a job
 * that starts later ends its timeout later and arms nothing.
 */
export class RunningJobs {
  private readonly runs = new Map<string, JobRun>();
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;

  start(jobId: string, job: Job, timeoutMs: number | undefined): JobRun {
    const deadline = timeoutMs ? performance.now() + timeoutMs : Infinity;
    const run = new JobRun(job, deadline, timeoutMs ?? 0);
    this.runs.set(jobId, run);
    if (deadline < this.timerAt) this.wakeAt(deadline);
    return run;
  }

  end(jobId: string, run: JobRun): void {
    // A run that ignored its abort may end after a new attempt of the job started here: keep that one.
    if (this.runs.get(jobId) === run) this.runs.delete(jobId);
  }

  /** Aborts the job's run in this worker; false when it runs none. */
  cancel(jobId: string, reason: string): boolean {
    const run = this.runs.get(jobId);
    run?.abort(reason);
    return run !== undefined;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private wakeAt(at: number): void {
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.abortOverdue(), Math.max(0, at - performance.now()));
    this.timer.unref();
  }

  private abortOverdue(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const run of this.runs.values()) {
      if (run.deadline <= now) run.abort(JOB_TIMEOUT);
      else if (run.deadline < next) next = run.deadline;
    }
    if (next < Infinity) this.wakeAt(next);
  }
}
