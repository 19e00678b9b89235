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
}
