import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { type AppJobOptions } from '../infra/queue/task-queue.service.js';
import { MonitoredQueues, PoolQueue } from './monitored-queues.js';
import { canTake, POOL_HAS_NO_WORKER, type PoolService, poolService } from './pool-workers.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';
import { PoolStats, QueueStats, ShardCounts } from './queue-stats.js';
import { WorkerStatusService, WorkerView } from './worker-status.service.js';

/** Waiting jobs looked at for a pool served only by user-bound tokens. */
const SERVED_CHECK_DEPTH = 50;
const COUNTS = ['queued', 'started', 'finished', 'failed', 'scheduled', 'deferred', 'canceled', 'total'] as const;

/** Queue counts from BullMQ's counters (O(1) per state): the cost does not grow with the number of jobs. */
@Injectable()
export class QueueStatsService {
  constructor(
    private readonly queues: MonitoredQueues,
    private readonly repository: QueueMonitorRepository,
    private readonly workerStatus: WorkerStatusService,
  ) {}

  /** The logical queues, and each one's worker pools with their BullMQ queue names. */
  queueNames(): { queues: string[]; count: number; pools: Record<string, { pool: string; queue_name: string }[]> } {
    const queues = [...this.queues.names()];
    const pools = Object.fromEntries(
      this.queues.names().map((name) => [name, this.queues.resolve(name).map((p) => ({ pool: p.pool, queue_name: p.bull.name }))]),
    );
    return { queues, count: queues.length, pools };
  }

  async allStats(shard?: string): Promise<{ queues: Record<string, QueueStats> }> {
    const { workers } = await this.workerStatus.workers();
    const stats = await Promise.all(this.queues.names().map((name) => this.stats(name, workers, shard)));
    return { queues: Object.fromEntries(stats.map((s) => [s.queue_name, s])) };
  }

  /**
   * A logical queue: the sums over its pools, with `pools` (each pool's counts, workers, waiting reason). A pool
   * queue (`<queue>@<pool>`): that pool's counts.
   */
  async stats(queueName: string, known?: WorkerView[], shard?: string): Promise<QueueStats> {
    const resolved = this.queues.resolve(queueName, shard);
    const workers = known ?? (await this.workerStatus.workers()).workers;
    const pools = await Promise.all(resolved.map((pool) => this.poolStats(pool, workers)));
    if (queueName.includes('@') && pools.length === 1) return pools[0];
    const sums = Object.fromEntries(COUNTS.map((key) => [key, pools.reduce((sum, p) => sum + p[key], 0)]));
    const shards = this.queues.sharded ? { shards: countsPerShard(pools) } : {};
    return { ...(sums as Pick<QueueStats, (typeof COUNTS)[number]>), queue_name: queueName, paused: pools.every((p) => p.paused), pools, ...shards };
  }

  private async poolStats(pool: PoolQueue, workers: WorkerView[]): Promise<PoolStats> {
    const service = poolService(workers, pool.queue, pool.pool);
    const shard = this.queues.sharded ? { shard: pool.shard } : {};
    const stats = await this.statsOf(pool.bull, shard.shard);
    const served = service.anyUser || (await this.waitingJobsServed(pool.bull, service, stats));
    return { ...stats, pool: pool.pool, ...shard, workers: service.workers, waiting_reason: served ? null : POOL_HAS_NO_WORKER };
  }

  /**
   * A pool whose live workers are all tokens bound to users: its waiting jobs are served when each (of the first
   * SERVED_CHECK_DEPTH, next to run) belongs to one of those users. No worker at all: not served.
   */
  private async waitingJobsServed(queue: Queue, service: PoolService, stats: QueueStats): Promise<boolean> {
    if (service.workers === 0) return false;
    if (stats.queued + stats.scheduled === 0) return true;
    const jobs = await queue.getJobs(['prioritized', 'waiting', 'delayed'], 0, SERVED_CHECK_DEPTH - 1, true);
    return jobs.filter(Boolean).every((job) => canTake(service, (job.opts as AppJobOptions).userId ?? null));
  }

  /** With `shard` (QUEUE_SHARDS), the canceled records of that shard only: they are kept per queue, not per shard. */
  private async statsOf(queue: Queue, shard?: string): Promise<QueueStats> {
    const [counts, paused, canceled] = await Promise.all([
      queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed', 'waiting-children'),
      queue.isPaused(),
      this.repository.canceledCount(queue.name, shard),
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

/** Each shard's counts: the sums of its pools' (QUEUE_SHARDS). */
function countsPerShard(pools: PoolStats[]): Record<string, ShardCounts> {
  const perShard: Record<string, ShardCounts> = {};
  for (const pool of pools) {
    const counts = (perShard[pool.shard ?? '0'] ??= Object.fromEntries(COUNTS.map((key) => [key, 0])) as ShardCounts);
    for (const key of COUNTS) counts[key] += pool[key];
  }
  return perShard;
}
