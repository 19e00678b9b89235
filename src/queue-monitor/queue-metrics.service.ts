import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { enqueuedAt } from './job-view.js';
import { countInWindow, dataPointsFor, failureRate, maxOf, percentile } from './metrics-math.js';
import { MonitoredQueues } from './monitored-queues.js';
import { QueueWindowMetrics } from './queue-metrics.js';

/** Timings come from the most recent jobs that ended: reading is bounded whatever the queue's size. */
const TIMING_SAMPLE_PER_STATE = 500;

/**
 * Counts per minute come from BullMQ's built-in metrics (the workers keep per-minute counters of finished and failed
 * jobs in Redis: exact, cheap, and they survive job removal). Processing and wait times come from the timestamps of
 * a bounded sample of the latest ended jobs (BullMQ keeps no timing metrics). A queue covers its worker pools and
 * queue shards, as its stats do: counts are summed, samples merged (each pool queue's latest on each shard).
 */
@Injectable()
export class QueueMetricsService {
  constructor(private readonly queues: MonitoredQueues) {}

  /** Every queue over the last `windowMinutes`, on every shard that is up or on the one `shard` names. */
  async window(
    windowMinutes: number,
    { shard, now = Date.now() }: { shard?: string; now?: number } = {},
  ): Promise<{ window_minutes: number; queues: Record<string, QueueWindowMetrics> }> {
    const all = await Promise.all(
      this.queues.names().map((name) => this.ofQueue(name, this.queues.resolve(name, shard).map((pool) => pool.bull), windowMinutes, now)),
    );
    return { window_minutes: windowMinutes, queues: Object.fromEntries(all.map((m) => [m.queue_name, m])) };
  }

  /** Finished and failed jobs of these BullMQ queues (one queue's copies on each shard) over the last `windowMinutes`. */
  async counts(queues: readonly Queue[], windowMinutes: number, now = Date.now()): Promise<{ finished: number; failed: number }> {
    const each = await Promise.all(queues.map((queue) => this.countsOf(queue, windowMinutes, now)));
    return each.reduce((sum, c) => ({ finished: sum.finished + c.finished, failed: sum.failed + c.failed }), { finished: 0, failed: 0 });
  }

  private async countsOf(queue: Queue, windowMinutes: number, now: number): Promise<{ finished: number; failed: number }> {
    const points = dataPointsFor(windowMinutes);
    const [completed, failed] = await Promise.all([
      queue.getMetrics('completed', 0, points),
      queue.getMetrics('failed', 0, points),
    ]);
    return { finished: countInWindow(completed, windowMinutes, now), failed: countInWindow(failed, windowMinutes, now) };
  }

  private async ofQueue(name: string, queues: Queue[], windowMinutes: number, now: number): Promise<QueueWindowMetrics> {
    const since = now - windowMinutes * 60_000;
    const [{ finished, failed }, samples] = await Promise.all([
      this.counts(queues, windowMinutes, now),
      Promise.all(queues.map((queue) => this.endedSince(queue, since))),
    ]);
    const sample = samples.flat();
    const processing = sample.map((job) => (job.finishedOn ?? 0) - (job.processedOn ?? 0));
    const waits = sample.map((job) => Math.max(0, (job.processedOn ?? 0) - enqueuedAt(job)));
    return {
      queue_name: name,
      window_minutes: windowMinutes,
      finished,
      failed,
      finished_per_minute: round(finished / windowMinutes),
      failed_per_minute: round(failed / windowMinutes),
      failure_rate: failureRate(finished, failed),
      processing_time_ms: { p50: percentile(processing, 50), p95: percentile(processing, 95), max: maxOf(processing) },
      wait_time_ms: { p50: percentile(waits, 50), p95: percentile(waits, 95) },
      timing_sample_size: sample.length,
    };
  }

  private async endedSince(queue: Queue, since: number): Promise<Job[]> {
    const [completed, failed] = await Promise.all([
      queue.getJobs(['completed'], 0, TIMING_SAMPLE_PER_STATE - 1, false),
      queue.getJobs(['failed'], 0, TIMING_SAMPLE_PER_STATE - 1, false),
    ]);
    return ([...completed, ...failed].filter(Boolean) as Job[]).filter(
      (job) => !!job.processedOn && !!job.finishedOn && job.finishedOn >= since,
    );
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
