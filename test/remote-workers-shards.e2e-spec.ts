import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { type QueueShard } from '../src/infra/queue/shards/queue-shard.js';
import { DEFAULT_TASK_OPTIONS } from '../src/infra/queue/task-options.js';
import { TaskQueueService, toBullOptions } from '../src/infra/queue/task-queue.service.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

// A pool served only by a token bound to one user (no in-house worker serves it: RUN_WORKERS=false).
const BOUND_POOL = 'bound-e2e';
// REMOTE_RATE_LIMIT_PER_MINUTE here.
const RATE_LIMIT = 30;

/**
 * Remote workers with two queue shards (two private redis-servers): a claim takes jobs from every shard, and the
 * lease acts on its job's shard. And a pool served only by a user-bound token serves only that user's jobs: the
 * monitor says the others' wait because the pool has no worker.
 */
describe('Remote workers across queue shards, and user-bound tokens in the monitor (e2e)', () => {
  let a: PrivateRedis;
  let b: PrivateRedis;
  let t: TestApp;
  let tasks: TaskQueueService;
  let admin: string;
  let routesDir: string;

  const call = async (method: 'get' | 'post', path: string, token: string, body?: object) => {
    const req = t.http()[method](path).set('authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    return { status: res.status, body: res.body as { data: Record<string, unknown> } };
  };
  const issue = async (name: string, pool: string, userId?: string) => {
    const res = await call('post', '/api/v1/remote-workers/tokens', admin, { name, pool, user_id: userId });
    expect(res.status).toBe(201);
    return res.body.data.token as string;
  };
  const claim = (token: string) => call('post', '/api/v1/remote-workers/claim', token, { queues: ['vectorization'], max_wait_ms: 0 });
  const refusalOf = (res: { status: number; body: unknown; headers: Record<string, string> }) => ({ status: res.status, body: res.body, retryAfter: Number(res.headers['retry-after']) });
  const rawClaim = async (token: string) => refusalOf(await t.http().post('/api/v1/remote-workers/claim').set('authorization', `Bearer ${token}`).send({ queues: ['vectorization'], max_wait_ms: 0 }));

  /** A vectorize-file job of a user on a shard and pool, with the options the feature's own enqueue gives it. */
  async function enqueueOn(shard: QueueShard, pool: string, userId: string | undefined): Promise<string> {
    const jobId = `file:${randomUUID()}:vectorize`;
    const options = toBullOptions({ ...DEFAULT_TASK_OPTIONS, retry: undefined, jobId, userId });
    await tasks.queue(QueueName.Vectorization, pool, shard).add('vectorize-file', { file_id: jobId.split(':')[1] }, options);
    return jobId;
  }
  const stateOn = async (shard: QueueShard, id: string) => (await tasks.queue(QueueName.Vectorization, 'default', shard).getJob(id))?.getState();

  beforeAll(async () => {
    a = await startPrivateRedis();
    b = await startPrivateRedis();
    routesDir = await mkdtemp(join(tmpdir(), 'remote-shards-routes-'));
    const routesFile = join(routesDir, 'routes.json');
    await writeFile(routesFile, JSON.stringify([{ pool: BOUND_POOL, queue: 'vectorization', file_type: 'md' }]));
    t = await createTestApp({
      QUEUE_SHARDS: `${a.url},${b.url}`,
      RUN_WORKERS: 'false',
      FAIR_SCHEDULING: 'false',
      ROUTES_FILE: routesFile,
      REMOTE_LEASE_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '300',
      // The tests above make at most a dozen requests per token; the last one runs into the limit.
      REMOTE_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    });
    tasks = t.app.get(TaskQueueService);
    admin = await loginAdmin(t);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    if (routesDir) await rm(routesDir, { recursive: true, force: true });
  }, 60_000);

  it("claims jobs from every shard in turn, and heartbeat, fail and expiry act on the job's own shard", async () => {
    const [s0, s1] = tasks.shards.all;
    const on0 = [await enqueueOn(s0, 'default', undefined), await enqueueOn(s0, 'default', undefined)];
    const on1 = [await enqueueOn(s1, 'default', undefined), await enqueueOn(s1, 'default', undefined)];
    const token = await issue('sharded', 'default');

    const leases: { lease_id: string; job_id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await claim(token);
      expect(res.status).toBe(200);
      leases.push({ lease_id: res.body.data.lease_id as string, job_id: (res.body.data.job as { id: string }).id });
    }
    expect((await claim(token)).status).toBe(204);
    expect(leases.map((l) => l.job_id).sort()).toEqual([...on0, ...on1].sort());
    // The second claim starts at the other shard: one shard's backlog does not hold back the other's.
    const shardOf = (jobId: string) => (on0.includes(jobId) ? '0' : '1');
    expect(new Set(leases.slice(0, 2).map((l) => shardOf(l.job_id))).size).toBe(2);

    for (const lease of leases) expect((await call('post', `/api/v1/remote-workers/leases/${lease.lease_id}/heartbeat`, token, { progress: 10 })).status).toBe(200);
    for (const id of [...on0, ...on1]) expect(await stateOn(on0.includes(id) ? s0 : s1, id)).toBe('active');

    const [failing, expiring] = on1.map((id) => leases.find((l) => l.job_id === id)!);
    const failed = await call('post', `/api/v1/remote-workers/leases/${failing.lease_id}/fail`, token, { error: 'no GPU today', retryable: false });
    expect(failed.status).toBe(200);
    expect(failed.body.data.job_status).toBe('failed');
    expect(await stateOn(s1, failing.job_id)).toBe('failed');

    // No heartbeat: the lease runs out on shard 1 and the job goes back to its queue there.
    await waitFor(async () => ['waiting', 'prioritized'].includes((await stateOn(s1, expiring.job_id)) ?? '') || undefined, 30_000);
    expect((await call('post', `/api/v1/remote-workers/leases/${expiring.lease_id}/heartbeat`, token, {})).status).toBe(409);
  }, 90_000);

  it("a pool served only by a token bound to one user serves that user's jobs: another user's job has no worker", async () => {
    const alice = await registerAndLogin(t);
    const bob = await registerAndLogin(t);
    const bound = await issue('alice only', BOUND_POOL, alice.user.id);
    // A claim registers the token's worker (nothing is waiting yet).
    expect((await claim(bound)).status).toBe(204);
    const [s0] = tasks.shards.all;
    const aliceJob = await enqueueOn(s0, BOUND_POOL, alice.user.id);
    const poolEntry = async () => {
      const stats = await call('get', '/api/v1/rq/queues/vectorization/stats?shard=0', admin);
      return (stats.body.data.pools as { pool: string; workers: number; waiting_reason: string | null }[]).find((p) => p.pool === BOUND_POOL)!;
    };
    expect(await poolEntry()).toMatchObject({ workers: 1, waiting_reason: null });
    const aliceView = await call('get', `/api/v1/rq/queues/vectorization/jobs/${aliceJob}`, admin);
    expect(aliceView.body.data).toMatchObject({ pool: BOUND_POOL, waiting_reason: null });

    const bobJob = await enqueueOn(s0, BOUND_POOL, bob.user.id);
    const bobView = await call('get', `/api/v1/rq/queues/vectorization/jobs/${bobJob}`, admin);
    expect(bobView.body.data).toMatchObject({ pool: BOUND_POOL, waiting_reason: 'pool has no worker' });
    expect(await poolEntry()).toMatchObject({ workers: 1, waiting_reason: 'pool has no worker' });

    // An unbound token of the pool serves everyone.
    const anyone = await issue('anyone', BOUND_POOL);
    const lease = await claim(anyone);
    expect(lease.status).toBe(200);
    expect([aliceJob, bobJob]).toContain((lease.body.data.job as { id: string }).id);
    const stillWaiting = (lease.body.data.job as { id: string }).id === aliceJob ? bobJob : aliceJob;
    expect((await call('get', `/api/v1/rq/queues/vectorization/jobs/${stillWaiting}`, admin)).body.data.waiting_reason).toBeNull();
  }, 60_000);

  // Last: it leaves this client's IP refused for the rest of the minute.
  it("rate-limits each token's requests and each IP's refused tokens: 429 RATE_LIMITED in the envelope, with Retry-After", async () => {
    // A pool without jobs: every claim answers 204 at once.
    const chatty = await issue('chatty', 'limits-e2e');
    const quiet = await issue('quiet', 'limits-e2e');
    for (let i = 0; i < RATE_LIMIT; i++) expect((await claim(chatty)).status).toBe(204);
    const limited = await rawClaim(chatty);
    expect(limited).toMatchObject({ status: 429, body: { success: false, error: { code: 'RATE_LIMITED' } } });
    expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfter).toBeLessThanOrEqual(60);
    // Every protocol route counts against the token, not only claims.
    expect((await call('post', `/api/v1/remote-workers/leases/${randomUUID()}/heartbeat`, chatty, {})).status).toBe(429);
    // Another token is not held back by it.
    expect((await claim(quiet)).status).toBe(204);

    // Guessing tokens: each refusal (401) counts against the client's IP; past the limit the IP gets 429, a live token too.
    for (let i = 0; i < RATE_LIMIT; i++) expect((await rawClaim(`rw_guess-${i}`)).status).toBe(401);
    expect(await rawClaim('rw_guess-last')).toMatchObject({ status: 429, body: { success: false, error: { code: 'RATE_LIMITED' } } });
    expect((await rawClaim(quiet)).status).toBe(429);
  }, 60_000);
});
