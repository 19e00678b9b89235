import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { eq } from 'drizzle-orm';
import { users } from '../src/auth/auth.schema.js';
import { processFileJobId } from '../src/files/files.jobs.js';
import { DATABASE, type Database } from '../src/infra/database/database.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { DEFAULT_TASK_OPTIONS } from '../src/infra/queue/task-options.js';
import { TaskQueueService, toBullOptions } from '../src/infra/queue/task-queue.service.js';
import { RemoteWorkerTokensRepository } from '../src/remote-workers/remote-worker-tokens.repository.js';
import { EmbeddingService } from '../src/vectors/embedding/embedding.service.js';
import { runVectorizeJobId } from '../src/vectors/vectors.jobs.js';
import { loginAdmin, randomEmail, registerAndLogin, TEST_PASSWORD } from './support/auth.js';
import { BUILD_DIR, compileForProcesses, PROJECT_ROOT } from './support/compiled-src.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

// The worker pool the remote workers' tokens serve: no in-house worker serves it, so only they take its jobs.
const POOL = 'remote-e2e';
// The user whose files' vectorization ROUTES_FILE sends to that pool (the rule needs the id before the app starts).
const EMBED_USER_ID = randomUUID();

/**
 * Remote workers over HTTPS: the API's in-house workers run the default pool (uploads are processed as usual); jobs of
 * pool `remote-e2e` are taken only by remote workers, whose PROCESS holds only the API's URL and a token. ROUTES_FILE
 * sends the graph stage of Markdown uploads to that pool: such an upload ends only through a remote worker; and one
 * user's vectorization: that user's uploads are chunked in-house and embedded by a remote worker.
 */
describe('Remote workers (e2e: API in-process, remote worker processes with only URL and token)', () => {
  let t: TestApp;
  let base: string;
  let admin: string;
  let userA: { token: string; id: string };
  let userB: { token: string; id: string };
  let userC: { token: string; id: string };
  let routesDir: string;
  const children: ChildProcess[] = [];

  /** A remote worker process: env without REDIS_URL, DATABASE_URL or DATA_DIR. */
  function startRemote(entryArgs: string[]): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, entryArgs, {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    children.push(child);
    return { child, output: () => output };
  }

  const referenceWorker = (token: string, queues = 'vectorization,kg_extraction') =>
    startRemote([join(BUILD_DIR, 'src/remote-worker/remote-worker.js'), '--api', base, '--token', token, '--max-wait-ms', '1000', '--queues', queues]);

  async function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const issue = async (name: string, userId?: string) => {
    const res = await api('POST', '/api/v1/remote-workers/tokens', admin, { name, pool: POOL, user_id: userId });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; token: string };
  };

  async function upload(token: string, text: string, name = 'doc.txt'): Promise<string> {
    const res = await t.http().post('/api/v1/files').set('authorization', `Bearer ${token}`).attach('file', Buffer.from(text), name).expect(202);
    return (res.body.data as { file_id: string }).file_id;
  }

  /** The file's processing status once its run ended `completed` (a `failed` run fails the test). */
  async function completed(token: string, fileId: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const res = await t.http().get(`/api/v1/files/${fileId}/status`).set('authorization', `Bearer ${token}`);
      if (res.body.data?.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(res.body.data)}`);
      return res.body.data?.status === 'completed' ? (res.body.data as Record<string, unknown>) : undefined;
    }, timeoutMs);
  }

  async function uploadProcessed(token: string, text: string): Promise<string> {
    const fileId = await upload(token, text);
    await completed(token, fileId);
    return fileId;
  }

  const job = (queue: QueueName, id: string) => t.app.get(TaskQueueService).queue(queue, POOL).getJob(id);

  /** Queues a user's job in the remote pool as routing would (same payload and options as the feature's own). */
  async function enqueueRemote(queue: QueueName, name: string, data: Record<string, unknown>, userId: string): Promise<string> {
    const jobId = `remote:${randomUUID()}:${name}`;
    const options = toBullOptions({ ...DEFAULT_TASK_OPTIONS, retry: { max: 2, intervalMs: 1000 }, jobId, userId });
    await t.app.get(TaskQueueService).queue(queue, POOL).add(name, data, options);
    return jobId;
  }
  const stateOf = async (queue: QueueName, id: string) => (await job(queue, id))?.getState();

  const claim = (token: string, maxWaitMs = 0, queues = ['vectorization']) =>
    api('POST', '/api/v1/remote-workers/claim', token, { queues, max_wait_ms: maxWaitMs });

  beforeAll(async () => {
    await compileForProcesses();
    routesDir = await mkdtemp(join(tmpdir(), 'remote-routes-'));
    const routesFile = join(routesDir, 'routes.json');
    await writeFile(
      routesFile,
      JSON.stringify([
        { pool: POOL, queue: 'kg_extraction', file_type: 'md' },
        { pool: POOL, queue: 'vectorization', user_id: EMBED_USER_ID },
      ]),
    );
    t = await createTestApp({
      ROUTES_FILE: routesFile,
      REMOTE_LEASE_MS: '5000',
      WORKER_STALLED_INTERVAL_MS: '500',
      REMOTE_RESULT_MAX_BYTES: '1000000',
    });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    admin = await loginAdmin(t);
    const a = await registerAndLogin(t);
    const b = await registerAndLogin(t);
    userA = { token: a.token, id: a.user.id };
    userB = { token: b.token, id: b.user.id };
    userC = await registerWithId(EMBED_USER_ID);
  }, 240_000);

  /** A user registered as usual, then given the id the routes name (before its first login: nothing refers to it yet). */
  async function registerWithId(id: string): Promise<{ token: string; id: string }> {
    const email = randomEmail();
    const registered = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    await t.app.get<Database>(DATABASE).update(users).set({ id }).where(eq(users.id, registered.body.data.id as string));
    const login = await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return { token: login.body.data.access_token as string, id };
  }

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
    if (routesDir) await rm(routesDir, { recursive: true, force: true });
  });

  it('keeps the token routes admin-only (403 for a user) and never lists a token', async () => {
    expect((await api('POST', '/api/v1/remote-workers/tokens', userA.token, { name: 'x', pool: 'default' })).status).toBe(403);
    expect((await api('GET', '/api/v1/remote-workers/tokens', userA.token)).status).toBe(403);
    expect((await api('DELETE', `/api/v1/remote-workers/tokens/${randomUUID()}`, userA.token)).status).toBe(403);
    const issued = await issue('listed');
    expect(issued.token).toMatch(/^rw_/);
    // Stored as its sha256 only: no column holds the token.
    const row = await t.app.get(RemoteWorkerTokensRepository).findById(issued.id);
    expect(row?.tokenSha256).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    const list = await api('GET', '/api/v1/remote-workers/tokens', admin);
    expect(JSON.stringify(list.body)).not.toContain(issued.token);
    expect((list.body.data as { tokens: { id: string }[] }).tokens.map((x) => x.id)).toContain(issued.id);
    expect((await api('POST', '/api/v1/remote-workers/tokens', admin, { name: 'x', pool: 'default', user_id: randomUUID() })).status).toBe(400);
    // A user's JWT is not a remote-worker token.
    expect((await claim(userA.token)).status).toBe(401);
  });

  it('runs a user\'s vector and graph regenerations in a remote worker process; a user-bound token skips other users\' jobs, which keep their place; a SIGKILLed lease is leased again after expiry and completes once', async () => {
    const text = 'Ada Lovelace worked with Charles Babbage in London. Ada Lovelace wrote notes on the Analytical Engine.\n';
    // Big enough that its vectors exceed the API's default 100 kB JSON limit (the lease routes take REMOTE_RESULT_MAX_BYTES).
    const fileA = await uploadProcessed(userA.token, text.repeat(300));
    const fileB = await uploadProcessed(userB.token, text.repeat(10));
    const tokenA = await issue('user A box', userA.id);

    // B's regeneration is queued first, A's after it.
    const jobB = await enqueueRemote(QueueName.Vectorization, 'vectorize-file', { file_id: fileB }, userB.id);
    const jobA = await enqueueRemote(QueueName.Vectorization, 'vectorize-file', { file_id: fileA }, userA.id);

    // A remote worker process (token A) takes a lease, then is killed mid-lease.
    const claimer = startRemote([
      '-e',
      `fetch(${JSON.stringify(`${base}/api/v1/remote-workers/claim`)}, {method: 'POST', headers: {authorization: 'Bearer ${tokenA.token}', 'content-type': 'application/json'}, body: JSON.stringify({queues: ['vectorization'], max_wait_ms: 5000})}).then((r) => r.text()).then((t) => { console.log('LEASE ' + t); setInterval(() => {}, 1000); });`,
    ]);
    await waitFor(() => claimer.output().includes('LEASE '), 60_000);
    expect(claimer.output()).toContain(`"id":"${jobA}"`);
    // B's job was looked past and kept its place: still queued, never attempted.
    expect(await stateOf(QueueName.Vectorization, jobB)).toMatch(/waiting|prioritized/);
    claimer.child.kill('SIGKILL');

    const graphJob = await enqueueRemote(QueueName.KgExtraction, 'extract-graph', { file_id: fileA, force_rechunk: false }, userA.id);

    const worker = referenceWorker(tokenA.token);
    await waitFor(async () => (await stateOf(QueueName.KgExtraction, graphJob)) === 'completed', 150_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${worker.output()}`);
    });
    await waitFor(async () => (await stateOf(QueueName.Vectorization, jobA)) === 'completed', 150_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${worker.output()}`);
    });
    const vectorsJob = await job(QueueName.Vectorization, jobA);
    // The killed lease cost one attempt (WORKER_LOST), the second completed.
    expect(vectorsJob?.attemptsMade).toBe(2);
    const file = await t.http().get(`/api/v1/files/${fileA}`).set('authorization', `Bearer ${userA.token}`).expect(200);
    const vectors = await t.http().get(`/api/v1/vectors/${fileA}`).set('authorization', `Bearer ${userA.token}`).expect(200);
    expect(vectors.body.data.count).toBe(file.body.data.chunk_count);
    const graph = await t.http().get(`/api/v1/graph/${fileA}`).set('authorization', `Bearer ${userA.token}`).expect(200);
    expect((graph.body.data.nodes as unknown[]).length).toBeGreaterThan(0);
    // Never B's job.
    expect(await stateOf(QueueName.Vectorization, jobB)).toMatch(/waiting|prioritized/);
    expect(worker.output()).not.toContain(jobB);
    worker.child.kill('SIGTERM');
  }, 360_000);

  it('refuses bad leases (404), bad and oversized results (400, 413), late answers (409) and a revoked token at once (401), returning its leases', async () => {
    const tokenU = await issue('any user');
    const tokenV = await issue('other box');
    // B's regeneration queued in the test above is still waiting: these unbound tokens take it.
    const leased = await claim(tokenU.token, 5000);
    expect(leased.status).toBe(200);
    const lease = leased.body.data as { lease_id: string; job: { id: string } };
    const leasePath = `/api/v1/remote-workers/leases/${lease.lease_id}`;

    expect((await api('POST', `/api/v1/remote-workers/leases/${randomUUID()}/heartbeat`, tokenU.token, {})).status).toBe(404);
    expect((await api('POST', '/api/v1/remote-workers/leases/not-a-lease/complete', tokenU.token, { result: {} })).status).toBe(404);
    // Another token's lease does not exist for it.
    expect((await api('POST', `${leasePath}/heartbeat`, tokenV.token, {})).status).toBe(404);
    expect((await api('POST', `${leasePath}/heartbeat`, tokenU.token, { progress: 10 })).status).toBe(200);
    expect((await job(QueueName.Vectorization, lease.job.id))?.progress).toBe(10);

    const input = await fetch(`${base}${leasePath}/input`, { headers: { authorization: `Bearer ${tokenU.token}` } });
    expect(input.status).toBe(200);
    const lines = (await input.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; embedding?: { model: string; dimension: number } });
    const header = lines[0];
    const chunks = lines.filter((l) => l.type === 'chunk');
    expect(chunks.length).toBeGreaterThan(0);

    const bad = await api('POST', `${leasePath}/complete`, tokenU.token, { result: { model: header.embedding?.model, dimension: 3, vectors: [] } });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { code: string }).code).toBe('INVALID_RESULT');
    const notAllChunks = await api('POST', `${leasePath}/complete`, tokenU.token, { result: { ...header.embedding, vectors: [] } });
    expect(notAllChunks.status).toBe(409);
    expect((notAllChunks.body.error as { code: string }).code).toBe('CHUNKS_CHANGED');
    // That answer failed the attempt (retried): the lease is over.
    expect((await api('POST', `${leasePath}/heartbeat`, tokenU.token, {})).status).toBe(409);

    const oversized = await api('POST', `${leasePath}/complete`, tokenU.token, JSON.stringify({ result: { pad: 'x'.repeat(1_200_000) } }));
    expect(oversized.status).toBe(413);

    // The retry (after its backoff): a lease left to expire answers 409 to a valid result and changes nothing.
    const again = await claim(tokenU.token, 30_000);
    expect(again.status).toBe(200);
    const late = again.body.data as { lease_id: string; job: { id: string } };
    const lateInput = await fetch(`${base}/api/v1/remote-workers/leases/${late.lease_id}/input`, { headers: { authorization: `Bearer ${tokenU.token}` } });
    const lateLines = (await lateInput.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; id: string; file_id: string; embedding: { model: string; dimension: number } });
    const { file_id: lateFile, embedding } = lateLines[0];
    const unit = Array.from({ length: embedding.dimension }, (_, i) => (i === 0 ? 1 : 0));
    const validResult = { ...embedding, vectors: lateLines.filter((l) => l.type === 'chunk').map((c) => ({ chunk_id: c.id, embedding: unit })) };
    const vectorsOf = async () => (await t.http().get(`/api/v1/vectors/${lateFile}`).set('authorization', `Bearer ${userB.token}`).expect(200)).body.data as Record<string, unknown>;
    const vectorsBefore = await vectorsOf();
    await waitFor(async () => (await stateOf(QueueName.Vectorization, late.job.id)) !== 'active', 30_000);
    const lateComplete = await api('POST', `/api/v1/remote-workers/leases/${late.lease_id}/complete`, tokenU.token, { result: validResult });
    expect(lateComplete.status).toBe(409);
    expect(lateComplete.body).toMatchObject({ success: false, error: { code: 'LEASE_EXPIRED' } });
    expect(await vectorsOf()).toEqual(vectorsBefore);
    expect(await stateOf(QueueName.Vectorization, late.job.id)).toMatch(/waiting|prioritized/);
    const lateAnswer = await api('POST', `/api/v1/remote-workers/leases/${late.lease_id}/fail`, tokenU.token, { error: 'late', retryable: false });
    expect(lateAnswer.status).toBe(409);
    expect(await stateOf(QueueName.Vectorization, late.job.id)).toMatch(/waiting|prioritized/);

    // Revoked: refused at once, and its lease's job is back in the queue at once.
    const held = await claim(tokenV.token, 30_000);
    expect(held.status).toBe(200);
    const heldJob = (held.body.data as { job: { id: string } }).job.id;
    expect(await stateOf(QueueName.Vectorization, heldJob)).toBe('active');
    expect((await api('DELETE', `/api/v1/remote-workers/tokens/${tokenV.id}`, admin)).status).toBe(200);
    expect(await stateOf(QueueName.Vectorization, heldJob)).toMatch(/waiting|prioritized/);
    expect((await claim(tokenV.token)).status).toBe(401);
    expect((await api('DELETE', `/api/v1/remote-workers/tokens/${randomUUID()}`, admin)).status).toBe(404);
  }, 180_000);

  it("ends an upload whose graph stage only a remote worker serves (status completed), and lists that worker in /rq/workers", async () => {
    const token = await issue('graph box');
    const text = 'Grace Hopper worked with Howard Aiken at Harvard. Grace Hopper wrote the first compiler.\n';
    const fileId = await upload(userA.token, text.repeat(20), 'notes.md');
    const graphJobId = `file:${fileId}:graph`;
    // No in-house worker serves the pool: the run waits on its graph stage there.
    await waitFor(async () => (await stateOf(QueueName.KgExtraction, graphJobId)) === 'waiting' || (await stateOf(QueueName.KgExtraction, graphJobId)) === 'prioritized', 60_000);

    const worker = referenceWorker(token.token, 'kg_extraction');
    const status = await completed(userA.token, fileId, 120_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${worker.output()}`);
    });
    expect((status.kg_extraction as { status: string }).status).toBe('completed');
    expect(worker.output()).toContain(`leased kg_extraction job ${graphJobId}`);
    expect(await stateOf(QueueName.KgExtraction, graphJobId)).toBe('completed');
    const graph = await t.http().get(`/api/v1/graph/${fileId}`).set('authorization', `Bearer ${userA.token}`).expect(200);
    expect((graph.body.data.nodes as unknown[]).length).toBeGreaterThan(0);

    const listed = await api('GET', '/api/v1/rq/workers', admin);
    expect(listed.status).toBe(200);
    const workers = (listed.body.data as { workers: Record<string, unknown>[] }).workers;
    const remote = workers.find((w) => (w.remote as { token_id?: string } | null)?.token_id === token.id);
    expect(remote).toMatchObject({ kind: 'remote', pools: [POOL], queues: ['kg_extraction'], remote: { token_name: 'graph box', user_id: null } });
    expect(remote?.state).not.toBe('dead');
    expect((remote as { successful_job_count: number }).successful_job_count).toBeGreaterThanOrEqual(1);
    expect(workers.some((w) => w.kind === 'local')).toBe(true);
    const body = JSON.stringify(listed.body);
    expect(body).not.toContain(token.token);
    expect(body).not.toContain(createHash('sha256').update(token.token).digest('hex'));
    // The pool has a live worker now: the monitor no longer says it has none.
    const stats = await api('GET', '/api/v1/rq/queues/kg_extraction/stats', admin);
    const pool = (stats.body.data as { pools: { pool: string; workers: number; waiting_reason: string | null }[] }).pools.find((p) => p.pool === POOL);
    expect(pool).toMatchObject({ waiting_reason: null });
    expect(pool?.workers).toBeGreaterThanOrEqual(1);

    // A remote failure no retry can fix settles the run as the in-house stage does: completed, kg_extraction failed.
    worker.child.kill('SIGTERM');
    await waitFor(() => worker.child.exitCode !== null || worker.child.signalCode !== null, 30_000);
    const second = await upload(userA.token, text.repeat(5), 'more.md');
    const lease = await waitFor(async () => {
      const res = await claim(token.token, 1000, ['kg_extraction']);
      return res.status === 200 ? (res.body.data as { lease_id: string; job: { id: string } }) : undefined;
    }, 60_000);
    expect(lease.job.id).toBe(`file:${second}:graph`);
    const failed = await api('POST', `/api/v1/remote-workers/leases/${lease.lease_id}/fail`, token.token, { error: 'model refused', retryable: false });
    expect(failed.status).toBe(200);
    expect((failed.body.data as { job_status: string }).job_status).toBe('failed');
    const settled = await completed(userA.token, second);
    expect((settled.kg_extraction as { status: string }).status).toBe('failed');
  }, 300_000);

  it("embeds a user's uploads in a remote worker when ROUTES_FILE sends their vectorization there: chunked in-house, embedded remotely, then the graph; a final remote failure fails the run", async () => {
    const token = await issue('embedding box', userC.id);
    const marker = `Zorblax${randomUUID().slice(0, 8)}`;
    const text = `${marker} Katherine Johnson worked with Dorothy Vaughan at Langley. Katherine Johnson computed orbits.\n`;
    const embed = jest.spyOn(t.app.get(EmbeddingService), 'embed');
    try {
      const fileId = await upload(userC.token, text.repeat(20), 'orbits.md');
      const embedJobId = runVectorizeJobId(fileId);
      const statusOf = async () => (await t.http().get(`/api/v1/files/${fileId}/status`).set('authorization', `Bearer ${userC.token}`)).body.data as Record<string, unknown>;
      // The text stage stopped after chunking; the run's embedding step waits in the pool only a remote token serves.
      await waitFor(async () => ['waiting', 'prioritized'].includes((await stateOf(QueueName.Vectorization, embedJobId)) ?? ''), 60_000);
      const textStage = await t.app.get(TaskQueueService).getJob(QueueName.FileProcessing, processFileJobId(fileId));
      expect(await textStage?.getState()).toBe('completed');
      expect(textStage?.returnvalue).toMatchObject({ status: 'chunked' });
      const chunked = await statusOf();
      expect(chunked).toMatchObject({ status: 'processing', chunking: { status: 'completed' }, vectorization: { status: 'pending' } });
      expect(chunked.searchable).toBeUndefined();

      const embedder = referenceWorker(token.token, 'vectorization');
      const searchable = await waitFor(async () => {
        const status = await statusOf();
        return status.searchable === true ? status : undefined;
      }, 120_000).catch((e: unknown) => {
        throw new Error(`${String(e)}\n${embedder.output()}`);
      });
      expect(searchable).toMatchObject({ vectorization: { status: 'completed' }, storage: { status: 'completed' } });
      expect(embedder.output()).toContain(`leased vectorization job ${embedJobId}`);
      // The graph stage (Markdown: the remote pool too) waits on its own worker: the file is searchable, not completed.
      expect(await stateOf(QueueName.KgExtraction, `file:${fileId}:graph`)).toMatch(/waiting|prioritized/);
      embedder.child.kill('SIGTERM');

      const grapher = referenceWorker(token.token, 'kg_extraction');
      const status = await completed(userC.token, fileId, 120_000).catch((e: unknown) => {
        throw new Error(`${String(e)}\n${grapher.output()}`);
      });
      expect(status).toMatchObject({ searchable: true, kg_extraction: { status: 'completed' } });
      grapher.child.kill('SIGTERM');
      const file = await t.http().get(`/api/v1/files/${fileId}`).set('authorization', `Bearer ${userC.token}`).expect(200);
      const vectors = await t.http().get(`/api/v1/vectors/${fileId}`).set('authorization', `Bearer ${userC.token}`).expect(200);
      expect(file.body.data.chunk_count).toBeGreaterThan(0);
      expect(vectors.body.data.count).toBe(file.body.data.chunk_count);
      // No in-house embedding of the file's text happened.
      expect(embed.mock.calls.flatMap(([texts]) => texts).filter((chunk) => chunk.includes(marker))).toEqual([]);

      // A remote failure no retry can fix settles the run as a failed text stage: file failed, its graph job not run.
      const second = await upload(userC.token, `${marker} second file.\n`.repeat(10), 'second.txt');
      const lease = await waitFor(async () => {
        const res = await claim(token.token, 1000, ['vectorization']);
        return res.status === 200 ? (res.body.data as { lease_id: string; job: { id: string } }) : undefined;
      }, 60_000);
      expect(lease.job.id).toBe(runVectorizeJobId(second));
      const failed = await api('POST', `/api/v1/remote-workers/leases/${lease.lease_id}/fail`, token.token, { error: 'no GPU today', retryable: false });
      expect((failed.body.data as { job_status: string }).job_status).toBe('failed');
      const settled = await waitFor(async () => {
        const res = await t.http().get(`/api/v1/files/${second}`).set('authorization', `Bearer ${userC.token}`);
        return res.body.data?.status === 'failed' ? (res.body.data as Record<string, unknown>) : undefined;
      }, 60_000);
      expect(String(settled.error)).toContain('no GPU today');
      const graphJob = await t.app.get(TaskQueueService).getJob(QueueName.KgExtraction, `file:${second}:graph`);
      expect(await graphJob?.getState()).toBe('failed');
      const graphJobView = await api('GET', `/api/v1/rq/jobs/file:${second}:graph`, admin);
      expect(JSON.stringify(graphJobView.body)).toContain('DEPENDENCY_FAILED');
      expect(embed.mock.calls.flatMap(([texts]) => texts).filter((chunk) => chunk.includes(marker))).toEqual([]);

      // A delete while the run waits on its embedding step leaves none of the run's jobs.
      const third = await upload(userC.token, `${marker} third file.\n`.repeat(10), 'third.txt');
      await waitFor(async () => ['waiting', 'prioritized'].includes((await stateOf(QueueName.Vectorization, runVectorizeJobId(third))) ?? ''), 60_000);
      await t.http().delete(`/api/v1/files/${third}`).set('authorization', `Bearer ${userC.token}`).expect(200);
      const tasks = t.app.get(TaskQueueService);
      expect(await tasks.getJob(QueueName.Vectorization, runVectorizeJobId(third))).toBeUndefined();
      expect(await tasks.getJob(QueueName.FileProcessing, processFileJobId(third))).toBeUndefined();
      expect(await tasks.getJob(QueueName.KgExtraction, `file:${third}:graph`)).toBeUndefined();
    } finally {
      embed.mockRestore();
    }
  }, 360_000);
});
