import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { extractGraphJobId } from '../graph/graph.jobs.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { runVectorizeJobId, vectorizeJobId } from '../vectors/vectors.jobs.js';
import { processFileJobId, rechunkFileJobId } from './files.jobs.js';

const RUNNING_WAIT_MS = 15_000;
const POLL_MS = 100;

/**
 * Stops every job working on a file before the file is deleted, so none writes data after the delete, and leaves none
 * of the file's jobs behind (a deleted file has no jobs to show).
 */
@Injectable()
export class FileJobsCanceller {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly redis: Redis,
  ) {}

  /**
   * Removes the file's queued, scheduled or deferred jobs; aborts running ones and waits (bounded) until they stop;
   * then removes the ended ones, each on its own. Flow roots first (a run's graph job then its embedding step when
   * split, a regeneration chain's graph then vectorize job): removing a deferred job removes the jobs it waits on that have not started, so BullMQ never
   * releases a dependent of a job removed under it.
   */
  async cancelAll(fileId: string): Promise<void> {
    const jobs: [QueueName, string][] = [
      [QueueName.KgExtraction, extractGraphJobId(fileId)],
      [QueueName.Vectorization, runVectorizeJobId(fileId)],
      [QueueName.Vectorization, vectorizeJobId(fileId)],
      [QueueName.FileProcessing, processFileJobId(fileId)],
      [QueueName.FileProcessing, rechunkFileJobId(fileId)],
    ];
    for (const [queue, jobId] of jobs) await this.cancel(queue, jobId);
    for (const [queue, jobId] of jobs) await this.tasks.removeEnded(queue, jobId);
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
