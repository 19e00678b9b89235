import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import type { EnqueuedTask } from '../infra/queue/task-queue.service.js';
import type { TaskPriority } from '../infra/queue/task-priority.js';
import { UserTaskQueue } from '../jobs/user-task-queue.js';
import { rechunkFileJob, rechunkFileJobId } from '../files/files.jobs.js';
import { toApiStatus } from '../infra/queue/job-status.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { flowStep } from '../infra/queue/task-flows.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { VectorizeFileJob, vectorizeJobId } from '../vectors/vectors.jobs.js';
import { VectorsService } from '../vectors/vectors.service.js';
import { GraphFileGoneError } from './graph-file-gone.error.js';
import { ExtractGraphJob, extractGraphJobId } from './graph.jobs.js';
import { FileGraphResult, GraphService } from './graph.service.js';

const LIVE_STATES = new Set(['waiting', 'prioritized', 'active', 'delayed', 'waiting-children']);

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
    private readonly tasks: TaskQueueService,
  ) {}

  /**
   * Queues a re-extraction of the caller's file; while one is queued, returns that job. With `forceRechunk` it is a
   * chain across the three queues, each step on its own workers: `rechunk-file` (file_processing) → `vectorize-file`
   * (vectorization) → `extract-graph` (kg_extraction), so chunks, vectors and graph agree; a step that fails for good
   * cancels the rest (DEPENDENCY_FAILED). Returns the graph job (deferred until the others finished).
   */
  async requestRegeneration(
    fileId: string,
    user: AuthUser,
    forceRechunk: boolean,
    priority?: TaskPriority,
  ): Promise<EnqueuedTask> {
    await this.files.getOwnedFile(fileId, user);
    const graphId = extractGraphJobId(fileId);
    if (!forceRechunk) {
      return this.queue.enqueue(ExtractGraphJob, { file_id: fileId, force_rechunk: false }, { jobId: graphId }, { user, priority });
    }
    const steps: [QueueName, string][] = [
      [QueueName.KgExtraction, graphId],
      [QueueName.Vectorization, vectorizeJobId(fileId)],
      [QueueName.FileProcessing, rechunkFileJobId(fileId)],
    ];
    for (const [queue, jobId] of steps) {
      const job = await this.tasks.getJob(queue, jobId);
      const state = job ? await job.getState() : undefined;
      if (state && LIVE_STATES.has(state)) return { job_id: jobId, status: toApiStatus(state), created: false };
    }
    // Ended jobs with the chain's ids would block it.
    for (const [queue, jobId] of steps) await this.tasks.removeEnded(queue, jobId);
    const chain = await this.queue.enqueueChain(
      [
        flowStep(rechunkFileJob, { file_id: fileId }, { jobId: rechunkFileJobId(fileId) }),
        flowStep(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) }),
        flowStep(ExtractGraphJob, { file_id: fileId, force_rechunk: false }, { jobId: graphId }),
      ],
      { user, priority },
      2,
    );
    // A job just created answers `queued` (the contract), though the graph job waits, deferred, on the others.
    return { job_id: graphId, status: chain.length > 0 ? 'queued' : 'unknown', created: true };
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
