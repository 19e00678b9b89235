import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { makeElf, makeText } from './fixtures/make-fixtures.js';
import { registerAndLogin } from './support/auth.js';
import { readServerSentEvents } from './support/server-sent-events.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const MAX_BYTES = 64 * 1024;

interface BatchView {
  batch_id: string;
  total: number;
  counts: Record<'queued' | 'processing' | 'completed' | 'failed', number>;
  searchable: number;
  progress: number;
  done: boolean;
  files: Array<{ filename: string; file_id?: string; status: string; progress: number; searchable: boolean; error?: { code: string } }>;
}

describe('Batch uploads (e2e)', () => {
  let t: TestApp;
  let token: string;
  let redis: Redis;
  const batchIds: string[] = [];

  const auth = (req: ReturnType<ReturnType<TestApp['http']>['get']>, bearer = token) => req.set('Authorization', `Bearer ${bearer}`);
  const story = (label: string) => makeText(`${label} ${randomUUID()}\n\nAlice Smith met Bob Jones in Paris. They founded Acme Corp.\n`);
  const sendBatch = async (parts: Array<[Buffer, string]>, bearer = token) => {
    let req = t.http().post('/api/v1/files/batch').set('Authorization', `Bearer ${bearer}`);
    for (const [content, filename] of parts) req = req.attach('file', content, filename);
    const res = await req;
    if (res.status === 202) batchIds.push(res.body.data.batch_id);
    return res;
  };
  const batchOf = async (batchId: string): Promise<BatchView> =>
    (await auth(t.http().get(`/api/v1/files/batches/${batchId}`)).expect(200)).body.data;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX_BYTES), BATCH_MAX_FILES: '4' });
    token = (await registerAndLogin(t)).token;
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    for (const id of batchIds) await redis.del(RedisKeys.uploadBatch(id));
    await redis.quit();
    await t.close();
  });

  it('uploads the good files of a mixed batch, refuses each bad one with its own error, and follows them to the end', async () => {
    const duplicate = story('twice');
    await t.http().post('/api/v1/files').set('Authorization', `Bearer ${token}`).attach('file', duplicate, 'first.txt').expect(202);
    const res = await sendBatch([
      [story('one'), 'one.txt'],
      [makeElf(), 'program.txt'],
      [Buffer.alloc(0), 'empty.txt'],
      [Buffer.alloc(MAX_BYTES + 10, 'a'), 'huge.txt'],
      [story('two'), 'two.md'],
    ]).then((r) => r);
    expect(res.status).toBe(202);
    const { batch_id, files } = res.body.data as { batch_id: string; files: Array<Record<string, unknown>> };
    expect(files).toEqual([
      { filename: 'one.txt', file_id: expect.any(String), job_id: expect.stringMatching(/:process$/), status: 'queued' },
      { filename: 'program.txt', error: { code: 'UNSUPPORTED_FILE_TYPE', message: expect.any(String) } },
      { filename: 'empty.txt', error: { code: 'EMPTY_FILE', message: expect.any(String) } },
      { filename: 'huge.txt', error: { code: 'FILE_TOO_LARGE', message: expect.any(String) } },
      { filename: 'two.md', error: { code: 'TOO_MANY_FILES', message: expect.any(String) } },
    ]);
    const finalView = await waitFor(async () => {
      const view = await batchOf(batch_id);
      return view.done ? view : undefined;
    }, 60_000);
    expect(finalView).toMatchObject({ batch_id, total: 5, counts: { queued: 0, processing: 0, completed: 1, failed: 4 }, searchable: 1, progress: 100 });
    expect(finalView.files[0]).toMatchObject({ filename: 'one.txt', status: 'completed', searchable: true });

    const again = await sendBatch([[duplicate, 'again.txt']]);
    expect(again.body.data.files).toEqual([{ filename: 'again.txt', file_id: expect.any(String), job_id: null, status: 'duplicate' }]);
  });

  it('streams the batch as Server-Sent Events until every file has ended', async () => {
    const res = await sendBatch([
      [story('sse one'), 'a.txt'],
      [story('sse two'), 'b.txt'],
      [makeElf(), 'c.txt'],
    ]);
    const stream = await readServerSentEvents<BatchView>(auth(t.http().get(`/api/v1/files/batches/${res.body.data.batch_id}/events`)));
    expect(stream.contentType).toMatch(/text\/event-stream/);
    expect(stream.events.every((event) => event.type === 'batch')).toBe(true);
    const events = stream.events.map((event) => event.data);
    expect(events.length).toBeGreaterThan(1);
    expect(events[0]!.done).toBe(false);
    expect(events.at(-1)).toMatchObject({ total: 3, done: true, counts: { completed: 2, failed: 1 }, searchable: 2, progress: 100 });
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('ends the stream when a file of the batch is deleted while it waits (the file counts as failed)', async () => {
    const queue = t.app.get(TaskQueueService).queue(QueueName.FileProcessing);
    await queue.pause();
    try {
      const res = await sendBatch([[story('deleted'), 'gone.txt']]);
      const fileId = res.body.data.files[0].file_id as string;
      const streaming = readServerSentEvents<BatchView>(auth(t.http().get(`/api/v1/files/batches/${res.body.data.batch_id}/events`)));
      await waitFor(async () => (await batchOf(res.body.data.batch_id)).counts.queued === 1);
      await auth(t.http().delete(`/api/v1/files/${fileId}`)).expect(200);
      const { events } = await streaming;
      expect(events.at(-1)!.data).toMatchObject({ done: true, counts: { failed: 1 }, files: [{ file_id: fileId, error: { code: 'FILE_NOT_FOUND' } }] });
    } finally {
      await queue.resume();
    }
  });

  it("answers 404 for another user's batch and an unknown one, and 400 for a request without files", async () => {
    const res = await sendBatch([[story('mine'), 'mine.txt']]);
    const other = (await registerAndLogin(t)).token;
    for (const path of ['', '/events']) {
      const denied = await auth(t.http().get(`/api/v1/files/batches/${res.body.data.batch_id}${path}`), other).expect(404);
      expect(denied.body).toMatchObject({ success: false, error: { code: 'BATCH_NOT_FOUND' } });
    }
    await auth(t.http().get(`/api/v1/files/batches/${randomUUID()}`)).expect(404);
    const empty = await t.http().post('/api/v1/files/batch').set('Authorization', `Bearer ${token}`).field('note', 'x').expect(400);
    expect(empty.body).toMatchObject({ success: false, error: { code: 'NO_FILE' } });
  });
});
