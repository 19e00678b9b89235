import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { makePdf } from './fixtures/make-fixtures.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { testEnv } from './support/test-env.js';
import { requireRedis } from './support/require-redis.js';
import { waitFor } from './support/wait-for.js';

const HEAVY_BYTES = 5_000;

interface WorkerView {
  name: string;
  pools: string[];
  queues: string[];
}

interface PoolStats {
  pool: string;
  queue_name: string;
  queued: number;
  workers: number;
  waiting_reason: string | null;
}

/**
 * Task routing (ROUTES_FILE, WORKER_POOLS) with real processes: an API process (RUN_WORKERS=false) and two worker
 * processes, one serving pool `heavy` and one pool `default`. PDFs over HEAVY_BYTES go to `heavy`, Markdown to a pool
 * `gpu` no worker serves, everything else to `default`.
 */
describe('Task routing to worker pools (e2e, API and two worker processes)', () => {
  const children: Child[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-routing-'));
  const routesFile = join(dataDir, 'routes.yaml');
  let env: Record<string, string>;
  let api: string;
  let admin: string;
  let heavyWorker: Child;
  let defaultWorker: Child;

  const http = () => request(api);
  const get = async (path: string) => (await http().get(path).set('Authorization', `Bearer ${admin}`).expect(200)).body.data;
  const upload = async (content: Buffer, name: string): Promise<{ file_id: string; job_id: string }> => {
    const res = await http().post('/api/v1/files').set('Authorization', `Bearer ${admin}`).attach('file', content, name);
    if (res.status !== 202) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as { file_id: string; job_id: string };
  };
  const job = (queue: string, jobId: string) => get(`/api/v1/rq/queues/${queue}/jobs/${encodeURIComponent(jobId)}`);
  /** The file's final status; on a timeout the error shows where its run stands. */
  const settled = async (fileId: string) => {
    try {
      return await waitFor(async () => {
        const data = await get(`/api/v1/files/${fileId}/status`);
        return ['completed', 'failed'].includes(data?.status) ? data : undefined;
      }, 120_000, 250);
    } catch (error) {
      const where = await Promise.all([
        get(`/api/v1/files/${fileId}/status`),
        job('file_processing', `file:${fileId}:process`).catch(String),
        job('kg_extraction', `file:${fileId}:graph`).catch(String),
      ]);
      throw new Error(`${(error as Error).message}: ${JSON.stringify(where)}`, { cause: error });
    }
  };
  const registryName = (worker: Child, workers: WorkerView[]) => workers.find((w) => w.name.includes(`.${worker.process.pid}.`));
  const paragraph = (label: string) => `${label}: Marie Curie worked in Paris with Pierre Curie at the Sorbonne.`;

  beforeAll(async () => {
    await requireRedis();
    await compileForProcesses();
    writeFileSync(
      routesFile,
      [
        '# Large PDFs to the heavy pool, Markdown to a pool without a worker, the rest to default.',
        'rules:',
        '  - pool: heavy',
        '    file_type: [pdf, application/pdf]',
        `    min_bytes: ${HEAVY_BYTES}`,
        '  - pool: gpu',
        '    file_type: md',
        '',
      ].join('\n'),
    );
    const port = await freePort();
    env = testEnv({ LOG_LEVEL: 'warn', DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()), ROUTES_FILE: routesFile });
    const apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    children.push(apiProcess);
    await apiProcess.waitForOutput(/Swagger/, 150_000);
    api = `http://127.0.0.1:${port}`;
    heavyWorker = startNode('src/worker.js', { ...env, WORKER_POOLS: 'heavy' });
    defaultWorker = startNode('src/worker.js', env);
    children.push(heavyWorker, defaultWorker);
    await Promise.all([heavyWorker.waitForOutput(/worker ready/, 150_000), defaultWorker.waitForOutput(/worker ready/, 150_000)]);
    expect(heavyWorker.output()).toMatch(/pools heavy;/);
    expect(defaultWorker.output()).toMatch(/pools default;/);
    const login = await http().post('/api/v1/auth/login').send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
    admin = login.body.data.access_token as string;
  }, 330_000);

  afterAll(async () => {
    for (const child of children) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs large PDFs in the heavy pool and other files in the default pool, each worker only its own pool', async () => {
    const large = makePdf(Array.from({ length: 10 }, (_, i) => Array.from({ length: 6 }, (__, l) => paragraph(`page ${i} line ${l}`)).join('\n')));
    const small = makePdf([paragraph('a short pdf')]);
    expect(large.length).toBeGreaterThan(HEAVY_BYTES);
    expect(small.length).toBeLessThan(HEAVY_BYTES);
    const files = {
      large: await upload(large, 'large.pdf'),
      small: await upload(small, 'small.pdf'),
      text: await upload(Buffer.from(`${paragraph('text')}\n`.repeat(100)), 'big.txt'),
    };
    const ends = await Promise.all(Object.values(files).map((file) => settled(file.file_id)));
    for (const end of ends) expect(end).toMatchObject({ status: 'completed' });

    const { workers } = (await get('/api/v1/rq/workers')) as { workers: WorkerView[] };
    const heavy = registryName(heavyWorker, workers);
    const fallback = registryName(defaultWorker, workers);
    expect(heavy?.pools).toEqual(['heavy']);
    expect(fallback?.pools).toEqual(['default']);

    // Both stages of the large PDF's run (text, then graph) went to heavy; the others' to default.
    const expectations = [
      [files.large, 'heavy', heavy],
      [files.small, 'default', fallback],
      [files.text, 'default', fallback],
    ] as const;
    for (const [file, pool, worker] of expectations) {
      const text = await job('file_processing', file.job_id);
      expect(text).toMatchObject({ status: 'finished', pool, worker_name: worker?.name });
      expect(text.queue_name).toBe(pool === 'default' ? 'file_processing' : `file_processing@${pool}`);
      const graph = await job('kg_extraction', `file:${file.file_id}:graph`);
      expect(graph).toMatchObject({ status: 'finished', pool, worker_name: worker?.name });
    }
    // The pool queue's own name answers too; the default pool's queue keeps today's name.
    expect(await job('file_processing@heavy', files.large.job_id)).toMatchObject({ pool: 'heavy' });
    await http().get(`/api/v1/rq/queues/file_processing@heavy/jobs/${encodeURIComponent(files.small.job_id)}`).set('Authorization', `Bearer ${admin}`).expect(404);

    const stats = await get('/api/v1/rq/queues/file_processing/stats');
    const pools = stats.pools as PoolStats[];
    expect(pools.map((p) => [p.pool, p.queue_name, p.workers])).toEqual([
      ['default', 'file_processing', 1],
      ['heavy', 'file_processing@heavy', 1],
      ['gpu', 'file_processing@gpu', 0],
    ]);
    expect(stats.finished).toBe(pools.reduce((sum, p) => sum + (p as PoolStats & { finished: number }).finished, 0));
  }, 300_000);

  it('keeps a job routed to a pool without a worker queued, and the monitor says why', async () => {
    const file = await upload(Buffer.from(`# Notes\n\n${paragraph('markdown')}\n`), 'notes.md');
    const detail = await waitFor(async () => {
      const found = await job('file_processing', file.job_id);
      return found.status === 'queued' ? found : undefined;
    });
    expect(detail).toMatchObject({ pool: 'gpu', queue_name: 'file_processing@gpu', waiting_reason: 'pool has no worker', worker_name: null });

    const { queues, pools } = await get('/api/v1/rq/queues');
    expect(queues).toContain('file_processing');
    expect(pools.file_processing).toContainEqual({ pool: 'gpu', queue_name: 'file_processing@gpu' });
    const all = await get('/api/v1/rq/queues/stats');
    const gpu = (all.queues.file_processing.pools as PoolStats[]).find((p) => p.pool === 'gpu');
    expect(gpu).toMatchObject({ workers: 0, waiting_reason: 'pool has no worker' });
    expect(gpu?.queued).toBeGreaterThanOrEqual(1);
    expect(await get('/api/v1/rq/queues/file_processing@gpu/stats')).toMatchObject({ pool: 'gpu', queued: gpu?.queued });
    const listed = await get('/api/v1/rq/queues/file_processing/jobs?status=queued');
    expect(listed.jobs).toContainEqual(expect.objectContaining({ job_id: file.job_id, pool: 'gpu' }));

    // Actions on the logical queue find the job in its pool.
    const canceled = await http()
      .post(`/api/v1/rq/queues/file_processing/jobs/${encodeURIComponent(file.job_id)}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(canceled.body.data).toMatchObject({ job_id: file.job_id, queue_name: 'file_processing@gpu', status: 'canceled' });
  }, 60_000);

  it('refuses to start with a bad ROUTES_FILE, naming the file, the rule and the field', async () => {
    const bad = join(dataDir, 'bad-routes.yaml');
    writeFileSync(bad, 'rules:\n  - pool: heavy\n  - pool: gpu\n    min_bytes: lots\n');
    const worker = startNode('src/worker.js', { ...env, ROUTES_FILE: bad });
    children.push(worker);
    expect(await worker.exited).not.toBe(0);
    expect(worker.output()).toContain(`ROUTES_FILE ${bad}: rule 2 (index 1), field "min_bytes"`);
  }, 60_000);
});
