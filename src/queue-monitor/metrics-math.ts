import { type Metrics } from 'bullmq';

const MINUTE_MS = 60_000;

/**
 * Jobs counted by BullMQ's per-minute metrics within the last `windowMinutes` minutes (the current one included).
 * BullMQ pushes a data point only when a job finishes in a later minute than the previous one, so: the jobs counted
 * since the last push (`meta.count - meta.prevCount`) all ended in the minute of `meta.prevTS`, and data point `i`
 * holds the minute `i + 1` before it.
 */
export function countInWindow(metrics: Metrics, windowMinutes: number, now: number): number {
  const prevTs = Number(metrics.meta.prevTS);
  if (!prevTs) return Number(metrics.meta.count) || 0;
  const firstMinute = Math.floor(now / MINUTE_MS) - windowMinutes + 1;
  const lastPushMinute = Math.floor(prevTs / MINUTE_MS);
  let total = 0;
  if (lastPushMinute >= firstMinute) total += Number(metrics.meta.count) - Number(metrics.meta.prevCount);
  metrics.data.forEach((value, index) => {
    if (lastPushMinute - 1 - index >= firstMinute) total += Number(value) || 0;
  });
  return total;
}

/** How many data points a window needs (the list may be longer; reading fewer is cheaper). */
export function dataPointsFor(windowMinutes: number): number {
  return windowMinutes + 1;
}

/** Nearest-rank percentile of unsorted values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function maxOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => Math.max(a, b), values[0]);
}

/** failed / (finished + failed), or null when nothing ended. Rounded to 4 decimals. */
export function failureRate(finished: number, failed: number): number | null {
  const ended = finished + failed;
  return ended === 0 ? null : Math.round((failed / ended) * 10_000) / 10_000;
}
