import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ExtractGraphJob, extractGraphJobId } from '../graph/graph.jobs.js';
import { AppConfig } from '../infra/config/app-config.js';
import { JOB_CANCELED, JobReconciliationRepository } from '../infra/queue/job-reconciliation.repository.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { DEPENDENCY_FAILED, isDependencyFailure } from '../infra/queue/task-flows.js';
import { settleWithin } from '../infra/redis/close-quietly.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { runVectorizeJobId, VectorizeFileJob, vectorizeJobId } from '../vectors/vectors.jobs.js';
import { ProcessingStatus, StageName, STAGE_NAMES } from './file-core.types.js';
import { FilePipelineService } from './file-pipeline.service.js';
import { FileProcessingQueue } from './file-processing.queue.js';
import { FilesRepository } from './files.repository.js';
import { processFileJob, processFileJobId, rechunkFileJobId } from './files.jobs.js';
import { FileRunService } from './file-run.service.js';
import { ProcessingStatusService } from './processing-status.service.js';

const LIVE_STATES = new Set(['waiting', 'prioritized', 'active', 'delayed', 'waiting-children']);
const PAGE_SIZE = 200;
// Longer than any pass: the lock only keeps two processes from reconciling at once.
const LOCK_TTL_MS = 10 * 60_000;

/** One job that a file's records say should be queued or running. */
interface ExpectedJob {
  queue: QueueName;
  jobId: string;
  /** Other jobs of the same flow: while one of them is live, the flow is not lost. */
  also?: [QueueName, string][];
  /** Re-enqueues of a lost job allowed: the job's attempts. */
  attempts: number;
  /** Re-read just before acting: the job may have ended (and settled its file) since the records were read. */
  stillOpen(): Promise<boolean>;
  requeue(): Promise<void>;
  settle(reason: string): Promise<void>;
}

export interface ReconcileReport {
  checked: number;
  requeued: number;
  settled: number;
}

type Outcome = 'left' | 'requeued' | 'settled';

/**
 * Finds files whose status is not final but whose job is gone or failed — a crash between a job's end and its file's
 * update, Redis losing a job, an operator's cancel — and re-enqueues the job while it has attempts left, or marks the
 * file (or the regeneration's stages) failed with the reason. Runs at start and every RECONCILE_INTERVAL_MS, in one
 * process at a time (a Redis lock). The normal path settles files as their jobs end (the processors' settleFailedJob);
 * this is the net under it.
 */
@Injectable()
export class FileJobsReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FileJobsReconciler');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobReconciliationRepository,
    private readonly tasks: TaskQueueService,
    private readonly files: FilesRepository,
    private readonly status: ProcessingStatusService,
    private readonly pipeline: FilePipelineService,
    private readonly processing: FileProcessingQueue,
    private readonly run: FileRunService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.pass) await settleWithin(this.pass, 2000);
  }

  /** One pass over the files; undefined when another process holds the lock. */
  async reconcile(): Promise<ReconcileReport | undefined> {
    return this.jobs.underLock(LOCK_TTL_MS, async () => {
      const report: ReconcileReport = { checked: 0, requeued: 0, settled: 0 };
      await this.reconcilePipelineRuns(report);
      await this.reconcileRegenerations(report);
      if (report.requeued + report.settled > 0) this.logger.log({ reconciled: report });
      return report;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.reconcile()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`pass failed (next in ${this.config.queue.reconcileIntervalMs} ms): ${messageOf(error)}`))
        .finally(() => this.schedule(this.config.queue.reconcileIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  /** Files `queued` or `processing` untouched for longer than a dead worker's job takes to be picked up again. */
  private async reconcilePipelineRuns(report: ReconcileReport): Promise<void> {
    const { lockDurationMs, stalledIntervalMs } = this.config.queue;
    const idleSince = new Date(Date.now() - lockDurationMs - stalledIntervalMs);
    for (let offset = 0; ; ) {
      const page = await this.files.findUnsettled(idleSince, PAGE_SIZE, offset);
      for (const file of page) {
        const outcome = await this.reconcileJob(report, this.pipelineRun(file.id));
        if (outcome === 'left') offset += 1; // the others left the unsettled set
      }
      if (page.length < PAGE_SIZE) return;
    }
  }

  /** Completed files whose live status still shows a regeneration running, with none of the file's jobs live. */
  private async reconcileRegenerations(report: ReconcileReport): Promise<void> {
    for await (const live of this.status.withRunningStages()) {
      const file = await this.files.findById(live.file_id);
      if (file?.status !== 'completed' || (await this.anyJobLive(file.id))) continue;
      const graph = isRunning(live, 'kg_extraction') || isRunning(live, 'chunking');
      await this.reconcileJob(report, graph ? this.graphRegeneration(file.id) : this.vectorRegeneration(file.id));
    }
  }

  private async reconcileJob(report: ReconcileReport, expected: ExpectedJob): Promise<Outcome> {
    report.checked += 1;
    const job = await this.tasks.getJob(expected.queue, expected.jobId);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state) || (await this.anyLive(expected.also ?? [])) || !(await expected.stillOpen())) return 'left';
    let reason: string | undefined;
    if (state === 'failed') reason = (await this.failureOf(job!, expected.also ?? [])) || 'the job failed';
    else if (await this.jobs.wasCanceled(expected.queue, expected.jobId)) reason = `${JOB_CANCELED}: an operator canceled the job`;
    else if ((await this.jobs.countRequeue(expected.queue, expected.jobId)) > expected.attempts) {
      reason = `JOB_LOST: its job disappeared more than ${expected.attempts} times`;
    }
    if (reason === undefined) {
      // Gone without a trace (or completed without settling its file): run it again.
      await expected.requeue();
      report.requeued += 1;
      return 'requeued';
    }
    await expected.settle(reason);
    report.settled += 1;
    return 'settled';
  }

  /**
   * A run is a flow (see FileProcessingQueue): its graph job, the parent, lives from the upload until the run ends, so
   * it is the job to look for; while any job of the run lives (its text stage, its embedding step when split) the run
   * is not lost. A lost run is queued again whole.
   */
  private pipelineRun(fileId: string): ExpectedJob {
    return {
      queue: QueueName.KgExtraction,
      jobId: extractGraphJobId(fileId),
      // Text stage first: a failed one fails the embedding step too (DEPENDENCY_FAILED), whose reason says less.
      also: [
        [QueueName.FileProcessing, processFileJobId(fileId)],
        [QueueName.Vectorization, runVectorizeJobId(fileId)],
      ],
      attempts: attemptsOf(processFileJob.defaults.retry),
      stillOpen: () => this.run.inRun(fileId),
      requeue: async () => void (await this.processing.queue(fileId)),
      settle: (reason) => this.settleRun(fileId, reason),
    };
  }

  /** A run's graph job failed for good: settled as its graph stage (soft) once the text was stored, else as a failed run. */
  private async settleRun(fileId: string, reason: string): Promise<void> {
    const live = await this.status.get(fileId);
    if (live?.storage.status === 'completed') await this.run.settleFailedGraphStage(fileId, reason);
    else await this.pipeline.settleFailedRun(fileId, reason);
  }

  /** A job failed because a job it waited on failed (DEPENDENCY_FAILED): that job's reason, else its own. */
  private async failureOf(job: Job, also: [QueueName, string][]): Promise<string | undefined> {
    if (!isDependencyFailure(job.failedReason)) return job.failedReason;
    for (const [queue, jobId] of also) {
      const dependency = await this.tasks.getJob(queue, jobId);
      // A completed job keeps the reason of an attempt that failed before it: only a failed one's counts.
      if (dependency?.failedReason && (await dependency.getState()) === 'failed') return dependency.failedReason;
    }
    return `${DEPENDENCY_FAILED}: ${job.failedReason}`;
  }

  private async anyLive(jobs: [QueueName, string][]): Promise<boolean> {
    for (const [queue, jobId] of jobs) {
      const job = await this.tasks.getJob(queue, jobId);
      if (job && LIVE_STATES.has(await job.getState())) return true;
    }
    return false;
  }

  private vectorRegeneration(fileId: string): ExpectedJob {
    return {
      queue: QueueName.Vectorization,
      jobId: vectorizeJobId(fileId),
      attempts: attemptsOf(VectorizeFileJob.defaults.retry),
      stillOpen: () => this.regenerationStillOpen(fileId),
      requeue: async () => void (await this.tasks.enqueue(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) })),
      settle: (reason) => this.status.failRunningStages(fileId, `Vector regeneration failed: ${reason}`),
    };
  }

  private graphRegeneration(fileId: string): ExpectedJob {
    return {
      queue: QueueName.KgExtraction,
      jobId: extractGraphJobId(fileId),
      attempts: attemptsOf(ExtractGraphJob.defaults.retry),
      stillOpen: () => this.regenerationStillOpen(fileId),
      requeue: async () =>
        void (await this.tasks.enqueue(
          ExtractGraphJob,
          { file_id: fileId, force_rechunk: false },
          { jobId: extractGraphJobId(fileId) },
        )),
      settle: (reason) => this.status.failRunningStages(fileId, `Graph regeneration failed: ${reason}`),
    };
  }

  private async regenerationStillOpen(fileId: string): Promise<boolean> {
    const [file, live] = await Promise.all([this.files.findById(fileId), this.status.get(fileId)]);
    return file?.status === 'completed' && live !== undefined && STAGE_NAMES.some((stage) => isRunning(live, stage));
  }

  private async anyJobLive(fileId: string): Promise<boolean> {
    return this.anyLive([
      [QueueName.FileProcessing, processFileJobId(fileId)],
      [QueueName.FileProcessing, rechunkFileJobId(fileId)],
      [QueueName.Vectorization, runVectorizeJobId(fileId)],
      [QueueName.Vectorization, vectorizeJobId(fileId)],
      [QueueName.KgExtraction, extractGraphJobId(fileId)],
    ]);
  }
}

function isRunning(status: ProcessingStatus, stage: StageName): boolean {
  return status[stage].status === 'processing';
}

function attemptsOf(retry: { max: number } | undefined): number {
  return (retry?.max ?? 0) + 1;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
