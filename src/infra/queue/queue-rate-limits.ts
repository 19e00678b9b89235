import { isQueueName, type QueueName } from './queue-names.js';

/** BullMQ's limiter for one queue: at most `max` jobs started per `duration` ms, across every worker. */
export interface QueueRateLimit {
  max: number;
  duration: number;
}

export type QueueRateLimits = Partial<Record<QueueName, QueueRateLimit>>;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
const ENTRY = /^([a-z_]+)=(\d+)\/(\d*)(s|m|h)$/;

/**
 * Parses QUEUE_RATE_LIMITS, e.g. `vectorization=50/s,kg_extraction=100/m` (also `10/5s`: 10 per 5 seconds).
 * Throws an Error whose message says what is wrong with which entry.
 */
export function parseQueueRateLimits(value: string): QueueRateLimits {
  const limits: QueueRateLimits = {};
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = ENTRY.exec(entry);
    if (!match) throw new Error(`has "${entry}": expected <queue>=<jobs>/<s|m|h>, e.g. vectorization=50/s`);
    const [, queue, max, count, unit] = match;
    if (!isQueueName(queue)) throw new Error(`has unknown queue "${queue}"`);
    const durationMs = (count ? Number(count) : 1) * UNIT_MS[unit];
    if (Number(max) < 1 || durationMs < 1) throw new Error(`has "${entry}": jobs and period must be at least 1`);
    limits[queue] = { max: Number(max), duration: durationMs };
  }
  return limits;
}
