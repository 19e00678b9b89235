import { Injectable } from '@nestjs/common';
import { ExtractGraphJob, extractGraphJobId } from '../graph/graph.jobs.js';
import { AppConfig } from '../infra/config/app-config.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { toApiStatus } from '../infra/queue/job-status.js';
import { type FlowStep, flowStep } from '../infra/queue/task-flows.js';
import { routingContextOf } from '../infra/queue/routing/job-routing.js';
import type { RouteFacts } from '../infra/queue/routing/route-rule.js';
import { EnqueuedTask, TaskQueueService } from '../infra/queue/task-queue.service.js';
import { type JobOwner, UserTaskQueue } from '../jobs/user-task-queue.js';
import { runVectorizeJobId, VectorizeFileJob } from '../vectors/vectors.jobs.js';
import { FilesRepository } from './files.repository.js';
import { processFileJob, processFileJobId } from './files.jobs.js';
import { ProcessingStatusService } from './processing-status.service.js';

const LIVE_STATES = new Set(['waiting', 'prioritized', 'active', 'delayed', 'waiting-children']);

/**
 * Queues a file's processing run as a BullMQ flow of two jobs: `process-file` on file_processing (parse, chunk,
 * embed, store: the file is searchable when it ends) → `extract-graph` on kg_extraction (the graph; the run ends
 * `completed`). One live run per file (dedup by the run's deterministic job ids).
 *
 * When ROUTES_FILE sends the file's vectorization to another pool than its text stage (e.g. a remote worker embeds a
 * user's files), the run is a chain of three: `process-file` stops after chunking (chunks_only) → the run's own
 * `vectorize-file` (vectorization queue, ends_text_stage: its final failure fails the run) → `extract-graph`.
 * Otherwise embedding stays inline in `process-file`: no hand-over between jobs, the shortest time to searchable.
 *
 * Why a flow (TaskQueueService.flows) and not `process-file` enqueuing the graph job at its end: in a BullMQ flow the
 * parent runs after its children, so the graph job is the parent of `process-file` and both are written in one atomic
 * add. The graph job therefore exists (`deferred`) from the upload on: a crash between the text stage's end and an
 * enqueue cannot lose it, a delete removes the whole run by removing the parent, a failed text stage fails the graph
 * job with DEPENDENCY_FAILED without running it (failParentOnFailure), and the monitor shows what the graph job waits
 * on. A trailing enqueue with a deterministic id would be idempotent too, but would need its own repair of a lost
 * enqueue and leave the run's second half invisible until it starts.
 */
@Injectable()
export class FileProcessingQueue {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly files: FilesRepository,
    private readonly status: ProcessingStatusService,
    private readonly userTasks: UserTaskQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues a run; while one of the file's run jobs is queued, deferred or running, returns it untouched (the text
   * stage's job while it lives, else the embedding step's when split, else the graph job). Returns the text stage's
   * job: with an owner it is the one counted against their active jobs and listed among their jobs, as before the
   * flow (the later steps are the run's follow-up, shown by the file's status); all carry the owner's priority. The
   * reconciler re-enqueues without an owner.
   */
  async queue(fileId: string, owner?: JobOwner): Promise<EnqueuedTask> {
    const live = await this.liveRunJob(fileId);
    if (live) return live;
    await this.removeEndedRun(fileId);
    const processId = processFileJobId(fileId);
    const steps = this.runSteps(fileId, await this.routeFacts(fileId, owner), owner);
    const reset = async () => {
      await this.files.setStatus(fileId, 'queued');
      await this.status.reset(fileId);
    };
    if (owner) {
      await this.userTasks.enqueueChain(steps, owner, 0, reset);
    } else {
      await reset();
      await this.tasks.flows.chain(steps);
    }
    return { job_id: processId, status: 'queued', created: true };
  }

  /**
   * A text stage that runs again after its run failed (an operator requeued the failed `process-file`) finds its
   * graph job failed with it (DEPENDENCY_FAILED): BullMQ does not re-arm a failed parent, so the run would never end.
   * Queues the run's graph stage again, on its own (the failed graph job is replaced, its ended jobs kept).
   */
  async requeueFailedGraphStage(fileId: string, userId?: string): Promise<void> {
    const graphId = extractGraphJobId(fileId);
    const graph = await this.tasks.getJob(QueueName.KgExtraction, graphId);
    if (!graph || (await graph.getState()) !== 'failed') return;
    const route = await this.routeFacts(fileId);
    await this.tasks.enqueue(ExtractGraphJob, { file_id: fileId, force_rechunk: false, ends_run: true }, { jobId: graphId, userId, route });
  }

  private runSteps(fileId: string, route: RouteFacts, owner?: JobOwner): FlowStep[] {
    const processId = processFileJobId(fileId);
    const graph = flowStep(ExtractGraphJob, { file_id: fileId, force_rechunk: false, ends_run: true }, { jobId: extractGraphJobId(fileId), route });
    if (!this.embedsElsewhere(route, owner)) return [flowStep(processFileJob, { file_id: fileId }, { jobId: processId, route }), graph];
    return [
      flowStep(processFileJob, { file_id: fileId, chunks_only: true }, { jobId: processId, route }),
      flowStep(VectorizeFileJob, { file_id: fileId, ends_text_stage: true }, { jobId: runVectorizeJobId(fileId), route }),
      graph,
    ];
  }

  /** True when the rules route this file's `vectorize-file` to another pool than its `process-file` (as the flow will). */
  private embedsElsewhere(route: RouteFacts, owner?: JobOwner): boolean {
    const { routes } = this.config.queue;
    const options = { userId: owner?.user.id, route };
    return routes.poolFor(routingContextOf(processFileJob, options)) !== routes.poolFor(routingContextOf(VectorizeFileJob, options));
  }

  /** What ROUTES_FILE may route a run by: the file's type and size, and the owner's role when a request queues it. */
  private async routeFacts(fileId: string, owner?: JobOwner): Promise<RouteFacts> {
    const file = await this.files.findById(fileId);
    const facts: RouteFacts = file ? { fileType: file.file_type, mimeType: file.content_type, fileSize: file.size_bytes } : {};
    return owner ? { ...facts, role: owner.user.role } : facts;
  }

  private async liveRunJob(fileId: string): Promise<EnqueuedTask | undefined> {
    const ids: [QueueName, string][] = [
      [QueueName.FileProcessing, processFileJobId(fileId)],
      [QueueName.Vectorization, runVectorizeJobId(fileId)],
      [QueueName.KgExtraction, extractGraphJobId(fileId)],
    ];
    for (const [queue, jobId] of ids) {
      const job = await this.tasks.getJob(queue, jobId);
      const state = job ? await job.getState() : undefined;
      if (state && LIVE_STATES.has(state)) return { job_id: jobId, status: toApiStatus(state), created: false };
    }
    return undefined;
  }

  /** A finished or failed job with a run's id would block the new flow (BullMQ ignores an add with a taken id). */
  private async removeEndedRun(fileId: string): Promise<void> {
    await this.tasks.removeEnded(QueueName.KgExtraction, extractGraphJobId(fileId));
    await this.tasks.removeEnded(QueueName.Vectorization, runVectorizeJobId(fileId));
    await this.tasks.removeEnded(QueueName.FileProcessing, processFileJobId(fileId));
  }
}
