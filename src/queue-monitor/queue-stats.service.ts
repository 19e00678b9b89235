import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MonitoredQueues } from './monitored-queues.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';
import { QueueStats } from './queue-stats.js';

/** Queue counts from BullMQ's counters (O(1) per state): the cost does not grow with the number of jobs. */
@Injectable()
export class QueueStatsService {
  constructor(
    private readonly queues: MonitoredQueues,
    private readonly repository: QueueMonitorRepository,
  ) {}

  queueNames(): { queues: string[]; count: number } {
    const queues = [...this.queues.names()];
    return { queues, count: queues.length };
  }

  async allStats(): Promise<{ queues: Record<string, QueueStats> }> {
    const stats = await Promise.all(this.queues.names().map((name) => this.stats(name)));
    return { queues: Object.fromEntries(stats.map((s) => [s.queue_name, s])) };
  }

  async stats(queueName: string): Promise<QueueStats> {
    return this.statsOf(this.queues.get(queueName));
  }

  private async statsOf(queue: Queue): Promise<QueueStats> {
    const [counts, paused, canceled] = await Promise.all([
      queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed', 'waiting-children'),
      queue.isPaused(),
      this.repository.canceledCount(queue.name),
    ]);
    const n = (state: string) => counts[state] ?? 0;
    const stats = {
      queued: n('waiting') + n('prioritized'),
      started: n('active'),
      finished: n('completed'),
      failed: n('failed'),
      scheduled: n('delayed'),
      deferred: n('waiting-children'),
    };
    const total = Object.values(stats).reduce((sum, value) => sum + value, 0);
    return { queue_name: queue.name, ...stats, canceled, total, paused };
  }
}
