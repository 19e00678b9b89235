import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { FilesRepository } from '../src/files/files.repository.js';
import { processFileJobId } from '../src/files/files.jobs.js';
import { extractGraphJobId } from '../src/graph/graph.jobs.js';
import { DATABASE_POOL } from '../src/infra/database/database.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import {
  makeCsv,
  makeDocx,
  makeHtml,
  makeJson,
  makeMarkdown,
  makePdf,
  makeText,
} from './fixtures/make-fixtures.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { readServerSentEvents } from './support/server-sent-events.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const STORY = [
  'Alice Johnson founded Acme Corporation in Berlin in 2019.',
  'Bob Smith joined Acme Corporation as chief engineer and moved to Paris.',
  'Acme Corporation later partnered with Globex Industries in London.',
];

interface StatusDoc {
  file_id: string;
  status: string;
  progress: number;
  chunking: { status: string; progress: number };
  vectorization: { status: string; progress: number };
  storage: { status: string; progress: number };
  kg_extraction: { status: string; progress: number };
  message: string;
}

describe('Files pipeline (e2e)', () => {
  let t: TestApp;
  let token: string;
  let redis: Redis;
  let pool: pg.Pool;
  const fileIds: string[] = [];

  const auth = (req: ReturnType<ReturnType<TestApp['http']>['get']>, bearer = token) =>
    req.set('Authorization', `Bearer ${bearer}`);
  const upload = async (content: Buffer, filename: string, bearer = token, query = '') => {
    const res = await t
      .http()
      .post(`/api/v1/files${query}`)
      .set('Authorization', `Bearer ${bearer}`)
      .attach('file', content, filename);
    if (res.status !== 202) throw new Error(`upload ${filename}: ${res.status} ${JSON.stringify(res.body)}`);
    fileIds.push(res.body.data.file_id);
    return res.body.data.file_id as string;
  };
  const statusOf = async (fileId: string, bearer = token): Promise<StatusDoc> =>
    (await auth(t.http().get(`/api/v1/files/${fileId}/status`), bearer).expect(200)).body.data;
  // The status document ends before the run stores its final state in the file's row: wait for both.
  const settled = (fileId: string) =>
    waitFor(async () => {
      const status = await statusOf(fileId);
      if (!['completed', 'failed'].includes(status.status)) return undefined;
      const row = await pool.query<{ status: string }>('select status from files where id = $1', [fileId]);
      return ['completed', 'failed'].includes(row.rows[0]?.status ?? '') ? status : undefined;
    }, 30_000);
  const count = async (table: string, fileId: string) =>
    Number((await pool.query(`select count(*)::int as n from ${table} where file_id = $1`, [fileId])).rows[0].n);
  const unique = () => `Reference ${randomUUID()}.`;

  beforeAll(async () => {
    t = await createTestApp();
    token = (await registerAndLogin(t)).token;
    redis = new Redis(TEST_REDIS_URL);
    pool = t.app.get<pg.Pool>(DATABASE_POOL);
  });
  afterAll(async () => {
    for (const id of fileIds) {
      await redis.del(RedisKeys.uploadProgress(id), RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
    }
    await redis.quit();
    await t.close();
  });

  it.each([
    ['pdf', 'story.pdf', () => makePdf([`${STORY[0]} ${STORY[1]}`, `${STORY[2]} ${unique()}`])],
    ['docx', 'story.docx', () => makeDocx(['# Story', ...STORY, unique()])],
    ['html', 'story.html', () => makeHtml('Story', [...STORY, unique()])],
    ['md', 'story.md', () => makeMarkdown('Story', [...STORY, unique()])],
    ['txt', 'story.txt', () => makeText([...STORY, unique()].join('\n\n'))],
    ['csv', 'people.csv', () => makeCsv(['name', 'city'], [['Alice Johnson', 'Berlin'], ['Bob Smith', unique()]])],
    ['json', 'story.json', () => makeJson({ story: STORY, ref: unique() })],
  ])('processes a %s file to completed with the four stages', async (type, name, build) => {
    const fileId = await upload(await build(), name);
    const status = await settled(fileId);
    expect(status).toMatchObject({
      file_id: fileId,
      status: 'completed',
      progress: 100,
      chunking: { status: 'completed', progress: 100 },
      vectorization: { status: 'completed', progress: 100 },
      storage: { status: 'completed', progress: 100 },
      kg_extraction: { status: 'completed', progress: 100 },
    });
    const file = (await auth(t.http().get(`/api/v1/files/${fileId}`)).expect(200)).body.data;
    expect(file).toMatchObject({ file_id: fileId, file_type: type, status: 'completed', error: null });
    expect(file.chunk_count).toBeGreaterThan(0);
    const chunks = (await auth(t.http().get(`/api/v1/files/${fileId}/chunks`)).expect(200)).body.data;
    expect(chunks.total).toBe(file.chunk_count);
    expect(chunks.chunks[0]).toMatchObject({ file_id: fileId, chunk_index: 0, start_offset: 0 });
    if (type === 'pdf') expect(chunks.chunks[0].page).toBe(1);
    expect(await count('chunk_vectors', fileId)).toBe(file.chunk_count);
  });

  it('streams every status change over SSE until completed', async () => {
    const queue = t.app.get(TaskQueueService).queue(QueueName.FileProcessing);
    await queue.pause();
    let fileId: string;
    try {
      fileId = await upload(makeText([...STORY, unique()].join('\n\n')), 'sse.txt');
    } finally {
      setTimeout(() => void queue.resume(), 300);
    }
    const stream = await readServerSentEvents<StatusDoc>(auth(t.http().get(`/api/v1/files/${fileId}/events`)));
    expect(stream.contentType).toMatch(/text\/event-stream/);
    const events = stream.events.map((event) => event.data);
    expect(events[0]).toMatchObject({ file_id: fileId, status: 'queued' });
    expect(events.at(-1)).toMatchObject({ status: 'completed', progress: 100 });
    expect(events.some((e) => e.chunking.status === 'processing')).toBe(true);
    expect(events.some((e) => e.chunking.status === 'completed' && e.vectorization.status !== 'completed')).toBe(true);
    expect(events.some((e) => e.storage.status === 'processing')).toBe(true);
    expect(events.some((e) => e.kg_extraction.status === 'processing')).toBe(true);
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('answers the status from the database once the Redis key is gone, with stage timings stored', async () => {
    const fileId = await upload(makeText([...STORY, unique()].join('\n\n')), 'expire.txt');
    const live = await settled(fileId);
    await redis.del(RedisKeys.processingStatus(fileId), RedisKeys.processingTimings(fileId));
    expect(await statusOf(fileId)).toEqual(live);
    const row = (await t.app.get(FilesRepository).findById(fileId))!;
    expect(row.status).toBe('completed');
    expect(row.processed_at).toBeInstanceOf(Date);
    for (const stage of ['chunking', 'vectorization', 'storage', 'kg_extraction']) {
      expect(row.stages![stage]).toMatchObject({ status: 'completed', duration_ms: expect.any(Number) });
    }
  });

  it('gives the same chunk, vector and graph counts when the file is processed again', async () => {
    const fileId = await upload(makeText([...STORY, ...STORY, unique()].join('\n\n')), 'rerun.txt');
    await settled(fileId);
    const before = {
      chunks: await count('file_chunks', fileId),
      vectors: await count('chunk_vectors', fileId),
      mentions: await count('graph_mentions', fileId),
      relations: await count('graph_relations', fileId),
    };
    expect(before.chunks).toBeGreaterThan(0);
    expect(before.mentions).toBeGreaterThan(0);
    const chunkIdsBefore = (await pool.query('select id from file_chunks where file_id = $1', [fileId])).rows;

    // Reprocess: the same content again with ?reprocess=true runs the same file's job again.
    const row = (await t.app.get(FilesRepository).findById(fileId))!;
    const blob = await readFile(join(t.config.dataDir, 'uploads', row.blob_id));
    const rerun = await t
      .http()
      .post('/api/v1/files?reprocess=true')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', blob, 'rerun.txt')
      .expect(202);
    expect(rerun.body.data.file_id).toBe(fileId);
    // The run ends with its graph job (the flow's parent, after process-file).
    await waitFor(async () => (await t.app.get(TaskQueueService).getJob(QueueName.KgExtraction, extractGraphJobId(fileId)))?.finishedOn);
    const after = await settled(fileId);
    expect(after.status).toBe('completed');
    expect({
      chunks: await count('file_chunks', fileId),
      vectors: await count('chunk_vectors', fileId),
      mentions: await count('graph_mentions', fileId),
      relations: await count('graph_relations', fileId),
    }).toEqual(before);
    const chunkIdsAfter = (await pool.query('select id from file_chunks where file_id = $1', [fileId])).rows;
    expect(chunkIdsAfter).not.toEqual(chunkIdsBefore);
  });

  it('processes concurrent uploads, each to completed', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, i) => upload(makeText(`${STORY.join(' ')} Upload ${i}. ${unique()}`), `c${i}.txt`)),
    );
    expect(new Set(ids).size).toBe(6);
    const statuses = await Promise.all(ids.map((id) => settled(id)));
    expect(statuses.map((s) => s.status)).toEqual(Array(6).fill('completed'));
  });

  it('fails a corrupt PDF at once (no retries) with a clear error', async () => {
    const broken = makePdf(['Some text that will be cut']).subarray(0, 120);
    const fileId = await upload(broken, 'broken.pdf');
    const status = await settled(fileId);
    expect(status).toMatchObject({ status: 'failed', chunking: { status: 'failed' } });
    expect(status.message).toMatch(/pdf/i);
    const job = (await t.app.get(TaskQueueService).getJob(QueueName.FileProcessing, processFileJobId(fileId)))!;
    await waitFor(async () => (await job.getState()) === 'failed' || undefined);
    const failed = (await t.app.get(TaskQueueService).getJob(QueueName.FileProcessing, processFileJobId(fileId)))!;
    expect(failed.attemptsMade).toBe(1);
    const file = (await auth(t.http().get(`/api/v1/files/${fileId}`)).expect(200)).body.data;
    expect(file).toMatchObject({ status: 'failed', error: expect.stringMatching(/pdf/i) });
  });

  it('fails an encrypted PDF at once', async () => {
    const fileId = await upload(makePdf([`Secret ${unique()}`], { encrypted: true }), 'secret.pdf');
    expect(await settled(fileId)).toMatchObject({ status: 'failed', chunking: { status: 'failed' } });
  });

  it('deletes a file with its blob, chunks, vectors, graph and status keys', async () => {
    const fileId = await upload(makeText([...STORY, unique()].join('\n\n')), 'delete.txt');
    await settled(fileId);
    const row = (await t.app.get(FilesRepository).findById(fileId))!;
    expect(await count('graph_mentions', fileId)).toBeGreaterThan(0);
    const res = await auth(t.http().delete(`/api/v1/files/${fileId}`)).expect(200);
    expect(res.body.data).toEqual({ file_id: fileId, deleted: true });
    await auth(t.http().get(`/api/v1/files/${fileId}`)).expect(404);
    expect(await readdir(join(t.config.dataDir, 'uploads'))).not.toContain(row.blob_id);
    for (const table of ['file_chunks', 'chunk_vectors', 'graph_mentions', 'graph_relations']) {
      expect(await count(table, fileId)).toBe(0);
    }
    expect(await redis.exists(RedisKeys.processingStatus(fileId), RedisKeys.uploadProgress(fileId))).toBe(0);
  });

  it('aborts a running job when its file is deleted and leaves none of its data behind', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `${STORY[i % 3]} Paragraph ${i}.`);
    const fileId = await upload(makeText([...paragraphs, unique()].join('\n\n')), 'long.txt');
    await waitFor(async () => (await statusOf(fileId)).vectorization.status !== 'pending' || undefined, 30_000, 20);
    await auth(t.http().delete(`/api/v1/files/${fileId}`)).expect(200);
    const tasks = t.app.get(TaskQueueService);
    await waitFor(async () => {
      const job = await tasks.getJob(QueueName.FileProcessing, processFileJobId(fileId));
      return !job || (await job.getState()) !== 'active';
    }, 30_000);
    // Writes in flight when the abort landed are discarded by the run itself.
    await waitFor(async () => {
      const counts = await Promise.all(
        ['file_chunks', 'chunk_vectors', 'graph_mentions', 'graph_relations'].map((table) => count(table, fileId)),
      );
      return counts.every((n) => n === 0) && (await redis.exists(RedisKeys.processingStatus(fileId))) === 0;
    }, 30_000);
    await auth(t.http().get(`/api/v1/files/${fileId}`)).expect(404);
  });

  it('cancels a queued run (its job and the graph job waiting on it) when its file is deleted', async () => {
    const queue = t.app.get(TaskQueueService).queue(QueueName.FileProcessing);
    const graphQueue = t.app.get(TaskQueueService).queue(QueueName.KgExtraction);
    await queue.pause();
    try {
      const fileId = await upload(makeText(`Queued ${unique()}`), 'queued.txt');
      expect(await queue.getJob(processFileJobId(fileId))).toBeDefined();
      expect(await graphQueue.getJob(extractGraphJobId(fileId))).toBeDefined();
      await auth(t.http().delete(`/api/v1/files/${fileId}`)).expect(200);
      expect(await queue.getJob(processFileJobId(fileId))).toBeUndefined();
      expect(await graphQueue.getJob(extractGraphJobId(fileId))).toBeUndefined();
    } finally {
      await queue.resume();
    }
  });

  it("ends a run failed with JOB_CANCELED when an operator cancels its queued text stage", async () => {
    const queue = t.app.get(TaskQueueService).queue(QueueName.FileProcessing);
    await queue.pause();
    let fileId: string;
    try {
      fileId = await upload(makeText(`Canceled ${unique()}`), 'canceled.txt');
      const admin = await loginAdmin(t);
      await auth(t.http().post(`/api/v1/rq/queues/file_processing/jobs/${processFileJobId(fileId)}/cancel`), admin).expect(200);
    } finally {
      await queue.resume();
    }
    const status = await settled(fileId);
    expect(status.status).toBe('failed');
    expect(status.message).toContain('JOB_CANCELED');
  });

  it("answers 404 for another user's file on every route; an admin sees it", async () => {
    const fileId = await upload(makeText(`Private ${unique()}`), 'private.txt');
    await settled(fileId);
    const other = (await registerAndLogin(t)).token;
    for (const path of ['', '/status', '/chunks', '/events', '/upload-progress']) {
      const res = await auth(t.http().get(`/api/v1/files/${fileId}${path}`), other).expect(404);
      expect(res.body).toMatchObject({ success: false, error: { code: 'FILE_NOT_FOUND' } });
    }
    await auth(t.http().delete(`/api/v1/files/${fileId}`), other).expect(404);
    const list = (await auth(t.http().get('/api/v1/files'), other).expect(200)).body.data;
    expect(list.files.map((f: { file_id: string }) => f.file_id)).not.toContain(fileId);
    const admin = await loginAdmin(t);
    await auth(t.http().get(`/api/v1/files/${fileId}`), admin).expect(200);
    await auth(t.http().get(`/api/v1/files/${fileId}`)).expect(200);
  });

  it('pages and filters the list, and validates its query', async () => {
    const page = (await auth(t.http().get('/api/v1/files?limit=2&offset=1&status=completed')).expect(200)).body.data;
    expect(page).toMatchObject({ limit: 2, offset: 1, total: expect.any(Number) });
    expect(page.files.length).toBeLessThanOrEqual(2);
    expect(page.files.every((f: { status: string }) => f.status === 'completed')).toBe(true);
    await auth(t.http().get('/api/v1/files?limit=0')).expect(400);
    await auth(t.http().get('/api/v1/files?limit=101')).expect(400);
    await auth(t.http().get('/api/v1/files?status=bogus')).expect(400);
    await auth(t.http().get(`/api/v1/files/not-a-uuid`)).expect(404);
  });
});
