import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { FakeEmbeddingServer } from '../src/vectors/embedding/testing/fake-embedding-server.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/** A word no other test or passage contains. */
const uniqueWord = () => `zq${randomBytes(5).toString('hex')}`;

function filesApi(t: TestApp, fileIds: string[]) {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    bearer,
    /** Uploads a text file and waits until its processing pipeline completed. */
    async uploadProcessed(token: string, text: string): Promise<string> {
      const res = await t
        .http()
        .post('/api/v1/files')
        .set(bearer(token))
        .attach('file', Buffer.from(text), `doc-${uniqueWord()}.txt`);
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
      const fileId = res.body.data.file_id as string;
      fileIds.push(fileId);
      await waitFor(async () => {
        const status = await t.http().get(`/api/v1/files/${fileId}/status`).set(bearer(token));
        if (status.body.data?.status === 'failed') throw new Error(JSON.stringify(status.body.data));
        return status.body.data?.status === 'completed';
      }, 45_000);
      return fileId;
    },
    search(token: string, body: object) {
      return t.http().post('/api/v1/vectors/search').set(bearer(token)).send(body);
    },
    async waitForJob(jobId: string): Promise<void> {
      const queue = t.app.get(TaskQueueService);
      await waitFor(async () => {
        const state = await (await queue.getJob(QueueName.Vectorization, jobId))?.getState();
        if (state === 'failed') throw new Error(`job ${jobId} failed`);
        return state === 'completed';
      }, 45_000);
    },
  };
}

async function cleanRedis(fileIds: string[]): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  for (const id of fileIds) {
    await redis.del(RedisKeys.uploadProgress(id), RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
  }
  await redis.quit();
}

describe('Vectors API (e2e)', () => {
  let t: TestApp;
  const fileIds: string[] = [];
  let api: ReturnType<typeof filesApi>;

  beforeAll(async () => {
    t = await createTestApp();
    api = filesApi(t, fileIds);
  });
  afterAll(async () => {
    await cleanRedis(fileIds);
    await t.close();
  });

  it('rejects bad search values with 400', async () => {
    const { token } = await registerAndLogin(t);
    const bad = [
      {},
      { query: '' },
      { query: '   ' },
      { query: 'x'.repeat(2001) },
      { query: 'ok', top_k: 0 },
      { query: 'ok', top_k: 51 },
      { query: 'ok', top_k: 'five' },
      { query: 'ok', file_ids: ['not-a-uuid'] },
      { query: 'ok', file_ids: 'not-an-array' },
      { query: 'ok', extra: true },
      { query: 'ok', mode: 'semantic' },
      { query: 'ok', mode: ['text'] },
    ];
    for (const body of bad) {
      const res = await api.search(token, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.success).toBe(false);
    }
  });

  it('needs a bearer token', async () => {
    await t.http().post('/api/v1/vectors/search').send({ query: 'x' }).expect(401);
  });

  it('answers an empty result for a user without files', async () => {
    const { token } = await registerAndLogin(t);
    const res = await api.search(token, { query: 'x' }).expect(200);
    expect(res.body).toMatchObject({ success: true, data: { results: [] } });
  });

  it('answers 404 for an unknown file and 400 for a malformed id', async () => {
    const admin = await loginAdmin(t);
    const missing = '5b0e7c52-3f57-4c4b-9d7c-000000000000';
    await t.http().get(`/api/v1/vectors/${missing}`).set(api.bearer(admin)).expect(404);
    await t.http().post(`/api/v1/vectors/${missing}/regenerate`).set(api.bearer(admin)).expect(404);
    await t.http().get('/api/v1/vectors/not-a-uuid').set(api.bearer(admin)).expect(400);
  });

  it('vectorizes an uploaded file and finds it by a keyword', async () => {
    const { token } = await registerAndLogin(t);
    const word = uniqueWord();
    const fileId = await api.uploadProcessed(token, `Notes on the ${word} expedition to the northern glaciers.`);

    const info = await t.http().get(`/api/v1/vectors/${fileId}`).set(api.bearer(token)).expect(200);
    expect(info.body.data).toEqual({
      file_id: fileId,
      model: 'hash-v1',
      dimension: 384,
      count: 1,
      updated_at: expect.any(String),
    });
    const res = await api.search(token, { query: `${word} expedition`, top_k: 3, mode: 'vector' }).expect(200);
    expect(res.body.data.mode).toBe('vector');
    expect(res.body.data.results[0]).toEqual({
      file_id: fileId,
      filename: expect.stringMatching(/^doc-.*\.txt$/),
      chunk_id: expect.any(String),
      chunk_index: 0,
      text: expect.stringContaining(word),
      score: expect.any(Number),
      found_by: ['vector'],
      vector_score: res.body.data.results[0].score,
      text_score: null,
    });
    expect(res.body.data.results[0].score).toBeGreaterThan(0.2);
  });

  it('searches in text and hybrid modes (hybrid by default), saying which lists found each chunk', async () => {
    const { token } = await registerAndLogin(t);
    const word = uniqueWord();
    const fileId = await api.uploadProcessed(token, `The ${word} protocol.\n\n` + 'Unrelated filler sentence. '.repeat(200));

    const text = (await api.search(token, { query: word, mode: 'text' }).expect(200)).body.data;
    expect(text.mode).toBe('text');
    expect(text.results[0]).toMatchObject({ file_id: fileId, found_by: ['text'], vector_score: null });
    expect(text.results[0].score).toBe(text.results[0].text_score);
    expect(text.results[0].text).toContain(word);

    const hybrid = (await api.search(token, { query: word }).expect(200)).body.data;
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.results[0]).toMatchObject({ file_id: fileId, found_by: ['vector', 'text'] });
    expect(hybrid.results[0].vector_score).toEqual(expect.any(Number));
    expect(hybrid.results[0].text_score).toEqual(expect.any(Number));
    expect(hybrid.results[0].text).toContain(word);

    const chinese = await api.uploadProcessed(token, `${word} 数据库备份每天凌晨两点自动执行。`);
    const zh = (await api.search(token, { query: '数据库备份', mode: 'text' }).expect(200)).body.data;
    expect(zh.results.map((r: { file_id: string }) => r.file_id)).toEqual([chinese]);
  });

  it('regenerate answers 202 and replaces the vectors without duplicating them', async () => {
    const { token } = await registerAndLogin(t);
    const word = uniqueWord();
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} about ${word} and subject ${uniqueWord()}.`);
    const fileId = await api.uploadProcessed(token, paragraphs.join('\n\n').repeat(20));
    const before = (await t.http().get(`/api/v1/vectors/${fileId}`).set(api.bearer(token))).body.data;
    expect(before.count).toBeGreaterThan(1);

    const first = await t.http().post(`/api/v1/vectors/${fileId}/regenerate`).set(api.bearer(token)).expect(202);
    const second = await t.http().post(`/api/v1/vectors/${fileId}/regenerate`).set(api.bearer(token)).expect(202);
    expect(first.body.data).toEqual({ job_id: `file:${fileId}:vectorize`, status: 'queued' });
    await api.waitForJob(first.body.data.job_id);
    expect(second.body.data.job_id).toBe(first.body.data.job_id);

    const after = (await t.http().get(`/api/v1/vectors/${fileId}`).set(api.bearer(token))).body.data;
    expect(after.count).toBe(before.count);
    expect(new Date(after.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(before.updated_at).getTime());
    const hits = (await api.search(token, { query: word, top_k: 50 })).body.data.results as { chunk_index: number }[];
    const indexes = hits.map((h) => h.chunk_index);
    expect(new Set(indexes).size).toBe(indexes.length);
  });

  it("searches only the caller's files; admin searches all; others' files are 404", async () => {
    const alice = await registerAndLogin(t);
    const bob = await registerAndLogin(t);
    const admin = await loginAdmin(t);
    const word = uniqueWord();
    const aliceFile = await api.uploadProcessed(alice.token, `Alice's private ${word} recipe for plum jam.`);

    const own = await api.search(alice.token, { query: word });
    expect(own.body.data.results.map((r: { file_id: string }) => r.file_id)).toEqual([aliceFile]);
    const other = await api.search(bob.token, { query: word, top_k: 50 });
    expect(other.body.data.results.some((r: { text: string }) => r.text.includes(word))).toBe(false);
    const named = await api.search(bob.token, { query: word, file_ids: [aliceFile] });
    expect(named.body.data.results).toEqual([]);
    const all = await api.search(admin, { query: word });
    expect(all.body.data.results[0].file_id).toBe(aliceFile);

    await t.http().get(`/api/v1/vectors/${aliceFile}`).set(api.bearer(bob.token)).expect(404);
    await t.http().post(`/api/v1/vectors/${aliceFile}/regenerate`).set(api.bearer(bob.token)).expect(404);
    await t.http().get(`/api/v1/vectors/${aliceFile}`).set(api.bearer(admin)).expect(200);
  });

  it('deleting a file removes its vectors from search', async () => {
    const { token } = await registerAndLogin(t);
    const admin = await loginAdmin(t);
    const word = uniqueWord();
    const fileId = await api.uploadProcessed(token, `The ${word} lighthouse keeper logs every passing ship.`);
    expect((await api.search(token, { query: word })).body.data.results).toHaveLength(1);

    await t.http().delete(`/api/v1/files/${fileId}`).set(api.bearer(token)).expect(200);
    expect((await api.search(token, { query: word })).body.data.results).toEqual([]);
    const everyone = (await api.search(admin, { query: word, top_k: 50 })).body.data.results as { file_id: string }[];
    expect(everyone.some((r) => r.file_id === fileId)).toBe(false);
  });
});

describe('Vectors with the openai provider (e2e, fake embedding server)', () => {
  let t: TestApp;
  let server: FakeEmbeddingServer;
  const fileIds: string[] = [];
  let api: ReturnType<typeof filesApi>;

  beforeAll(async () => {
    server = new FakeEmbeddingServer(16);
    const baseUrl = await server.start();
    t = await createTestApp({
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_BASE_URL: baseUrl,
      EMBEDDING_MODEL: 'fake-embed',
      EMBEDDING_DIMENSION: '16',
      EMBEDDING_BATCH_SIZE: '8',
    });
    api = filesApi(t, fileIds);
  });
  afterAll(async () => {
    await cleanRedis(fileIds);
    await t.close();
    await server.stop();
  });

  it('regenerating unchanged chunks embeds nothing again (cache by model and text hash)', async () => {
    const { token } = await registerAndLogin(t);
    // Every chunk distinct (fresh words), so the first run embeds exactly one text per chunk.
    const text = Array.from({ length: 300 }, (_, i) => `Section ${i}: ${uniqueWord()} ${uniqueWord()}.`).join('\n\n');
    const fileId = await api.uploadProcessed(token, text);
    const info = (await t.http().get(`/api/v1/vectors/${fileId}`).set(api.bearer(token))).body.data;
    expect(info).toMatchObject({ model: 'fake-embed', dimension: 16 });
    expect(info.count).toBeGreaterThan(1);
    const embeddedOnce = server.texts.length;
    expect(embeddedOnce).toBe(info.count);

    const job = await t.http().post(`/api/v1/vectors/${fileId}/regenerate`).set(api.bearer(token)).expect(202);
    await api.waitForJob(job.body.data.job_id);
    expect(server.texts.length).toBe(embeddedOnce);
    const again = (await t.http().get(`/api/v1/vectors/${fileId}`).set(api.bearer(token))).body.data;
    expect(again.count).toBe(info.count);
  });

  it('answers 502 EMBEDDING_FAILED, naming both dimensions, when the server returns the wrong dimension', async () => {
    const { token } = await registerAndLogin(t);
    server.handler = (body, res) => server.answer(res, body.input.map(() => [1, 2, 3]));
    // A query never seen before is not in the cache, so the server is asked.
    const res = await api.search(token, { query: `never seen ${uniqueWord()}` });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ success: false, error: { code: 'EMBEDDING_FAILED' } });
    expect(res.body.message).toMatch(/dimension 3, but EMBEDDING_DIMENSION=16/);
  });
});

describe('Vectors regenerate with no worker running (e2e)', () => {
  let t: TestApp;
  const fileIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false' });
  });
  afterAll(async () => {
    await cleanRedis(fileIds);
    await t.close();
  });

  it('returns the same job id while the job is queued, with one job in the queue', async () => {
    const { token } = await registerAndLogin(t);
    const upload = await t
      .http()
      .post('/api/v1/files')
      .set('authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(`Queued ${uniqueWord()}.`), 'queued.txt')
      .expect(202);
    const fileId = upload.body.data.file_id as string;
    fileIds.push(fileId);

    const asks = [];
    for (let i = 0; i < 3; i++) {
      asks.push(await t.http().post(`/api/v1/vectors/${fileId}/regenerate`).set('authorization', `Bearer ${token}`).expect(202));
    }
    for (const ask of asks) expect(ask.body.data).toEqual({ job_id: `file:${fileId}:vectorize`, status: 'queued' });
    const queue = t.app.get(TaskQueueService).queue(QueueName.Vectorization);
    // Every job has a priority, so a queued one is `prioritized` in BullMQ (or `waiting` before priorities).
    expect(await queue.getJobCounts('waiting', 'prioritized')).toEqual({ waiting: 0, prioritized: 1 });
  });
});
