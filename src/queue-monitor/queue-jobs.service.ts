import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ApiJobStatus, BULL_STATES_BY_STATUS, toApiStatus } from '../infra/queue/job-status.js';
import { readJobDependencies } from './job-dependencies.js';
import { canceledDetail, canceledSummary, JobDetail, JobSummary, toJobDetail, toJobSummary } from './job-view.js';
import { MonitoredQueues } from './monitored-queues.js';
import { JobNotFoundError } from './queue-monitor.errors.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';

/** Reads jobs: lists per status and one job in detail. */
@Injectable()
export class QueueJobsService {
  constructor(
    private readonly queues: MonitoredQueues,
    private readonly repository: QueueMonitorRepository,
  ) {}

  /** The jobs of one status (queued: next to run first; the others: most recent first). */
  async list(queueName: string, status: ApiJobStatus, limit: number): Promise<{ jobs: JobSummary[]; count: number }> {
    const queue = this.queues.get(queueName);
    if (status === 'canceled') {
      const jobs = (await this.repository.canceled(queue.name, limit)).map(canceledSummary);
      return { jobs, count: jobs.length };
    }
    const states = BULL_STATES_BY_STATUS[status];
    const ascending = status === 'queued' || status === 'scheduled' || status === 'deferred';
    const found = await queue.getJobs(states, 0, limit - 1, ascending);
    const jobs = (found.filter(Boolean) as Job[]).slice(0, limit).map((job) => toJobSummary(job, status));
    return { jobs, count: jobs.length };
  }

  async detail(queueName: string, jobId: string): Promise<JobDetail> {
    const queue = this.queues.get(queueName);
    const detail = await this.detailIn(queue, jobId);
    if (!detail) throw new JobNotFoundError(jobId, queueName);
    return detail;
  }

  /** A job by id in whichever queue holds it (ids are counters per queue: the first match in queue order wins). */
  async find(jobId: string): Promise<JobDetail> {
    for (const name of this.queues.names()) {
      const detail = await this.detailIn(this.queues.get(name), jobId);
      if (detail) return detail;
    }
    throw new JobNotFoundError(jobId);
  }

  private async detailIn(queue: Queue, jobId: string): Promise<JobDetail | undefined> {
    const job = (await queue.getJob(jobId)) as Job | undefined;
    if (!job) {
      const record = await this.repository.findCanceled(queue.name, jobId);
      return record ? canceledDetail(record, queue.name) : undefined;
    }
    const [state, logs, dependencies] = await Promise.all([
      job.getState(),
      queue.getJobLogs(jobId, 0, 199, true),
      readJobDependencies(job, queue.opts.prefix ?? 'bull'),
    ]);
    return toJobDetail(job, queue.name, toApiStatus(state), logs.logs, dependencies);
  }
}
