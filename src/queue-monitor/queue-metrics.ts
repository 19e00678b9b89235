/** One queue's throughput and timings over a window. */
export interface QueueWindowMetrics {
  queue_name: string;
  window_minutes: number;
  finished: number;
  failed: number;
  finished_per_minute: number;
  failed_per_minute: number;
  /** failed / (finished + failed) over the window; null when nothing ended. */
  failure_rate: number | null;
  processing_time_ms: { p50: number | null; p95: number | null; max: number | null };
  wait_time_ms: { p50: number | null; p95: number | null };
  /** Jobs the timings were computed from (the most recent ones that ended in the window, at most the sample limit). */
  timing_sample_size: number;
}
