import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import type { EnqueuedTask } from '../infra/queue/task-queue.service.js';
import type { TaskPriority } from '../infra/queue/task-priority.js';
import { UserTaskQueue } from '../jobs/user-task-queue.js';
import { VectorsService } from '../vectors/vectors.service.js';
import { GraphFileGoneError } from './graph-file-gone.error.js';
import { ExtractGraphJob, extractGraphJobId } from './graph.jobs.js';
import { FileGraphResult, GraphService } from './graph.service.js';

/** The extract-graph job: queued from the API, run by the kg_extraction processor. */
@Injectable()
export class GraphRegenerationService {
  constructor(
    private readonly graph: GraphService,
    private readonly files: FileRecordsService,
    private readonly chunks: FileChunksService,
    private readonly vectors: VectorsService,
    private readonly queue: UserTaskQueue,
    private readonly status: ProcessingStatusService,
  ) {}

  /** Queues a re-extraction of the caller's file; while one is queued, returns that job. */
  async requestRegeneration(
    fileId: string,
    user: AuthUser,
    forceRechunk: boolean,
    priority?: TaskPriority,
  ): Promise<EnqueuedTask> {
    await this.files.getOwnedFile(fileId, user);
    return this.queue.enqueue(
      ExtractGraphJob,
      { file_id: fileId, force_rechunk: forceRechunk },
      { jobId: extractGraphJobId(fileId) },
      { user, priority },
    );
  }

  /** The regeneration's job failed for good (whoever ended it): the stages it left running are marked failed. */
  async settleFailedRegeneration(fileId: string, reason: string): Promise<void> {
    await this.status.failRunningStages(fileId, `Graph regeneration failed: ${reason}`);
  }

  /**
   * Loads fresh state and re-extracts. With `forceRechunk` the file is parsed and chunked again and its vectors
   * regenerated from the new chunks first, so chunks, vectors and graph stay consistent.
   */
  async regenerateFile(fileId: string, forceRechunk: boolean, signal?: AbortSignal): Promise<FileGraphResult> {
    const file = await this.files.getFile(fileId);
    if (!file) throw new GraphFileGoneError(fileId);
    const chunks = await this.chunks.ensureChunks(fileId, { force: forceRechunk, signal });
    if (forceRechunk) await this.vectors.vectorizeFile(file, chunks, signal);
    return this.graph.extractFileGraph(file, chunks, signal);
  }
}
