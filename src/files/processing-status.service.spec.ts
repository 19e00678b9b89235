import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/require-redis.js';
import { ProcessingStatusRepository } from './processing-status.repository.js';
import type { FilesRepository } from './files.repository.js';
import { type FileRow } from './files.schema.js';
import { ProcessingStatusService } from './processing-status.service.js';

describe('ProcessingStatusService (real Redis)', () => {
  let redis: Redis;
  let service: ProcessingStatusService;
  const stored = new Map<string, Partial<FileRow>>();
  const fileIds: string[] = [];
  const newFile = () => {
    const id = randomUUID();
    fileIds.push(id);
    return id;
  };

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    const files = { findById: async (id: string) => stored.get(id) } as unknown as FilesRepository;
    service = new ProcessingStatusService(new ProcessingStatusRepository(redis), files);
  });
  afterAll(async () => {
    for (const id of fileIds) await redis.del(RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
    await redis.quit();
  });

  it('keeps the documented shape with a weighted overall progress and a TTL', async () => {
    const id = newFile();
    await service.reset(id);
    await service.updateStage(id, 'chunking', { status: 'completed', progress: 100 });
    await service.updateStage(id, 'vectorization', { status: 'processing', progress: 50 }, 'Embedding chunks');
    const raw = JSON.parse((await redis.get(RedisKeys.processingStatus(id)))!);
    expect(Object.keys(raw).sort()).toEqual(
      ['chunking', 'file_id', 'kg_extraction', 'message', 'progress', 'status', 'storage', 'vectorization'].sort(),
    );
    expect(await service.get(id)).toEqual({
      file_id: id,
      status: 'processing',
      progress: 40,
      chunking: { status: 'completed', progress: 100 },
      vectorization: { status: 'processing', progress: 50 },
      storage: { status: 'pending', progress: 0 },
      kg_extraction: { status: 'pending', progress: 0 },
      message: 'Embedding chunks',
    });
    const ttl = await redis.ttl(RedisKeys.processingStatus(id));
    expect(ttl).toBeGreaterThan(7000);
    expect(ttl).toBeLessThanOrEqual(7200);
  });

  it('is completed when the required stages completed even if kg_extraction failed', async () => {
    const id = newFile();
    await service.reset(id);
    for (const stage of ['chunking', 'vectorization', 'storage'] as const) {
      await service.updateStage(id, stage, { status: 'completed', progress: 100 });
    }
    expect((await service.get(id))!.status).toBe('processing');
    await service.updateStage(id, 'kg_extraction', { status: 'failed', progress: 30 }, 'extractor down');
    const status = (await service.get(id))!;
    expect(status.status).toBe('completed');
    expect(status.kg_extraction).toEqual({ status: 'failed', progress: 30 });
  });

  it('fails the file when a required stage fails, and records stage timings', async () => {
    const id = newFile();
    await service.reset(id);
    await service.updateStage(id, 'chunking', { status: 'processing', progress: 10 });
    const failed = await service.fail(id, 'Corrupt document');
    expect(failed.status).toBe('failed');
    expect(failed.chunking.status).toBe('failed');
    expect(failed.message).toBe('Corrupt document');
    const summary = await service.stageSummary(id, failed);
    expect(summary.chunking.started_at).toEqual(expect.any(String));
    expect(summary.chunking.duration_ms).toEqual(expect.any(Number));
    expect(summary.vectorization.started_at).toBeUndefined();
  });

  it('loses no update when stages move concurrently', async () => {
    const id = newFile();
    await service.reset(id);
    await Promise.all([
      service.updateStage(id, 'vectorization', { status: 'completed', progress: 100 }),
      service.updateStage(id, 'kg_extraction', { status: 'completed', progress: 100 }),
      service.updateStage(id, 'storage', { status: 'completed', progress: 100 }),
      service.updateStage(id, 'chunking', { status: 'completed', progress: 100 }),
    ]);
    expect(await service.get(id)).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('starts from the stored final state when a later stage update finds no key', async () => {
    const id = newFile();
    await service.reset(id);
    for (const stage of ['chunking', 'vectorization', 'storage', 'kg_extraction'] as const) {
      await service.updateStage(id, stage, { status: 'completed', progress: 100 });
    }
    stored.set(id, { id, status: 'completed', processing: { ...(await service.get(id))! } });
    await redis.del(RedisKeys.processingStatus(id));
    await service.updateStage(id, 'vectorization', { status: 'processing', progress: 10 }, 'Re-embedding');
    expect(await service.get(id)).toMatchObject({
      status: 'processing',
      chunking: { status: 'completed', progress: 100 },
      vectorization: { status: 'processing', progress: 10 },
      kg_extraction: { status: 'completed', progress: 100 },
    });
    await service.updateStage(id, 'vectorization', { status: 'completed', progress: 100 });
    expect((await service.get(id))!.status).toBe('completed');
  });
});
