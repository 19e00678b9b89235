/** One queue's counts in the original system's words (from BullMQ's per-state counters, never by listing jobs). */
export interface QueueStats {
  queue_name: string;
  queued: number;
  started: number;
  finished: number;
  failed: number;
  scheduled: number;
  deferred: number;
  /** Jobs an operator canceled (recorded by us; not part of `total`). */
  canceled: number;
  /** queued + started + finished + failed + scheduled + deferred. */
  total: number;
  paused: boolean;
  /** The worker pool, for one pool's queue (`file_processing@heavy`). */
  pool?: string;
  /** The queue shard of a pool's counts (with QUEUE_SHARDS). */
  shard?: string;
  /** A logical queue's counts per worker pool (ROUTES_FILE); the counts above are their sums. */
  pools?: PoolStats[];
  /** With QUEUE_SHARDS: the counts per queue shard (the counts above are their sums); a shard that is down is absent. */
  shards?: Record<string, ShardCounts>;
}

/** One queue shard's counts of a queue. */
export type ShardCounts = Pick<QueueStats, 'queued' | 'started' | 'finished' | 'failed' | 'scheduled' | 'deferred' | 'canceled' | 'total'>;

/** One worker pool of a queue: its counts, the live workers serving it, and why its jobs wait when none does. */
export interface PoolStats extends Omit<QueueStats, 'pools'> {
  pool: string;
  workers: number;
  /** `pool has no worker` when no live worker serves this pool (its jobs stay queued), else null. */
  waiting_reason: string | null;
}
