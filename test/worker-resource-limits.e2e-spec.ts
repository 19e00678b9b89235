import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { makeDocx } from './fixtures/make-fixtures.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { requireRedis } from './support/require-redis.js';
import { testEnv } from './support/test-env.js';
import { waitFor } from './support/wait-for.js';


/**
 * Worker resource limits with real processes (the compiled API and a dedicated worker): a job's parsing thread is
 * capped (JOB_MAX_MEMORY_MB), and a worker recycles itself after WORKER_MAX_JOBS (exit 0, nothing lost).
 */
describe('worker resource limits (API and worker processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-limits-'));
  const workers: Child[] = [];
  let apiProcess: Child;
  let api: string;
  let token: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    await requireRedis();
    await compileForProcesses();
    const port = await freePort();
    env = testEnv({ LOG_LEVEL: 'warn', DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()), KG_EXTRACTION_THREADS: '1' });
    apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    await apiProcess.waitForOutput(/Swagger/, 60_000);
    api = `http://127.0.0.1:${port}`;
    const login = await request(api).post('/api/v1/auth/login').send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    token = login.body.data.access_token as string;
  }, 90_000);
  afterAll(async () => {
    for (const child of [...workers, apiProcess]) {
      if (child.process.exitCode === null) child.process.kill('SIGTERM');
      await child.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const startWorker = async (extra: Record<string, string>) => {
    const worker = startNode('src/worker.js', { ...env, WORKER_CONCURRENCY: '2', ...extra });
    workers.push(worker);
    await worker.waitForOutput(/worker ready/, 60_000);
    return worker;
  };
  const upload = async (content: Buffer, name: string) => {
    const res = await request(api).post('/api/v1/files').set('Authorization', `Bearer ${token}`).attach('file', content, name).expect(202);
    return res.body.data.file_id as string;
  };
  const finalStatus = (fileId: string) =>
    waitFor(async () => {
      const res = await request(api).get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`);
      return ['completed', 'failed'].includes(res.body.data?.status) ? (res.body.data as { status: string; message: string }) : undefined;
    }, 90_000, 200);
  const document = (n: number) => makeDocx([`Report ${n}`, 'Marie Curie worked in Paris with Pierre Curie.']);

  it('fails a DOCX bomb with RESOURCE_LIMIT for good, while the worker process and its other job carry on', async () => {
    // A file is two jobs (its text stage, then its graph stage): this test ends 3 of them (the bomb has no graph job).
    const worker = await startWorker({ JOB_MAX_MEMORY_MB: '128', WORKER_MAX_JOBS: '5' });
    // 35 KB zipped, ~8 MB of XML: 200,000 paragraphs that the DOCX parser turns into far more than 128 MiB of heap.
    const bomb = await makeDocx(Array.from({ length: 200_000 }, () => 'bomb'));
    expect(bomb.length).toBeLessThan(100_000);
    const [bombId, normalId] = await Promise.all([upload(bomb, 'bomb.docx'), upload(await document(1), 'report.docx')]);

    const [bombStatus, normalStatus] = await Promise.all([finalStatus(bombId), finalStatus(normalId)]);
    expect(bombStatus.status).toBe('failed');
    expect(bombStatus.message).toContain('RESOURCE_LIMIT');
    expect(normalStatus.status).toBe('completed');
    const file = await request(api).get(`/api/v1/files/${bombId}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(file.body.data.error).toContain('RESOURCE_LIMIT');
    const failed = await request(api)
      .get('/api/v1/rq/queues/file_processing/jobs?status=failed&limit=10')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const failedJobs = failed.body.data.jobs as { job_id: string }[];
    expect(failedJobs).toHaveLength(1);
    const job = await request(api)
      .get(`/api/v1/rq/queues/file_processing/jobs/${failedJobs[0].job_id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(job.body.data.error).toContain('RESOURCE_LIMIT');
    // Permanent: not retried although the job allows more attempts.
    expect(job.body.data.attempts_made).toBe(1);
    expect(job.body.data.attempts_allowed).toBeGreaterThan(1);
    expect(worker.process.exitCode).toBeNull();
  }, 120_000);

  it('recycles a worker after WORKER_MAX_JOBS: it finishes what runs, exits 0, and a new worker takes the rest', async () => {
    const first = workers[0];
    // The first worker has run 3 of its 5 jobs: the next uploads spend it.
    const ids = await Promise.all([1, 2, 3].map(async (n) => upload(await document(n + 10), `r${n}.docx`)));
    expect(await first.exited).toBe(0);
    await startWorker({ JOB_MAX_MEMORY_MB: '128' });
    const statuses = await Promise.all(ids.map(finalStatus));
    expect(statuses.map((s) => s.status)).toEqual(['completed', 'completed', 'completed']);
  }, 120_000);
});
