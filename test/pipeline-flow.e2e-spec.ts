import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { processFileJobId, rechunkFileJobId } from '../src/files/files.jobs.js';
import { FakeLlmServer } from '../src/graph/extractors/testing/fake-llm-server.js';
import { extractGraphJobId } from '../src/graph/graph.jobs.js';
import { DATABASE_POOL } from '../src/infra/database/database.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { vectorizeJobId } from '../src/vectors/vectors.jobs.js';
import { registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

// Every chunk names the same two entities: a file's graph then holds each with exactly one mention per chunk.
const ANSWER = JSON.stringify({
  entities: [
    { name: 'Ada Lovelace', type: 'person' },
    { name: 'Analytical Engine', type: 'concept' },
  ],
  relations: [{ source: 'Ada Lovelace', target: 'Analytical Engine', relation: 'describe' }],
});

interface StatusDoc {
  status: string;
  storage: { status: string };
  kg_extraction: { status: string };
  searchable?: boolean;
}

/**
 * The pipeline as a flow (issue 16 part 2): `process-file` (file_processing) → `extract-graph` (kg_extraction). The
 * graph comes from a local model server that answers slowly, so the graph stage is still running, observably, after
 * the file became searchable.
 */
describe('Pipeline flow: searchable first, graph after (e2e)', () => {
  let t: TestApp;
  let server: FakeLlmServer;
  let token: string;
  let redis: Redis;
  let pool: pg.Pool;
  let tasks: TaskQueueService;

  const auth = { authorization: '' };
  const paragraphs = (n: number) =>
    Array.from({ length: n }, (_, i) => `Ada Lovelace described the Analytical Engine, note ${i} of ${randomUUID()}.`);
  const upload = async (text: string, name: string): Promise<string> => {
    const res = await t.http().post('/api/v1/files').set(auth).attach('file', Buffer.from(text), name).expect(202);
    return res.body.data.file_id as string;
  };
  const statusOf = async (fileId: string): Promise<StatusDoc> =>
    (await t.http().get(`/api/v1/files/${fileId}/status`).set(auth).expect(200)).body.data as StatusDoc;
  const completed = (fileId: string) =>
    waitFor(async () => {
      const status = await statusOf(fileId);
      if (status.status === 'failed') throw new Error(`file failed: ${JSON.stringify(status)}`);
      const row = await pool.query<{ status: string }>('select status from files where id = $1', [fileId]);
      return status.status === 'completed' && row.rows[0]?.status === 'completed' ? status : undefined;
    }, 40_000);
  const count = async (table: string, fileId: string) =>
    Number((await pool.query(`select count(*)::int as n from ${table} where file_id = $1`, [fileId])).rows[0].n);
  const runJobs = (fileId: string): [QueueName, string][] => [
    [QueueName.FileProcessing, processFileJobId(fileId)],
    [QueueName.FileProcessing, rechunkFileJobId(fileId)],
    [QueueName.Vectorization, vectorizeJobId(fileId)],
    [QueueName.KgExtraction, extractGraphJobId(fileId)],
  ];
  /** Nothing of the file left: no job, no row, no Redis key. */
  const expectNothingLeft = async (fileId: string) => {
    for (const [queue, jobId] of runJobs(fileId)) expect([queue, await tasks.getJob(queue, jobId)]).toEqual([queue, undefined]);
    for (const table of ['file_chunks', 'chunk_vectors', 'graph_mentions', 'graph_relations']) {
      expect([table, await count(table, fileId)]).toEqual([table, 0]);
    }
    expect((await pool.query('select count(*)::int as n from files where id = $1', [fileId])).rows[0].n).toBe(0);
    const keys = [RedisKeys.processingStatus(fileId), RedisKeys.processingTimings(fileId), RedisKeys.uploadProgress(fileId)];
    expect(await redis.exists(...keys)).toBe(0);
  };
  const graphOf = async (fileId: string) =>
    (await t.http().get(`/api/v1/graph/${fileId}`).set(auth).expect(200)).body.data as {
      nodes: { name: string; mention_count: number }[];
    };

  beforeAll(async () => {
    // 120 ms per chunk, one at a time: a graph stage of a few seconds for a few dozen small chunks.
    server = new FakeLlmServer(() => ({ content: ANSWER }), 120);
    t = await createTestApp({
      KG_EXTRACTOR: 'llm',
      LLM_BASE_URL: await server.start(),
      LLM_MODEL: 'fake-model',
      LLM_CONCURRENCY: '1',
      CHUNK_SIZE_TOKENS: '32',
      CHUNK_OVERLAP_TOKENS: '0',
    });
    token = (await registerAndLogin(t)).token;
    auth.authorization = `Bearer ${token}`;
    redis = new Redis(TEST_REDIS_URL);
    pool = t.app.get<pg.Pool>(DATABASE_POOL);
    tasks = t.app.get(TaskQueueService);
  });
  afterAll(async () => {
    await redis.quit();
    await t.close();
    await server.stop();
  });

  it('makes the file searchable (found by search) while its graph stage still runs, then completes it', async () => {
    const text = paragraphs(12).join('\n\n');
    const fileId = await upload(text, 'searchable.txt');
    const graphJob = await tasks.getJob(QueueName.KgExtraction, extractGraphJobId(fileId));
    expect(graphJob).toBeDefined();
    const searchable = await waitFor(async () => {
      const status = await statusOf(fileId);
      return status.searchable ? status : undefined;
    }, 30_000, 20);
    expect(searchable).toMatchObject({ status: 'processing', storage: { status: 'completed' }, searchable: true });
    expect(['pending', 'processing']).toContain(searchable.kg_extraction.status);
    const search = await t
      .http()
      .post('/api/v1/vectors/search')
      .set(auth)
      .send({ query: 'Ada Lovelace Analytical Engine note', file_ids: [fileId], top_k: 3 })
      .expect(200);
    expect(search.body.data.results.length).toBeGreaterThan(0);
    expect((await pool.query('select status from files where id = $1', [fileId])).rows[0].status).toBe('processing');

    const done = await completed(fileId);
    expect(done).toMatchObject({ status: 'completed', kg_extraction: { status: 'completed' }, searchable: true });
    const chunks = await count('file_chunks', fileId);
    expect(await count('chunk_vectors', fileId)).toBe(chunks);
    const graph = await graphOf(fileId);
    expect(graph.nodes.find((n) => n.name === 'Ada Lovelace')?.mention_count).toBe(chunks);
    // One flow: the graph job was the parent of the text stage's job and ran after it.
    const text_ = (await tasks.getJob(QueueName.FileProcessing, processFileJobId(fileId)))!;
    expect(text_.parentKey).toContain(extractGraphJobId(fileId));
    expect(await (await tasks.getJob(QueueName.KgExtraction, extractGraphJobId(fileId)))!.getState()).toBe('completed');
  });

  it('deletes a file whose graph job waits (queue paused): no job, no row, no key left', async () => {
    const kg = tasks.queue(QueueName.KgExtraction);
    await kg.pause();
    try {
      const fileId = await upload(paragraphs(3).join('\n\n'), 'waiting.txt');
      await waitFor(async () => ((await statusOf(fileId)).searchable ? true : undefined), 30_000, 20);
      await t.http().delete(`/api/v1/files/${fileId}`).set(auth).expect(200);
      await expectNothingLeft(fileId);
    } finally {
      await kg.resume();
    }
  });

  it('deletes a file mid-graph (its graph job aborted): no job, no row, no key left', async () => {
    const fileId = await upload(paragraphs(30).join('\n\n'), 'mid-graph.txt');
    await waitFor(async () => ((await statusOf(fileId)).kg_extraction.status === 'processing' ? true : undefined), 30_000, 20);
    await t.http().delete(`/api/v1/files/${fileId}`).set(auth).expect(200);
    // The aborted job's own last writes land as it stops: give them a bounded moment, then nothing may remain.
    await waitFor(async () => {
      const job = await tasks.getJob(QueueName.KgExtraction, extractGraphJobId(fileId));
      return job ? undefined : true;
    }, 20_000);
    await expectNothingLeft(fileId);
  });

  it('deletes a file whose text stage has not started: the whole flow is removed', async () => {
    const fp = tasks.queue(QueueName.FileProcessing);
    await fp.pause();
    try {
      const fileId = await upload(paragraphs(2).join('\n\n'), 'queued.txt');
      expect(await (await tasks.getJob(QueueName.KgExtraction, extractGraphJobId(fileId)))!.getState()).toBe('waiting-children');
      await t.http().delete(`/api/v1/files/${fileId}`).set(auth).expect(200);
      await expectNothingLeft(fileId);
    } finally {
      await fp.resume();
    }
  });

  it('regenerates with force_rechunk as a chain rechunk → vectorize → extract across the three queues', async () => {
    const fileId = await upload(paragraphs(6).join('\n\n'), 'rechunk.txt');
    await completed(fileId);
    const chunkIds = (await pool.query('select id from file_chunks where file_id = $1 order by chunk_index', [fileId])).rows;
    const res = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(auth).send({ force_rechunk: true }).expect(202);
    expect(res.body.data).toEqual({ job_id: extractGraphJobId(fileId), status: 'queued' });
    const [rechunk, vectorize, graph] = await waitFor(async () => {
      const jobs = await Promise.all(runJobs(fileId).slice(1).map(([queue, id]) => tasks.getJob(queue, id)));
      if (jobs.some((job) => job?.failedReason)) throw new Error(jobs.map((job) => job?.failedReason).join('; '));
      return jobs.every((job) => job?.finishedOn) ? jobs.map((job) => job!) : undefined;
    }, 40_000);
    expect(vectorize.parentKey).toContain(extractGraphJobId(fileId));
    expect(rechunk.parentKey).toContain(vectorizeJobId(fileId));
    // Each step started after the one before it finished.
    expect(vectorize.processedOn!).toBeGreaterThanOrEqual(rechunk.finishedOn!);
    expect(graph.processedOn!).toBeGreaterThanOrEqual(vectorize.finishedOn!);
    const after = (await pool.query('select id from file_chunks where file_id = $1 order by chunk_index', [fileId])).rows;
    expect(after).toHaveLength(chunkIds.length);
    expect(after).not.toEqual(chunkIds);
    expect(await count('chunk_vectors', fileId)).toBe(after.length);
    const nodes = (await graphOf(fileId)).nodes;
    expect(nodes.find((n) => n.name === 'Ada Lovelace')?.mention_count).toBe(after.length);
    expect(await statusOf(fileId)).toMatchObject({ status: 'completed', searchable: true });
  });
});
