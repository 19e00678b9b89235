import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/require-redis.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import type { VectorsService } from '../vectors/vectors.service.js';
import type { FileChunksService } from './file-chunks.service.js';
import { type ChunkRecord } from './file-core.types.js';
import { FilePipelineService } from './file-pipeline.service.js';
import { FileRunService } from './file-run.service.js';
import type { FilesRepository } from './files.repository.js';
import { type FileRow, type StoredStages } from './files.schema.js';
import { CorruptDocumentError } from './parsing/document-parsing.errors.js';
import { ProcessingStatusRepository } from './processing-status.repository.js';
import { ProcessingStatusService } from './processing-status.service.js';

/** The text stage of a run with its stage owners replaced by fakes that move their stages like the real ones; real Redis status. */
describe('FilePipelineService', () => {
  let redis: Redis;
  let status: ProcessingStatusService;
  const fileIds: string[] = [];

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    status = new ProcessingStatusService(new ProcessingStatusRepository(redis), {
      findById: async () => undefined,
    } as unknown as FilesRepository);
  });
  afterAll(async () => {
    for (const id of fileIds) await redis.del(RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
    await redis.quit();
  });

  function setup(behaviour: { chunking?: Error; vectors?: Error } = {}) {
    const fileId = randomUUID();
    fileIds.push(fileId);
    const rows = new Map<string, Partial<FileRow>>([[fileId, { id: fileId, owner_id: randomUUID(), status: 'queued' }]]);
    const saved: { status?: string; error?: string | null; stages?: StoredStages } = {};
    const files = {
      findById: async (id: string) => rows.get(id),
      setStatus: async (id: string, value: string, error: string | null = null) => {
        Object.assign(rows.get(id) ?? {}, { status: value, error });
      },
      saveFinalState: async (_id: string, state: typeof saved) => Object.assign(saved, state),
    } as unknown as FilesRepository;
    const chunk = { id: randomUUID(), file_id: fileId, chunk_index: 0, text: 'Alice met Bob.' } as ChunkRecord;
    const chunks = {
      ensureChunks: async (id: string) => {
        await status.updateStage(id, 'chunking', { status: 'processing', progress: 0 });
        if (behaviour.chunking) {
          await status.updateStage(id, 'chunking', { status: 'failed', progress: 0 }, behaviour.chunking.message);
          throw behaviour.chunking;
        }
        await status.updateStage(id, 'chunking', { status: 'completed', progress: 100 });
        return [chunk];
      },
    } as unknown as FileChunksService;
    const deleted: string[] = [];
    const vectors = {
      vectorizeFile: async (file: { id: string }) => {
        if (behaviour.vectors) {
          await status.updateStage(file.id, 'vectorization', { status: 'failed', progress: 0 });
          throw behaviour.vectors;
        }
        await status.updateStage(file.id, 'vectorization', { status: 'completed', progress: 100 });
        await status.updateStage(file.id, 'storage', { status: 'completed', progress: 100 });
        return { count: 1 };
      },
      deleteFileVectors: async (id: string) => void deleted.push(`vectors:${id}`),
    } as unknown as VectorsService;
    const pipeline = new FilePipelineService(files, chunks, status, vectors, new FileRunService(files, status));
    const run = (finalAttempt = false) =>
      pipeline.processFile(fileId, { signal: new AbortController().signal, finalAttempt });
    return { fileId, rows, saved, deleted, run, pipeline };
  }

  it('stores chunks and vectors and leaves the file searchable, its graph pending (the run\'s graph job ends the run)', async () => {
    const { fileId, saved, run } = setup();
    expect(await run()).toEqual({ file_id: fileId, status: 'searchable', chunks: 1, vectors: 1 });
    expect(saved.status).toBeUndefined();
    expect(await status.get(fileId)).toMatchObject({
      status: 'processing',
      storage: { status: 'completed' },
      kg_extraction: { status: 'pending' },
      searchable: true,
    });
  });

  it('settles a run whose job failed for good elsewhere (a lost worker): failed with the reason, live and stored', async () => {
    const { fileId, rows, saved, pipeline } = setup();
    Object.assign(rows.get(fileId)!, { status: 'processing' });
    await status.updateStage(fileId, 'kg_extraction', { status: 'processing', progress: 30 }, 'Extracting graph');
    await pipeline.settleFailedRun(fileId, 'WORKER_LOST: the worker stopped');
    expect(saved).toMatchObject({ status: 'failed', error: 'WORKER_LOST: the worker stopped' });
    expect(await status.get(fileId)).toMatchObject({ status: 'failed', message: 'Processing failed: WORKER_LOST: the worker stopped' });
  });

  it('stops after chunking when the run embeds in a step of its own (chunks_only): no vectors, not yet searchable', async () => {
    const { fileId, pipeline } = setup();
    const result = await pipeline.processFile(fileId, { signal: new AbortController().signal, finalAttempt: false, chunksOnly: true });
    expect(result).toEqual({ file_id: fileId, status: 'chunked', chunks: 1 });
    const live = await status.get(fileId);
    expect(live).toMatchObject({ status: 'processing', chunking: { status: 'completed' }, vectorization: { status: 'pending' } });
    expect(live?.searchable).toBeUndefined();
  });

  it("replaces a dependent's DEPENDENCY_FAILED settled first with the failed step's own reason", async () => {
    const { fileId, rows, saved, pipeline } = setup();
    Object.assign(rows.get(fileId)!, { status: 'processing' });
    await status.updateStage(fileId, 'vectorization', { status: 'processing', progress: 10 });
    await pipeline.settleFailedRun(fileId, 'child bull:vectorization:file:x:embed failed');
    Object.assign(rows.get(fileId)!, { status: 'failed', error: saved.error });
    await pipeline.settleFailedRun(fileId, 'EMBEDDING_FAILED: 401');
    expect(saved).toMatchObject({ status: 'failed', error: 'EMBEDDING_FAILED: 401' });
    Object.assign(rows.get(fileId)!, { error: saved.error });
    await pipeline.settleFailedRun(fileId, 'child bull:vectorization:file:x:embed failed');
    expect(saved.error).toBe('EMBEDDING_FAILED: 401');
  });

  it("leaves a run whose graph job BullMQ failed with a failed step to that step's own settling (it has the reason)", async () => {
    const { fileId, rows } = setup();
    Object.assign(rows.get(fileId)!, { status: 'processing' });
    await status.updateStage(fileId, 'vectorization', { status: 'failed', progress: 0 });
    const saved: unknown[] = [];
    const files = { findById: async () => rows.get(fileId), saveFinalState: async (...args: unknown[]) => void saved.push(args) };
    await new FileRunService(files as unknown as FilesRepository, status).settleFailedGraphStage(fileId, 'child bull:vectorization:file:x:embed failed');
    expect(saved).toEqual([]);
    expect((await status.get(fileId))?.message).not.toMatch(/^Processing failed/);
  });

  it('never settles a completed file as failed (its run finished)', async () => {
    const { fileId, rows, saved, pipeline } = setup();
    Object.assign(rows.get(fileId)!, { status: 'completed' });
    await pipeline.settleFailedRun(fileId, 'WORKER_LOST');
    expect(saved.status).toBeUndefined();
    expect(await status.get(fileId)).toBeUndefined();
  });

  it('fails a corrupt document at once with UnrecoverableError and stores the failure', async () => {
    const { fileId, saved, run } = setup({ chunking: new CorruptDocumentError('pdf', 'Invalid PDF structure') });
    await expect(run()).rejects.toBeInstanceOf(UnrecoverableError);
    expect(saved).toMatchObject({ status: 'failed', error: expect.stringMatching(/Invalid PDF structure/) });
    expect(await status.get(fileId)).toMatchObject({ status: 'failed', chunking: { status: 'failed' } });
  });

  it('lets a transient failure retry (file back to queued) and records it on the final attempt', async () => {
    const first = setup({ vectors: new Error('embedding server timeout') });
    await expect(first.run(false)).rejects.toThrow('embedding server timeout');
    await expect(first.run(false)).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(first.rows.get(first.fileId)).toMatchObject({ status: 'queued', error: 'embedding server timeout' });
    expect(first.saved.status).toBeUndefined();
    await expect(first.run(true)).rejects.toThrow('embedding server timeout');
    expect(first.saved).toMatchObject({ status: 'failed', error: 'embedding server timeout' });
  });

  it('skips a file deleted before its job ran', async () => {
    const { fileId, rows, run } = setup();
    rows.delete(fileId);
    expect(await run()).toEqual({ file_id: fileId, status: 'skipped' });
  });
});
