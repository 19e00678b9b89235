import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { ApiJobStatus, BULL_STATES_BY_STATUS, toApiStatus } from '../infra/queue/job-status.js';
import { type AppJobOptions } from '../infra/queue/task-queue.service.js';
import { readJobDependencies } from './job-dependencies.js';
import { canceledDetail, canceledSummary, JobDetail, JobSummary, toJobDetail, toJobSummary } from './job-view.js';
import { MonitoredQueues, PoolQueue } from './monitored-queues.js';
import { canTake, POOL_HAS_NO_WORKER, poolService } from './pool-workers.js';
import { JobNotFoundError } from './queue-monitor.errors.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';
import { WorkerStatusService } from './worker-status.service.js';

const WAITING: readonly string[] = ['queued', 'scheduled'];

/** Reads jobs: lists per status and one job in detail. */
@Injectable()
export class QueueJobsService {
  constructor(
    private readonly queues: MonitoredQueues,
    private readonly repository: QueueMonitorRepository,
    private readonly workerStatus: WorkerStatusService,
  ) {}

  /**
   * The jobs of one status (queued: next to run first; the others: most recent first), each with its pool. A logical
   * queue lists its pools' jobs together (by time across pools: pools have no common order).
   */
  async list(queueName: string, status: ApiJobStatus, limit: number, shard?: string): Promise<{ jobs: JobSummary[]; count: number }> {
    const pools = this.queues.resolve(queueName, shard);
    const ascending = status === 'queued' || status === 'scheduled' || status === 'deferred';
    const perPool = await Promise.all(pools.map(async (pool) => (await this.listIn(pool, status, limit)).map((job) => ({ ...job, pool: pool.pool, ...this.shardOf(pool) }))));
    const merged = perPool.length === 1 ? perPool[0] : perPool.flat().sort((a, b) => byTime(a, b, ascending));
    const jobs = merged.slice(0, limit);
    return { jobs, count: jobs.length };
  }

  private async listIn(pool: PoolQueue, status: ApiJobStatus, limit: number): Promise<JobSummary[]> {
    const queue = pool.bull;
    if (status === 'canceled') return (await this.repository.canceled(queue.name, limit, this.shardOf(pool).shard)).map(canceledSummary);
    const states = BULL_STATES_BY_STATUS[status];
    const ascending = status === 'queued' || status === 'scheduled' || status === 'deferred';
    const found = await queue.getJobs(states, 0, limit - 1, ascending);
    return (found.filter(Boolean) as Job[]).slice(0, limit).map((job) => toJobSummary(job, status));
  }

  /** A job of a queue (in whichever of its pools holds it), with its pool and why it waits when no worker serves it. */
  async detail(queueName: string, jobId: string, shard?: string): Promise<JobDetail> {
    for (const pool of this.queues.resolve(queueName, shard)) {
      const detail = await this.detailIn(pool, jobId);
      if (detail) return detail;
    }
    throw new JobNotFoundError(jobId, queueName);
  }

  /** A job by id in whichever queue holds it (ids are counters per queue: the first match in queue order wins). */
  async find(jobId: string, shard?: string): Promise<JobDetail> {
    for (const name of this.queues.names()) {
      for (const pool of this.queues.resolve(name, shard)) {
        const detail = await this.detailIn(pool, jobId);
        if (detail) return detail;
      }
    }
    throw new JobNotFoundError(jobId);
  }

  private async detailIn(pool: PoolQueue, jobId: string): Promise<JobDetail | undefined> {
    const found = await this.jobIn(pool, jobId);
    if (!found) return undefined;
    const { detail, owner } = found;
    let reason: string | null = null;
    if (WAITING.includes(detail.status)) {
      const { workers } = await this.workerStatus.workers();
      // A worker of the pool whose token is bound to another user cannot take it.
      if (!canTake(poolService(workers, pool.queue, pool.pool), owner)) reason = POOL_HAS_NO_WORKER;
    }
    return { ...detail, pool: pool.pool, ...this.shardOf(pool), waiting_reason: reason };
  }

  /** With QUEUE_SHARDS, the shard holding a job. */
  private shardOf(pool: PoolQueue): { shard?: string } {
    return this.queues.sharded ? { shard: pool.shard } : {};
  }

  /** The job (or its canceled record, on its own shard) and the user who owns it. */
  private async jobIn(pool: PoolQueue, jobId: string): Promise<{ detail: JobDetail; owner: string | null } | undefined> {
    const queue = pool.bull;
    const job = (await queue.getJob(jobId)) as Job | undefined;
    if (!job) {
      const record = await this.repository.findCanceled(queue.name, jobId, this.shardOf(pool).shard);
      return record ? { detail: canceledDetail(record, queue.name), owner: null } : undefined;
    }
    const [state, logs, dependencies] = await Promise.all([
      job.getState(),
      queue.getJobLogs(jobId, 0, 199, true),
      readJobDependencies(job, queue.opts.prefix ?? 'bull'),
    ]);
    const owner = (job.opts as AppJobOptions).userId ?? null;
    return { detail: toJobDetail(job, queue.name, toApiStatus(state), logs.logs, dependencies), owner };
  }
}

function byTime(a: JobSummary, b: JobSummary, ascending: boolean): number {
  const at = Date.parse(a.enqueued_at ?? a.created_at ?? '') || 0;
  const bt = Date.parse(b.enqueued_at ?? b.created_at ?? '') || 0;
  return ascending ? at - bt : bt - at;
}
