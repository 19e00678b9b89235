/**
 * The original system's RQ enqueue options, mapped onto BullMQ by TaskQueueService:
 * job_timeout → jobTimeoutMs (enforced by the worker runner), result_ttl → removeOnComplete.age,
 * failure_ttl → removeOnFail.age, enqueue_in / enqueue_at → delay, Retry(max, interval) → attempts = max + 1
 * with a fixed backoff, priority → priority (1 is highest), job id → dedup.
 */
export interface TaskOptions {
  jobId?: string;
  jobTimeoutMs?: number;
  resultTtlSeconds?: number;
  failureTtlSeconds?: number;
  enqueueInMs?: number;
  enqueueAt?: Date;
  retry?: { max: number; intervalMs: number };
  priority?: number;
  /** BullMQ deduplication (debounce): jobs with this id within ttlMs collapse into one. */
  debounce?: { id: string; ttlMs: number };
}

/** The defaults every job gets unless its definition or the caller says otherwise. */
export const DEFAULT_TASK_OPTIONS = {
  jobTimeoutMs: 15 * 60_000,
  resultTtlSeconds: 24 * 3600,
  failureTtlSeconds: 7 * 24 * 3600,
} as const satisfies TaskOptions;
