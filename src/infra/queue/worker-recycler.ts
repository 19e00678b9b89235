/** A dedicated worker's limits, like Celery's max-tasks-per-child and max-memory-per-child (0 = no limit). */
export interface WorkerRecycleLimits {
  maxJobs: number;
  maxMemoryMb: number;
}

/** Resident memory is read at most this often: a /proc read costs several microseconds, a no-op job about 40. */
const MEMORY_CHECK_INTERVAL_MS = 100;

/**
 * Counts the jobs a worker process has run and watches its resident memory; says once when the process is spent
 * and should stop taking jobs, finish what runs and exit to be restarted (leaks and fragmentation die with it).
 */
export class WorkerRecycler {
  private jobs = 0;
  private spent = false;
  private memoryCheckedAt = -Infinity;

  constructor(
    private readonly limits: WorkerRecycleLimits,
    private readonly residentBytes: () => number = () => process.memoryUsage.rss(),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a finished job; returns the reason the first time a limit is reached, otherwise undefined. */
  jobEnded(): string | undefined {
    this.jobs += 1;
    if (this.spent) return undefined;
    const { maxJobs, maxMemoryMb } = this.limits;
    let reason: string | undefined;
    if (maxJobs > 0 && this.jobs >= maxJobs) reason = `ran ${this.jobs} jobs (WORKER_MAX_JOBS=${maxJobs})`;
    else if (maxMemoryMb > 0 && this.now() - this.memoryCheckedAt >= MEMORY_CHECK_INTERVAL_MS) {
      this.memoryCheckedAt = this.now();
      const rssMb = this.residentBytes() / 1024 / 1024;
      if (rssMb >= maxMemoryMb) reason = `resident memory ${Math.round(rssMb)} MiB (WORKER_MAX_MEMORY_MB=${maxMemoryMb})`;
    }
    this.spent = reason !== undefined;
    return reason;
  }
}
