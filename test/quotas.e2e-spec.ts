import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { deleteQuotaKeys } from './support/quota-keys.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Quota {
  limits: Record<string, number | boolean | null>;
  usage: { active_jobs: number; storage_bytes: number; files: number; uploads_last_hour: number };
}

/**
 * Per-user quotas over HTTP against real Redis and PGlite. No worker runs here (RUN_WORKERS=false), so every
 * accepted upload leaves a queued job: active jobs only end by cancel or delete.
 */
describe('Quotas (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let redis: Redis;
  const users: string[] = [];

  const text = (label: string, bytes = 0) => Buffer.from(`${label} ${randomUUID()}\n${'x'.repeat(bytes)}`);
  const upload = (token: string, content: Buffer, query = '') =>
    t.http().post(`/api/v1/files${query}`).set('Authorization', `Bearer ${token}`).attach('file', content, 'notes.txt');
  const quota = async (token: string): Promise<Quota> =>
    (await t.http().get('/api/v1/quota').set('Authorization', `Bearer ${token}`).expect(200)).body.data as Quota;
  const setQuota = (userId: string, body: Record<string, unknown>) =>
    t.http().put(`/api/v1/auth/users/${userId}/quota`).set('Authorization', `Bearer ${admin}`).send(body);
  const newUser = async (limits: Record<string, unknown> = {}) => {
    const { token, user } = await registerAndLogin(t);
    users.push(user.id);
    if (Object.keys(limits).length > 0) await setQuota(user.id, limits).expect(200);
    return { token, id: user.id };
  };
  const blobCount = async () => (await readdir(join(t.config.dataDir, 'uploads')).catch(() => [])).length;
  const statuses = (responses: { status: number }[]) =>
    responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

  beforeAll(async () => {
    t = await createTestApp({
      RUN_WORKERS: 'false',
      QUOTA_MAX_ACTIVE_JOBS: '100',
      QUOTA_MAX_FILES: '10000',
      QUOTA_MAX_STORAGE_BYTES: String(10 * 1024 * 1024),
      QUOTA_MAX_UPLOADS_PER_HOUR: '1000',
    });
    admin = await loginAdmin(t);
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await deleteQuotaKeys(redis, users);
    await redis.quit();
    await t.close();
  });

  it('shows a user the defaults from the environment and zero usage; an admin is exempt from the counts', async () => {
    const { token } = await newUser();
    expect(await quota(token)).toEqual({
      limits: {
        max_active_jobs: 100,
        max_storage_bytes: 10 * 1024 * 1024,
        max_files: 10000,
        max_uploads_per_hour: 1000,
        allow_high_priority: false,
        weight: 1,
      },
      usage: { active_jobs: 0, storage_bytes: 0, files: 0, uploads_last_hour: 0 },
    });
    expect((await quota(admin)).limits).toMatchObject({
      max_active_jobs: null,
      max_storage_bytes: null,
      max_files: null,
      max_uploads_per_hour: null,
      allow_high_priority: true,
    });
  });

  it('lets an admin set overrides, and a null return a limit to the default; users cannot', async () => {
    const { token, id } = await newUser();
    const set = await setQuota(id, { max_files: 5, weight: 3, allow_high_priority: true }).expect(200);
    expect(set.body.data).toMatchObject({
      user_id: id,
      limits: { max_files: 5, weight: 3, allow_high_priority: true, max_active_jobs: 100 },
      overrides: { max_files: 5, weight: 3, allow_high_priority: true, max_active_jobs: null },
    });
    const reset = await setQuota(id, { max_files: null }).expect(200);
    expect(reset.body.data.limits).toMatchObject({ max_files: 10000, weight: 3 });
    expect((await t.http().get(`/api/v1/auth/users/${id}/quota`).set('Authorization', `Bearer ${admin}`).expect(200)).body.data.overrides)
      .toMatchObject({ max_files: null, weight: 3 });
    await t.http().put(`/api/v1/auth/users/${id}/quota`).set('Authorization', `Bearer ${token}`).send({ max_files: 1 }).expect(403);
    expect((await setQuota(id, { max_files: -1 }).expect(400)).body.error.code).toBe('VALIDATION_ERROR');
    expect((await setQuota(randomUUID(), { max_files: 1 }).expect(404)).body.error.code).toBe('USER_NOT_FOUND');
  });

  it('refuses priority=high with 403 PRIORITY_NOT_ALLOWED unless the quota allows it, storing nothing', async () => {
    const { token, id } = await newUser();
    const before = await blobCount();
    const refused = await upload(token, text('urgent'), '?priority=high').expect(403);
    expect(refused.body).toMatchObject({ success: false, error: { code: 'PRIORITY_NOT_ALLOWED' } });
    expect(await blobCount()).toBe(before);
    expect((await quota(token)).usage).toMatchObject({ files: 0, uploads_last_hour: 0 });
    await setQuota(id, { allow_high_priority: true }).expect(200);
    const accepted = await upload(token, text('urgent'), '?priority=high').expect(202);
    const job = await t.http().get(`/api/v1/jobs/${accepted.body.data.job_id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(job.body.data).toMatchObject({ priority: 'high', status: 'queued', queue: 'file_processing' });
    const alias = await t
      .http()
      .post('/api/v1/files/upload?priority=low')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', text('by the other path'), 'other.txt')
      .expect(202);
    expect((await t.http().get(`/api/v1/jobs/${alias.body.data.job_id}`).set('Authorization', `Bearer ${token}`)).body.data.priority).toBe('low');
    await upload(admin, text('admin urgent'), '?priority=high').expect(202);
    await upload(token, text('bad'), '?priority=urgent').expect(400);
  });

  it('takes priority in the body of vectors and graph regenerate, with the same permission', async () => {
    const { token, id } = await newUser();
    const fileId = (await upload(token, text('regenerate me')).expect(202)).body.data.file_id as string;
    const regenerate = (kind: 'vectors' | 'graph', body: Record<string, unknown>) =>
      t.http().post(`/api/v1/${kind}/${fileId}/regenerate`).set('Authorization', `Bearer ${token}`).send(body);
    for (const kind of ['vectors', 'graph'] as const) {
      expect((await regenerate(kind, { priority: 'high' }).expect(403)).body.error.code).toBe('PRIORITY_NOT_ALLOWED');
      await regenerate(kind, { priority: 'soon' }).expect(400);
    }
    const low = await regenerate('vectors', { priority: 'low' }).expect(202);
    expect((await t.http().get(`/api/v1/jobs/${low.body.data.job_id}`).set('Authorization', `Bearer ${token}`).expect(200)).body.data)
      .toMatchObject({ queue: 'vectorization', priority: 'low', file_id: fileId });
    await setQuota(id, { allow_high_priority: true }).expect(200);
    // The upload's own graph job still waits (no worker runs here): a graph regeneration answers that job, now listed
    // among the user's jobs, at the priority it was queued with.
    const pending = await regenerate('graph', { priority: 'high' }).expect(202);
    expect((await t.http().get(`/api/v1/jobs/${pending.body.data.job_id}`).set('Authorization', `Bearer ${token}`).expect(200)).body.data)
      .toMatchObject({ queue: 'kg_extraction', priority: 'normal', file_id: fileId });
    const otherFile = (await upload(token, text('regenerate me too')).expect(202)).body.data.file_id as string;
    const high = await t.http().post(`/api/v1/vectors/${otherFile}/regenerate`).set('Authorization', `Bearer ${token}`).send({ priority: 'high' }).expect(202);
    expect((await t.http().get(`/api/v1/jobs/${high.body.data.job_id}`).set('Authorization', `Bearer ${token}`).expect(200)).body.data)
      .toMatchObject({ queue: 'vectorization', priority: 'high', file_id: otherFile });
    // Two uploads, two vector regenerations, and the graph job the user now waits on.
    expect((await quota(token)).usage.active_jobs).toBe(5);
  });

  it("lists a memory consolidation among the user's jobs without counting it as an active job", async () => {
    const { token } = await newUser();
    await t.http().put('/api/v1/memory/notes').set('Authorization', `Bearer ${token}`).send({ value: { a: 1 } }).expect(200);
    const listed = await t.http().get('/api/v1/jobs?queue=memory_consolidation').set('Authorization', `Bearer ${token}`).expect(200);
    expect(listed.body.data.jobs).toEqual([expect.objectContaining({ name: 'consolidate-memory', status: 'scheduled', priority: 'normal' })]);
    expect((await quota(token)).usage.active_jobs).toBe(0);
  });

  it('admits exactly 10 of 50 parallel uploads against a file limit of 10; nothing of the others stays on disk', async () => {
    const { token } = await newUser({ max_files: 10 });
    const before = await blobCount();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => upload(token, text(`file ${i}`))));
    expect(statuses(responses)).toEqual({ 202: 10, 429: 40 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body.error).toEqual({ code: 'QUOTA_EXCEEDED', details: { quota: 'files', limit: 10, used: 10 } });
    expect(refused.headers['retry-after']).toBeUndefined();
    expect(await blobCount()).toBe(before + 10);
    expect((await quota(token)).usage).toMatchObject({ files: 10, active_jobs: 10, uploads_last_hour: 10 });
  });

  it('admits exactly 10 of 50 parallel uploads against an active-jobs limit of 10, with Retry-After', async () => {
    const { token } = await newUser({ max_active_jobs: 10 });
    const before = await blobCount();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => upload(token, text(`job ${i}`))));
    expect(statuses(responses)).toEqual({ 202: 10, 429: 40 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body.error).toEqual({ code: 'QUOTA_EXCEEDED', details: { quota: 'active_jobs', limit: 10, used: 10 } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await blobCount()).toBe(before + 10);
    const files = await t.http().get('/api/v1/files').set('Authorization', `Bearer ${token}`).expect(200);
    expect(files.body.data.total).toBe(10);
    expect((await quota(token)).usage).toMatchObject({ files: 10, active_jobs: 10 });
  });

  it('limits uploads per hour, with Retry-After until the oldest leaves the hour', async () => {
    const { token } = await newUser({ max_uploads_per_hour: 3 });
    for (let i = 0; i < 3; i += 1) await upload(token, text(`hourly ${i}`)).expect(202);
    const refused = await upload(token, text('one too many')).expect(429);
    expect(refused.body.error.details).toEqual({ quota: 'uploads_per_hour', limit: 3, used: 3 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
  });

  it('cuts off an upload past the storage limit by its streamed bytes and keeps nothing of it', async () => {
    const limit = 3 * 1024 * 1024;
    const { token } = await newUser({ max_storage_bytes: limit });
    const first = await upload(token, text('first', 2 * 1024 * 1024)).expect(202);
    const before = await blobCount();
    const refused = await upload(token, text('too big', 2 * 1024 * 1024)).expect(429);
    expect(refused.body.error.details).toMatchObject({ quota: 'storage_bytes', limit });
    expect(await blobCount()).toBe(before);
    const usage = (await quota(token)).usage;
    expect(usage).toMatchObject({ files: 1, active_jobs: 1 });
    expect(usage.storage_bytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(usage.storage_bytes).toBeLessThan(limit);
    // What is left still fits.
    await upload(token, text('small', 1000)).expect(202);
    await t.http().delete(`/api/v1/files/${first.body.data.file_id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect((await quota(token)).usage).toMatchObject({ files: 1, active_jobs: 1 });
  });

  it('frees the job and file counts on cancel and delete', async () => {
    const { token } = await newUser({ max_active_jobs: 2 });
    const a = await upload(token, text('a')).expect(202);
    const b = await upload(token, text('b')).expect(202);
    // At the limit the upload is refused before its file part is read: no progress was ever recorded under its id.
    const refusedId = randomUUID();
    const refused = await upload(token, text('c')).set('X-File-Id', refusedId).expect(429);
    expect(refused.body.error.details).toEqual({ quota: 'active_jobs', limit: 2, used: 2 });
    await t.http().get(`/api/v1/files/${refusedId}/upload-progress`).set('Authorization', `Bearer ${token}`).expect(404);
    const canceled = await t
      .http()
      .post(`/api/v1/jobs/${a.body.data.job_id}/cancel`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(canceled.body.data).toMatchObject({ status: 'canceled', previous_status: 'queued', abort_requested: false });
    expect((await quota(token)).usage).toMatchObject({ active_jobs: 1, files: 2 });
    await t.http().delete(`/api/v1/files/${b.body.data.file_id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect((await quota(token)).usage).toMatchObject({ active_jobs: 0, files: 1 });
    await upload(token, text('d')).expect(202);
    await upload(token, text('e')).expect(202);
  });

  it('rebuilds usage from the real state: lost counters, and a job removed behind its back', async () => {
    const { token, id } = await newUser({ max_active_jobs: 1 });
    const first = await upload(token, text('kept', 5000)).expect(202);
    const expected = (await quota(token)).usage;
    await redis.del(RedisKeys.quotaStored(id));
    // The stored-files ledger is gone (e.g. Redis lost it): the counts come back from the database.
    expect((await quota(token)).usage).toMatchObject({ files: expected.files, storage_bytes: expected.storage_bytes });
    // An operator removes the queued job directly in BullMQ: the slot frees at the next check.
    await upload(token, text('second')).expect(429);
    const job = await t.app.get(TaskQueueService).getJob(QueueName.FileProcessing, first.body.data.job_id);
    await job!.remove();
    await upload(token, text('third')).expect(202);
  });
});
