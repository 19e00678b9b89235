import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { testEnv } from './support/test-env.js';
import { requireRedis } from './support/require-redis.js';
import { waitFor } from './support/wait-for.js';

/**
 * The README's "API and workers apart" setup with the embedded defaults: the API process (RUN_WORKERS=false) owns
 * the embedded PGlite and serves it on EMBEDDED_DB_PORT; a separate worker process with the same DATA_DIR finds it
 * there. A file uploaded through the API is processed by the worker.
 */
describe('API process and a separate worker process (embedded database shared)', () => {
  const children: Child[] = [];
  let api: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-apart-'));

  beforeAll(async () => {
    await requireRedis();
    await compileForProcesses();
    const port = await freePort();
    // This test is about the embedded database shared between processes, also when TEST_DATABASE_URL is set.
    const env = testEnv({ LOG_LEVEL: 'warn', DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()), DATABASE_URL: '' });
    const apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    children.push(apiProcess);
    await apiProcess.waitForOutput(/Swagger/, 60_000);
    const worker = startNode('src/worker.js', env);
    children.push(worker);
    await worker.waitForOutput(/worker ready/, 60_000);
    expect(worker.output()).toContain('database embedded-shared');
    api = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const child of children) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('processes a file uploaded through the API in the worker process', async () => {
    const login = await request(api)
      .post('/api/v1/auth/login')
      .send({ email: 'admin@example.com', password: 'admin-password-123' })
      .expect(200);
    const token = login.body.data.access_token as string;
    const text = 'Marie Curie worked in Paris. She studied radioactivity with Pierre Curie at the Sorbonne.\n';
    const upload = await request(api)
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(text.repeat(20)), 'curie.txt')
      .expect(202);
    const fileId = upload.body.data.file_id as string;
    const status = await waitFor(async () => {
      const res = await request(api).get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`);
      return ['completed', 'failed'].includes(res.body.data?.status) ? res.body.data : undefined;
    }, 60_000);
    expect(status).toMatchObject({ status: 'completed', storage: { status: 'completed' }, kg_extraction: { status: 'completed' } });
    const workers = await request(api).get('/api/v1/rq/workers').set('Authorization', `Bearer ${token}`).expect(200);
    const worker = children[1];
    const names = (workers.body.data.workers as { name: string; successful_job_count: number }[]).filter((w) =>
      w.name.includes(`.${worker.process.pid}.`),
    );
    expect(names).toHaveLength(1);
    expect(names[0].successful_job_count).toBeGreaterThanOrEqual(1);
  });
});
