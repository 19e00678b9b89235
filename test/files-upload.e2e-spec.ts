import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { makeElf, makePdf, makePeExecutable, makePng, makeText, makeZip } from './fixtures/make-fixtures.js';
import { registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const MAX_BYTES = 64 * 1024;

describe('Files upload (e2e)', () => {
  let t: TestApp;
  let token: string;
  let redis: Redis;
  const fileIds: string[] = [];

  const upload = (content: Buffer, filename: string, options: { fileId?: string; query?: string } = {}) => {
    const req = t
      .http()
      .post(`/api/v1/files${options.query ?? ''}`)
      .set('Authorization', `Bearer ${token}`);
    if (options.fileId) req.set('X-File-Id', options.fileId);
    return req.attach('file', content, filename);
  };
  const blobs = async () => readdir(join(t.config.dataDir, 'uploads'));
  const uniqueText = (label: string) => makeText(`${label} ${randomUUID()}\nSome words about Alice and Bob in Paris.\n`);

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    token = (await registerAndLogin(t)).token;
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    for (const id of fileIds) {
      await redis.del(RedisKeys.uploadProgress(id), RedisKeys.processingStatus(id), RedisKeys.processingTimings(id));
    }
    await redis.quit();
    await t.close();
  });

  it('accepts a text file with 202 {file_id, job_id, status: queued} and stores it under our own name', async () => {
    const res = await upload(uniqueText('first'), '../../etc/passwd.txt').expect(202);
    expect(res.body).toEqual({
      success: true,
      data: { file_id: expect.any(String), job_id: `file:${res.body.data.file_id}:process`, status: 'queued' },
      message: expect.any(String),
    });
    fileIds.push(res.body.data.file_id);
    const file = await t.http().get(`/api/v1/files/${res.body.data.file_id}`).set('Authorization', `Bearer ${token}`);
    expect(file.body.data).toMatchObject({ filename: 'passwd.txt', file_type: 'txt', content_type: 'text/plain' });
    expect((await blobs()).every((name) => /^[0-9a-f-]{36}$/.test(name))).toBe(true);
  });

  it('uses the client X-File-Id and reports upload progress under it', async () => {
    const fileId = randomUUID();
    fileIds.push(fileId);
    const content = uniqueText('progress');
    const res = await upload(content, 'notes.md', { fileId }).expect(202);
    expect(res.body.data.file_id).toBe(fileId);
    const progress = await t
      .http()
      .get(`/api/v1/files/${fileId}/upload-progress`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(progress.body.data).toEqual({
      file_id: fileId,
      status: 'completed',
      progress: 100,
      bytes_received: content.length,
      total_bytes: expect.any(Number),
    });
    const ttl = await redis.ttl(RedisKeys.uploadProgress(fileId));
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it('takes the file id from a file_id form field sent before the file', async () => {
    const fileId = randomUUID();
    fileIds.push(fileId);
    const res = await t
      .http()
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .field('file_id', fileId)
      .attach('file', uniqueText('field'), 'field.txt')
      .expect(202);
    expect(res.body.data.file_id).toBe(fileId);
  });

  it('rejects a file id that is not a uuid with 400, and a taken one with 409', async () => {
    const bad = await upload(uniqueText('bad id'), 'a.txt', { fileId: '../../x' }).expect(400);
    expect(bad.body).toMatchObject({ success: false, error: { code: 'INVALID_FILE_ID' } });
    const taken = await upload(uniqueText('taken'), 'a.txt', { fileId: fileIds[0] }).expect(409);
    expect(taken.body.error.code).toBe('FILE_ID_TAKEN');
  });

  it('rejects a file larger than UPLOAD_MAX_BYTES with 413 and leaves nothing on disk', async () => {
    const before = await blobs();
    const fileId = randomUUID();
    fileIds.push(fileId);
    const res = await upload(Buffer.alloc(MAX_BYTES + 1, 'a'), 'big.txt', { fileId }).expect(413);
    expect(res.body).toMatchObject({ success: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(await blobs()).toEqual(before);
    const progress = JSON.parse((await redis.get(RedisKeys.uploadProgress(fileId)))!);
    expect(progress.status).toBe('failed');
    await t.http().get(`/api/v1/files/${fileId}`).set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('accepts a file of exactly UPLOAD_MAX_BYTES', async () => {
    const content = Buffer.alloc(MAX_BYTES, 'b');
    content.write(randomUUID());
    const res = await upload(content, 'edge.txt').expect(202);
    fileIds.push(res.body.data.file_id);
  });

  it('removes the partial file when the client aborts mid-upload', async () => {
    const before = await blobs();
    const fileId = randomUUID();
    fileIds.push(fileId);
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = 'abort-boundary';
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/v1/files',
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-file-id': fileId,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': 10 * MAX_BYTES,
      },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n\r\n`);
    req.write(Buffer.alloc(MAX_BYTES / 2, 'c'));
    await waitFor(async () => (await redis.get(RedisKeys.uploadProgress(fileId))) !== null);
    req.destroy();
    const progress = await waitFor(async () => {
      const raw = await redis.get(RedisKeys.uploadProgress(fileId));
      return raw && JSON.parse(raw).status === 'failed' ? JSON.parse(raw) : undefined;
    });
    expect(progress.file_id).toBe(fileId);
    expect(await waitFor(async () => ((await blobs()).length === before.length ? await blobs() : undefined))).toEqual(before);
    await t.http().get(`/api/v1/files/${fileId}`).set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('rejects an empty file with 422', async () => {
    const before = await blobs();
    const res = await upload(Buffer.alloc(0), 'empty.txt').expect(422);
    expect(res.body).toMatchObject({ success: false, error: { code: 'EMPTY_FILE' } });
    expect(await blobs()).toEqual(before);
  });

  it('rejects a request without a file part with 400', async () => {
    const res = await t
      .http()
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .field('something', 'else')
      .expect(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'NO_FILE' } });
  });

  it('rejects a request that is not multipart with 400', async () => {
    const res = await t.http().post('/api/v1/files').set('Authorization', `Bearer ${token}`).send({ a: 1 }).expect(400);
    expect(res.body.success).toBe(false);
  });

  it.each([
    ['an ELF executable renamed .txt', makeElf(), 'notes.txt'],
    ['a Windows executable renamed .md', makePeExecutable(), 'readme.md'],
    ['a PNG image renamed .pdf', makePng(), 'paper.pdf'],
    ['text with an unknown extension', makeText('hello'), 'script.sh'],
  ])('rejects %s with 415 and leaves nothing on disk', async (_label, content, name) => {
    const before = await blobs();
    const res = await upload(content, name).expect(415);
    expect(res.body).toMatchObject({ success: false, error: { code: 'UNSUPPORTED_FILE_TYPE' } });
    expect(await blobs()).toEqual(before);
  });

  it('rejects a zip that is not a docx with 415', async () => {
    const res = await upload(await makeZip(), 'doc.docx').expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('answers the same content again with 200 and duplicate: true, and no new job', async () => {
    const content = makePdf([`Duplicate ${randomUUID()}`]);
    const first = await upload(content, 'one.pdf').expect(202);
    fileIds.push(first.body.data.file_id);
    const before = await blobs();
    const again = await upload(content, 'two.pdf').expect(200);
    expect(again.body.data).toMatchObject({ file_id: first.body.data.file_id, filename: 'one.pdf', duplicate: true });
    expect(await blobs()).toEqual(before);
    const list = await t.http().get('/api/v1/files?limit=100').set('Authorization', `Bearer ${token}`).expect(200);
    expect(list.body.data.files.filter((f: { sha256: string }) => f.sha256 === again.body.data.sha256)).toHaveLength(1);
  });

  it('records one file when the same content is uploaded concurrently', async () => {
    const content = uniqueText('concurrent same');
    const results = await Promise.all(Array.from({ length: 5 }, () => upload(content, 'same.txt')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 202]);
    const ids = new Set(results.map((r) => r.body.data.file_id as string));
    expect(ids.size).toBe(1);
    fileIds.push(...ids);
  });

  it('reprocesses a duplicate with ?reprocess=true (202, same file)', async () => {
    const content = uniqueText('reprocess');
    const first = await upload(content, 'r.txt').expect(202);
    const fileId = first.body.data.file_id as string;
    fileIds.push(fileId);
    await waitFor(async () => {
      const res = await t.http().get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`);
      return ['completed', 'failed'].includes(res.body.data.status);
    });
    const again = await upload(content, 'r.txt', { query: '?reprocess=true' }).expect(202);
    expect(again.body.data).toEqual({ file_id: fileId, job_id: `file:${fileId}:process`, status: 'queued' });
  });

  it('lets another user upload the same content as a new file', async () => {
    const content = uniqueText('shared');
    const mine = await upload(content, 's.txt').expect(202);
    fileIds.push(mine.body.data.file_id);
    const other = await registerAndLogin(t);
    const theirs = await t
      .http()
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${other.token}`)
      .attach('file', content, 's.txt')
      .expect(202);
    fileIds.push(theirs.body.data.file_id);
    expect(theirs.body.data.file_id).not.toBe(mine.body.data.file_id);
  });

  it('needs a bearer token', async () => {
    await t.http().post('/api/v1/files').attach('file', makeText('x'), 'x.txt').expect(401);
  });
});
