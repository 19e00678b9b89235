import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { extractGraphJobId } from '../graph/graph.jobs.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { vectorizeJobId } from '../vectors/vectors.jobs.js';
import { processFileJobId } from './files.jobs.js';

const RUNNING_WAIT_MS = 15_000;
const POLL_MS = 100;

/** Stops every job working on a file before the file is deleted, so none writes data after the delete. */
@Injectable()
export class FileJobsCanceller {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly redis: Redis,
  ) {}

  /** Removes the file's queued or scheduled jobs; aborts running ones and waits (bounded) until they stop. */
  async cancelAll(fileId: string): Promise<void> {
    const jobs: [QueueName, string][] = [
      [QueueName.FileProcessing, processFileJobId(fileId)],
      [QueueName.Vectorization, vectorizeJobId(fileId)],
      [QueueName.KgExtraction, extractGraphJobId(fileId)],
    ];
    await Promise.all(jobs.map(([queue, jobId]) => this.cancel(queue, jobId)));
  }

  private async cancel(queue: QueueName, jobId: string): Promise<void> {
    if (await this.tasks.removeIfNotStarted(queue, jobId)) return;
    const job = await this.tasks.getJob(queue, jobId);
    if (!job || (await job.getState()) !== 'active') return;
    await this.redis.publish(RedisKeys.jobAbortChannel(), JSON.stringify({ job_id: jobId, reason: 'file deleted' }));
    const deadline = Date.now() + RUNNING_WAIT_MS;
    while (Date.now() < deadline && (await job.getState()) === 'active') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
