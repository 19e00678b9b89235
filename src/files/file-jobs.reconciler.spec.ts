import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/require-redis.js';
import { extractGraphJobId } from '../graph/graph.jobs.js';
import { type AppConfig } from '../infra/config/app-config.js';
import { JobReconciliationRepository } from '../infra/queue/job-reconciliation.repository.js';
import { TaskRouter } from '../infra/queue/routing/task-router.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { type TaskQueueService } from '../infra/queue/task-queue.service.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { vectorizeJobId } from '../vectors/vectors.jobs.js';
import { FileJobsReconciler } from './file-jobs.reconciler.js';
import { type FilePipelineService } from './file-pipeline.service.js';
import { type FileProcessingQueue } from './file-processing.queue.js';
import { type FileRunService } from './file-run.service.js';
import { processFileJobId } from './files.jobs.js';
import { type FilesRepository } from './files.repository.js';
import { type FileRow } from './files.schema.js';
import { ProcessingStatusRepository } from './processing-status.repository.js';
import { ProcessingStatusService } from './processing-status.service.js';

/** The reconciler with real Redis (status documents, lock, counters) and the files table and BullMQ replaced. */
describe('FileJobsReconciler', () => {
  let redis: Redis;
  let status: ProcessingStatusService;
  const prefix = `test-reconcile-${randomBytes(4).toString('hex')}`;
  const config = { queue: { prefix, lockDurationMs: 0, stalledIntervalMs: 0, reconcileIntervalMs: 60_000, routes: new TaskRouter() } } as AppConfig;
  const rows = new Map<string, Partial<FileRow>>();
  const jobs = new Map<string, { state: string; failedReason?: string }>();
  const fileIds: string[] = [];
  let enqueued: string[];
  let settled: [string, string][];

  const files = {
    findUnsettled: async (_idle: Date, limit: number, offset: number) =>
      [...rows.values()].filter((r) => ['queued', 'processing'].includes(r.status!)).slice(offset, offset + limit),
    findById: async (id: string) => rows.get(id),
  } as unknown as FilesRepository;
  const tasks = {
    getJob: async (_queue: QueueName, jobId: string) => {
      const job = jobs.get(jobId);
      return job && { failedReason: job.failedReason, getState: async () => job.state };
    },
    enqueue: async (_definition: unknown, _data: unknown, options: { jobId: string }) => {
      enqueued.push(options.jobId);
      jobs.set(options.jobId, { state: 'waiting' });
      return { job_id: options.jobId, status: 'queued', created: true };
    },
  } as unknown as TaskQueueService;
  const pipeline = {
    settleFailedRun: async (fileId: string, reason: string) => {
      settled.push([fileId, reason]);
      rows.get(fileId)!.status = 'failed';
    },
  } as unknown as FilePipelineService;
  // A run is a flow: the graph job (parent) waits on the text stage's process-file job.
  const processing = {
    queue: async (fileId: string) => {
      enqueued.push(processFileJobId(fileId));
      jobs.set(processFileJobId(fileId), { state: 'waiting' });
      jobs.set(extractGraphJobId(fileId), { state: 'waiting-children' });
      rows.get(fileId)!.status = 'queued';
    },
  } as unknown as FileProcessingQueue;
  const run = {
    inRun: async (fileId: string) => ['queued', 'processing'].includes(rows.get(fileId)?.status ?? ''),
    settleFailedGraphStage: async (fileId: string, reason: string) => {
      settled.push([fileId, `graph stage: ${reason}`]);
      rows.get(fileId)!.status = 'completed';
    },
  } as unknown as FileRunService;
  const loseRun = (fileId: string) => {
    jobs.delete(processFileJobId(fileId));
    jobs.delete(extractGraphJobId(fileId));
  };
  let reconciler: FileJobsReconciler;

  const newFile = (fileStatus: string) => {
    const id = randomUUID();
    fileIds.push(id);
    rows.set(id, { id, status: fileStatus });
    return id;
  };

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    status = new ProcessingStatusService(new ProcessingStatusRepository(redis), files);
    reconciler = new FileJobsReconciler(
      config,
      new JobReconciliationRepository(redis, config),
      tasks,
      files,
      status,
      pipeline,
      processing,
      run,
    );
  });
  beforeEach(() => {
    rows.clear();
    jobs.clear();
    enqueued = [];
    settled = [];
  });
  afterAll(async () => {
    for (const id of fileIds) await redis.del(RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
    const keys = await redis.keys(`rq:*:${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('re-enqueues a processing file whose job is gone while attempts remain, then marks it failed (JOB_LOST)', async () => {
    const id = newFile('processing');
    for (let pass = 0; pass < 3; pass++) {
      loseRun(id);
      rows.get(id)!.status = 'processing';
      expect(await reconciler.reconcile()).toMatchObject({ requeued: 1, settled: 0 });
    }
    loseRun(id);
    rows.get(id)!.status = 'processing';
    expect(await reconciler.reconcile()).toMatchObject({ requeued: 0, settled: 1 });
    expect(enqueued).toEqual([processFileJobId(id), processFileJobId(id), processFileJobId(id)]);
    expect(settled).toEqual([[id, expect.stringMatching(/^JOB_LOST: its job disappeared more than 3 times/)]]);
  });

  it('marks failed, with the text stage’s reason, a file whose run failed there (e.g. stalled out) without settling it', async () => {
    const id = newFile('processing');
    jobs.set(processFileJobId(id), { state: 'failed', failedReason: 'WORKER_LOST: the worker stopped' });
    jobs.set(extractGraphJobId(id), { state: 'failed', failedReason: `child bull:file_processing:${processFileJobId(id)} failed` });
    expect(await reconciler.reconcile()).toMatchObject({ settled: 1, requeued: 0 });
    expect(settled).toEqual([[id, 'WORKER_LOST: the worker stopped']]);
  });

  it('settles as a graph-stage failure (file completed, kg_extraction failed) a searchable file whose graph job failed', async () => {
    const id = newFile('processing');
    await status.updateStage(id, 'storage', { status: 'completed', progress: 100 });
    jobs.set(processFileJobId(id), { state: 'completed' });
    jobs.set(extractGraphJobId(id), { state: 'failed', failedReason: 'WORKER_LOST: the worker stopped' });
    expect(await reconciler.reconcile()).toMatchObject({ settled: 1, requeued: 0 });
    expect(settled).toEqual([[id, 'graph stage: WORKER_LOST: the worker stopped']]);
  });

  it.each([
    ['process-file', 'waiting'],
    ['process-file', 'active'],
    ['process-file', 'delayed'],
    ['process-file', 'prioritized'],
    ['extract-graph', 'waiting-children'],
    ['extract-graph', 'active'],
  ])('leaves a file whose %s job is %s', async (name, state) => {
    const id = newFile('processing');
    jobs.set(name === 'process-file' ? processFileJobId(id) : extractGraphJobId(id), { state });
    expect(await reconciler.reconcile()).toMatchObject({ checked: 1, settled: 0, requeued: 0 });
  });

  it('marks failed (JOB_CANCELED) a queued file whose run an operator canceled, instead of running it again', async () => {
    const id = newFile('queued');
    const canceled = { job_id: extractGraphJobId(id), canceled_at: new Date().toISOString() };
    await redis.zadd(RedisKeys.canceledJobs(prefix, QueueName.KgExtraction), Date.now(), JSON.stringify(canceled));
    await reconciler.reconcile();
    expect(enqueued).toEqual([]);
    expect(settled).toEqual([[id, expect.stringMatching(/^JOB_CANCELED/)]]);
  });

  it('re-enqueues a lost graph regeneration of a completed file, and marks a failed vector regeneration’s stages failed', async () => {
    const lostGraph = newFile('completed');
    await status.updateStage(lostGraph, 'kg_extraction', { status: 'processing', progress: 30 });
    const failedVectors = newFile('completed');
    await status.updateStage(failedVectors, 'vectorization', { status: 'processing', progress: 50 });
    jobs.set(vectorizeJobId(failedVectors), { state: 'failed', failedReason: 'EMBEDDING_FAILED: 401' });
    const running = newFile('completed');
    await status.updateStage(running, 'kg_extraction', { status: 'processing', progress: 30 });
    jobs.set(extractGraphJobId(running), { state: 'active' });

    await reconciler.reconcile();
    expect(enqueued).toEqual([extractGraphJobId(lostGraph)]);
    expect(await status.get(failedVectors)).toMatchObject({
      vectorization: { status: 'failed' },
      message: 'Vector regeneration failed: EMBEDDING_FAILED: 401',
    });
    expect(await status.get(running)).toMatchObject({ kg_extraction: { status: 'processing' } });
  });

  it('runs in one process at a time (another holding the lock: no pass)', async () => {
    await redis.set(RedisKeys.reconcilerLock(prefix), 'another process', 'PX', 5000);
    try {
      newFile('processing');
      expect(await reconciler.reconcile()).toBeUndefined();
      expect(enqueued).toEqual([]);
    } finally {
      await redis.del(RedisKeys.reconcilerLock(prefix));
    }
  });
});
