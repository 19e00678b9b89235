import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { EnqueuedTask, TaskQueueService } from '../infra/queue/task-queue.service.js';
import { type JobOwner, UserTaskQueue } from '../jobs/user-task-queue.js';
import { FilesRepository } from './files.repository.js';
import { processFileJob, processFileJobId } from './files.jobs.js';
import { ProcessingStatusService } from './processing-status.service.js';

const LIVE_STATES = new Set(['waiting', 'prioritized', 'active', 'delayed', 'waiting-children']);

/** Queues a file's `process-file` job (one live job per file) and cancels it. */
@Injectable()
export class FileProcessingQueue {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly files: FilesRepository,
    private readonly status: ProcessingStatusService,
    private readonly userTasks: UserTaskQueue,
  ) {}

  /**
   * Queues processing; while a job for the file is queued or running, returns that one untouched. With an owner, the
   * job counts against their quota and carries their priority (the reconciler re-enqueues without one).
   */
  async queue(fileId: string, owner?: JobOwner): Promise<EnqueuedTask> {
    const jobId = processFileJobId(fileId);
    const live = await this.tasks.getJob(QueueName.FileProcessing, jobId);
    const isLive = !!live && LIVE_STATES.has(await live.getState());
    const reset = async () => {
      if (isLive) return;
      await this.files.setStatus(fileId, 'queued');
      await this.status.reset(fileId);
    };
    const data = { file_id: fileId };
    if (owner) return this.userTasks.enqueue(processFileJob, data, { jobId }, owner, reset);
    await reset();
    return this.tasks.enqueue(processFileJob, data, { jobId });
  }

  /** Removes the file's job if it has not started. Returns true if a job was removed. */
  async cancelPending(fileId: string): Promise<boolean> {
    return this.tasks.removeIfNotStarted(QueueName.FileProcessing, processFileJobId(fileId));
  }
}
