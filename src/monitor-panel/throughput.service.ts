import { Injectable } from '@nestjs/common';
import { type Queue } from 'bullmq';
import { MonitoredQueues } from '../queue-monitor/monitored-queues.js';
import { type QueueThroughputDto, type ThroughputDto } from './dto/throughput.dto.js';
import { bucketSums, perMinuteSeries, sumSeries } from './throughput-series.js';

const MINUTE_MS = 60_000;
/** Up to three hours a bucket is one minute; longer windows are cut into this many buckets. */
const MAX_MINUTE_BUCKETS = 180;
const LONG_WINDOW_BUCKETS = 144;

/**
 * Finished and failed jobs per bucket for the panel's charts, from BullMQ's per-minute metrics (kept in Redis by the
 * workers for a week), so the history survives API restarts and counts jobs of every worker process. Each worker
 * pool's queue is summed over the queue shards that are up (QUEUE_SHARDS).
 */
@Injectable()
export class ThroughputService {
  constructor(private readonly queues: MonitoredQueues) {}

  async window(windowMinutes: number, now = Date.now()): Promise<ThroughputDto> {
    const bucketMinutes = windowMinutes <= MAX_MINUTE_BUCKETS ? 1 : Math.ceil(windowMinutes / LONG_WINDOW_BUCKETS);
    const minutes = Math.ceil(windowMinutes / bucketMinutes) * bucketMinutes;
    // The BullMQ queue of each pool, once per shard: series are keyed by its name, as with one shard.
    const byName = new Map<string, Queue[]>();
    for (const name of this.queues.names()) {
      for (const { bull } of this.queues.resolve(name)) byName.set(bull.name, [...(byName.get(bull.name) ?? []), bull]);
    }
    const entries = await Promise.all(
      [...byName].map(async ([name, copies]): Promise<[string, QueueThroughputDto]> => {
        const perShard = await Promise.all(copies.map((queue) => this.seriesOf(queue, minutes, now)));
        return [
          name,
          {
            finished: bucketSums(sumSeries(perShard.map((s) => s.finished)), bucketMinutes),
            failed: bucketSums(sumSeries(perShard.map((s) => s.failed)), bucketMinutes),
          },
        ];
      }),
    );
    const firstMinute = Math.floor(now / MINUTE_MS) - minutes + 1;
    return {
      window_minutes: windowMinutes,
      bucket_minutes: bucketMinutes,
      start: new Date(firstMinute * MINUTE_MS).toISOString(),
      queues: Object.fromEntries(entries),
    };
  }

  private async seriesOf(queue: Queue, minutes: number, now: number): Promise<{ finished: number[]; failed: number[] }> {
    const [completed, failed] = await Promise.all([queue.getMetrics('completed', 0, minutes), queue.getMetrics('failed', 0, minutes)]);
    return { finished: perMinuteSeries(completed, minutes, now), failed: perMinuteSeries(failed, minutes, now) };
  }
}
