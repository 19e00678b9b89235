import type { TaskPriority } from './task-priority.js';
import type { RouteFacts } from './routing/route-rule.js';

/**
 * The original system's RQ enqueue options, mapped onto BullMQ by TaskQueueService:
 * job_timeout → jobTimeoutMs (enforced by the worker runner), result_ttl → removeOnComplete.age,
 * failure_ttl → removeOnFail.age, enqueue_in / enqueue_at → delay, Retry(max, interval) → attempts = max + 1
 * with a fixed backoff, priority → BullMQ priority (high 1, normal 3, low 5; one more while the fair scheduler
 * holds a job back), job id → dedup.
 */
export interface TaskOptions {
  jobId?: string;
  jobTimeoutMs?: number;
  resultTtlSeconds?: number;
  failureTtlSeconds?: number;
  enqueueInMs?: number;
  enqueueAt?: Date;
  retry?: { max: number; intervalMs: number };
  /** `high` starts before every queued `normal` and `low` job of its queue; `low` only when nothing else waits. */
  priority?: TaskPriority;
  /** The user the job works for: stored with the job (own-jobs API, quotas) and grouped by the fair scheduler. */
  userId?: string;
  /** The owner's fair-share weight (from their quota; 1 by default). */
  weight?: number;
  /** BullMQ deduplication (debounce): jobs with this id within ttlMs collapse into one. */
  debounce?: { id: string; ttlMs: number };
  /** What ROUTES_FILE's rules may match besides queue, job name and userId (file type and size, owner role). */
  route?: RouteFacts;
}

/** The defaults every job gets unless its definition or the caller says otherwise. */
export const DEFAULT_TASK_OPTIONS = {
  jobTimeoutMs: 15 * 60_000,
  resultTtlSeconds: 24 * 3600,
  failureTtlSeconds: 7 * 24 * 3600,
} as const satisfies TaskOptions;
