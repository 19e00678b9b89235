import { type Metrics } from 'bullmq';

const MINUTE_MS = 60_000;

/**
 * Finished (or failed) jobs per minute from BullMQ's metrics, oldest minute first, the current minute last.
 * BullMQ pushes a data point when a job ends in a later minute than the previous push: the jobs counted since that
 * push (`meta.count - meta.prevCount`) ended in the minute of `meta.prevTS`, and data point `i` is the minute
 * `i + 1` before it (see countInWindow in the queue monitor).
 */
export function perMinuteSeries(metrics: Metrics, minutes: number, now: number): number[] {
  const series = new Array<number>(minutes).fill(0);
  const prevTs = Number(metrics.meta.prevTS);
  if (!prevTs) return series;
  const currentMinute = Math.floor(now / MINUTE_MS);
  const add = (minute: number, value: number) => {
    const index = minutes - 1 - (currentMinute - minute);
    if (index >= 0 && index < minutes) series[index] += value;
  };
  const lastPushMinute = Math.floor(prevTs / MINUTE_MS);
  add(lastPushMinute, Number(metrics.meta.count) - Number(metrics.meta.prevCount));
  metrics.data.forEach((value, i) => add(lastPushMinute - 1 - i, Number(value) || 0));
  return series;
}

/** Sums consecutive groups of `size` values (the last group holds the newest values and may be partial at the front). */
export function bucketSums(series: readonly number[], size: number): number[] {
  if (size <= 1) return [...series];
  const buckets = new Array<number>(Math.ceil(series.length / size)).fill(0);
  const offset = buckets.length * size - series.length;
  series.forEach((value, i) => (buckets[Math.floor((i + offset) / size)] += value));
  return buckets;
}

/** Element-wise sums of series of one length (a queue's series on each queue shard); empty for none. */
export function sumSeries(series: readonly (readonly number[])[]): number[] {
  if (series.length === 0) return [];
  return series[0].map((_, i) => series.reduce((sum, s) => sum + (s[i] ?? 0), 0));
}
