import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { makePdf } from './fixtures/make-fixtures.js';
import { TEST_PASSWORD, randomEmail } from './support/auth.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { deleteQuotaKeys } from './support/quota-keys.js';
import { testEnv } from './support/test-env.js';
import { requireRedis, TEST_REDIS_URL } from './support/require-redis.js';
import { waitFor } from './support/wait-for.js';

interface OwnJob {
  job_id: string;
  queue: string;
  name: string;
  status: string;
  priority: string;
  progress: unknown;
  file_id: string | null;
  created_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  error: string | null;
}

/**
 * The own-jobs API and priorities against real processes: an API process (RUN_WORKERS=false) and, once jobs are
 * queued, a separate worker process taking one job at a time, so the start order is the queue's order.
 */
describe('Own jobs and priorities (e2e, API and worker processes)', () => {
  const children: Child[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-own-jobs-'));
  const userIds: string[] = [];
  let env: Record<string, string>;
  let api: string;
  let admin: string;
  let redis: Redis;

  const http = () => request(api);
  const register = async (): Promise<{ token: string; id: string }> => {
    const email = randomEmail();
    const created = await http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    const login = await http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    userIds.push(created.body.data.id as string);
    return { token: login.body.data.access_token as string, id: created.body.data.id as string };
  };
  const upload = async (token: string, content: Buffer, name: string, query = ''): Promise<{ file_id: string; job_id: string }> => {
    const res = await http().post(`/api/v1/files${query}`).set('Authorization', `Bearer ${token}`).attach('file', content, name);
    if (res.status !== 202) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as { file_id: string; job_id: string };
  };
  const text = (label: string) =>
    Buffer.from(`${label} ${randomUUID()}. Marie Curie worked in Paris with Pierre Curie at the Sorbonne.\n`.repeat(5));
  const jobs = async (token: string, query = ''): Promise<{ jobs: OwnJob[]; total: number }> =>
    (await http().get(`/api/v1/jobs${query}`).set('Authorization', `Bearer ${token}`).expect(200)).body.data as {
      jobs: OwnJob[];
      total: number;
    };
  const job = async (token: string, jobId: string): Promise<OwnJob> =>
    (await http().get(`/api/v1/jobs/${encodeURIComponent(jobId)}`).set('Authorization', `Bearer ${token}`).expect(200)).body
      .data as OwnJob;
  const usage = async (token: string) =>
    (await http().get('/api/v1/quota').set('Authorization', `Bearer ${token}`).expect(200)).body.data.usage as {
      active_jobs: number;
      files: number;
    };
  const startWorker = async (extra: Record<string, string> = {}) => {
    const worker = startNode('src/worker.js', { ...env, WORKER_QUEUES: 'file_processing', WORKER_CONCURRENCY: '1', ...extra });
    children.push(worker);
    await worker.waitForOutput(/worker ready/, 60_000);
    return worker;
  };

  beforeAll(async () => {
    await requireRedis();
    await compileForProcesses();
    redis = new Redis(TEST_REDIS_URL);
    const port = await freePort();
    env = testEnv({ LOG_LEVEL: 'warn', DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) });
    const apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    children.push(apiProcess);
    await apiProcess.waitForOutput(/Swagger/, 60_000);
    api = `http://127.0.0.1:${port}`;
    const login = await http().post('/api/v1/auth/login').send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }).expect(200);
    admin = login.body.data.access_token as string;
  }, 120_000);
  afterAll(async () => {
    for (const child of children) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    await deleteQuotaKeys(redis, userIds);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the caller's jobs with their fields and filters; another user's job is 404; admins see all", async () => {
    const alice = await register();
    const bob = await register();
    const a1 = await upload(alice.token, text('alice one'), 'a1.txt');
    const a2 = await upload(alice.token, text('alice two'), 'a2.txt');
    const b1 = await upload(bob.token, text('bob one'), 'b1.txt');

    const mine = await jobs(alice.token);
    expect(mine.total).toBe(2);
    expect(mine.jobs.map((j) => j.job_id)).toEqual([a2.job_id, a1.job_id]);
    expect(mine.jobs[1]).toEqual({
      job_id: a1.job_id,
      queue: 'file_processing',
      name: 'process-file',
      status: 'queued',
      priority: 'normal',
      progress: 0,
      file_id: a1.file_id,
      user_id: alice.id,
      created_at: expect.any(String),
      started_at: null,
      ended_at: null,
      error: null,
    });
    expect((await jobs(alice.token, '?status=queued&queue=file_processing&limit=1&offset=1')).jobs.map((j) => j.job_id)).toEqual([
      a1.job_id,
    ]);
    expect(await jobs(alice.token, '?queue=vectorization')).toEqual({ jobs: [], total: 0 });
    expect(await jobs(alice.token, '?status=finished')).toEqual({ jobs: [], total: 0 });

    for (const call of [
      http().get(`/api/v1/jobs/${encodeURIComponent(b1.job_id)}`),
      http().post(`/api/v1/jobs/${encodeURIComponent(b1.job_id)}/cancel`),
      http().get('/api/v1/jobs/no-such-job'),
    ]) {
      const res = await call.set('Authorization', `Bearer ${alice.token}`).expect(404);
      expect(res.body).toMatchObject({ success: false, error: { code: 'JOB_NOT_FOUND' } });
    }
    await http().get(`/api/v1/jobs?user_id=${bob.id}`).set('Authorization', `Bearer ${alice.token}`).expect(403);
    expect((await jobs(admin, `?user_id=${bob.id}`)).jobs.map((j) => j.job_id)).toEqual([b1.job_id]);
    const everyone = (await jobs(admin, '?limit=100')).jobs.map((j) => j.job_id);
    expect(everyone).toEqual(expect.arrayContaining([a1.job_id, a2.job_id, b1.job_id]));
    expect((await job(admin, b1.job_id)).status).toBe('queued');

    const canceled = await http()
      .post(`/api/v1/jobs/${encodeURIComponent(a2.job_id)}/cancel`)
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    expect(canceled.body.data).toEqual({
      job_id: a2.job_id,
      queue: 'file_processing',
      previous_status: 'queued',
      status: 'canceled',
      abort_requested: false,
    });
    expect((await job(alice.token, a2.job_id)).status).toBe('canceled');
    const again = await http()
      .post(`/api/v1/jobs/${encodeURIComponent(a2.job_id)}/cancel`)
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(409);
    expect(again.body.error.code).toBe('JOB_STATUS_CONFLICT');
    expect(await usage(alice.token)).toMatchObject({ active_jobs: 1, files: 2 });
    // Leave nothing queued for the worker of the next test but what it sets up itself.
    await http().post(`/api/v1/jobs/${encodeURIComponent(a1.job_id)}/cancel`).set('Authorization', `Bearer ${admin}`).expect(200);
    await http().post(`/api/v1/jobs/${encodeURIComponent(b1.job_id)}/cancel`).set('Authorization', `Bearer ${bob.token}`).expect(200);
  });

  it('starts a queued high job before older normal ones and low last; usage empties as jobs finish or fail', async () => {
    const user = await register();
    await http().put(`/api/v1/auth/users/${user.id}/quota`).set('Authorization', `Bearer ${admin}`).send({ allow_high_priority: true }).expect(200);
    const low = await upload(user.token, text('low'), 'low.txt', '?priority=low');
    const normal = [];
    for (let i = 0; i < 3; i += 1) normal.push(await upload(user.token, text(`normal ${i}`), `n${i}.txt`));
    const high = await upload(user.token, text('high'), 'high.txt', '?priority=high');
    const broken = await upload(user.token, makePdf(['Some text that will be cut']).subarray(0, 120), 'broken.pdf', '?priority=low');
    expect(await usage(user.token)).toMatchObject({ active_jobs: 6, files: 6 });
    expect((await job(user.token, high.job_id)).priority).toBe('high');

    await startWorker();
    const ended = await waitFor(async () => {
      const listed = await jobs(user.token);
      return listed.jobs.every((j) => j.status === 'finished' || j.status === 'failed') ? listed.jobs : undefined;
    }, 120_000);
    const byStart = [...ended].sort((a, b) => Date.parse(a.started_at!) - Date.parse(b.started_at!)).map((j) => j.job_id);
    expect(byStart.slice(0, 4)).toEqual([high.job_id, ...normal.map((n) => n.job_id)]);
    expect(byStart.slice(4).sort()).toEqual([low.job_id, broken.job_id].sort());

    const failed = ended.find((j) => j.job_id === broken.job_id)!;
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/pdf/i), ended_at: expect.any(String) });
    expect(ended.filter((j) => j.status === 'finished')).toHaveLength(5);
    expect(await usage(user.token)).toMatchObject({ active_jobs: 0, files: 6 });
  }, 180_000);

  it('keeps counting a job whose worker was killed mid-run, once, until a restarted worker ends it', async () => {
    for (const child of children.slice(1)) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    const crashEnv = { WORKER_LOCK_DURATION_MS: '1500', WORKER_STALLED_INTERVAL_MS: '500' };
    const user = await register();
    const story = 'Ada Lovelace met Charles Babbage in London. They wrote about the Analytical Engine together. ';
    const big = await upload(user.token, Buffer.from(`${randomUUID()}\n${story.repeat(2_000)}`), 'big.txt');
    const doomed = await startWorker(crashEnv);
    await waitFor(async () => (await job(user.token, big.job_id)).status === 'started', 60_000);
    doomed.process.kill('SIGKILL');
    await doomed.exited;
    expect(await usage(user.token)).toMatchObject({ active_jobs: 1, files: 1 });

    await startWorker(crashEnv);
    let last: OwnJob | undefined;
    const ended = await waitFor(async () => {
      last = await job(user.token, big.job_id);
      return last.status === 'finished' || last.status === 'failed' ? last : undefined;
    }, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}; job: ${JSON.stringify(last)}; worker: ${children.at(-1)!.output().slice(-2000)}`);
    });
    expect(ended.ended_at).toEqual(expect.any(String));
    expect(await usage(user.token)).toMatchObject({ active_jobs: 0, files: 1 });
  }, 240_000);
});
