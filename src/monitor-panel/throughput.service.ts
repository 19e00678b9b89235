import { Injectable } from '@nestjs/common';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { type QueueThroughputDto, type ThroughputDto } from './dto/throughput.dto.js';
import { bucketSums, perMinuteSeries } from './throughput-series.js';

const MINUTE_MS = 60_000;
/** Up to three hours a bucket is one minute; longer windows are cut into this many buckets. */
const MAX_MINUTE_BUCKETS = 180;
const LONG_WINDOW_BUCKETS = 144;

/**
 * Finished and failed jobs per bucket for the panel's charts, from BullMQ's per-minute metrics (kept in Redis by the
 * workers for a week), so the history survives API restarts and counts jobs of every worker process.
 */
@Injectable()
export class ThroughputService {
  constructor(private readonly tasks: TaskQueueService) {}

  async window(windowMinutes: number, now = Date.now()): Promise<ThroughputDto> {
    const bucketMinutes = windowMinutes <= MAX_MINUTE_BUCKETS ? 1 : Math.ceil(windowMinutes / LONG_WINDOW_BUCKETS);
    const minutes = Math.ceil(windowMinutes / bucketMinutes) * bucketMinutes;
    const entries = await Promise.all(
      this.tasks.allQueues().map(async (queue): Promise<[string, QueueThroughputDto]> => {
        const [completed, failed] = await Promise.all([
          queue.getMetrics('completed', 0, minutes),
          queue.getMetrics('failed', 0, minutes),
        ]);
        return [
          queue.name,
          {
            finished: bucketSums(perMinuteSeries(completed, minutes, now), bucketMinutes),
            failed: bucketSums(perMinuteSeries(failed, minutes, now), bucketMinutes),
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
}
