import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DATABASE_POOL } from '../src/infra/database/database.js';
import { settleWithin } from '../src/infra/redis/close-quietly.js';
import { registerAndLogin, loginAdmin, TEST_PASSWORD } from './support/auth.js';
import { type LocalRedisCluster, startRedisCluster } from './support/redis-cluster.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const FILES_AT_FAILOVER = 6;

interface JobView {
  job_id: string;
  status: string;
  attempts_made: number;
}

/**
 * Issue 17 part 1: the whole API with in-process workers on a Redis Cluster of its own (3 masters, 3 replicas,
 * REDIS_CLUSTER_NODES, a hash-tagged QUEUE_PREFIX). Every feature that touches Redis runs on it; then the master
 * holding the queues' slot is SIGKILLed with jobs waiting and running: its replica takes over and every job finishes
 * exactly once. Last, the slot is left without any master: the API answers 503 in the envelope, never 500.
 */
describe('Redis Cluster (e2e)', () => {
  let cluster: LocalRedisCluster;
  let t: TestApp;
  let pool: pg.Pool;
  let token: string;
  let userEmail: string;
  let adminToken: string;
  let queuePrefix: string;

  const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
  const upload = async (text: string, name: string): Promise<string> => {
    const res = await t.http().post('/api/v1/files').set(bearer(token)).attach('file', Buffer.from(text), name);
    if (res.status !== 202) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.file_id as string;
  };
  const fileRow = async (fileId: string) =>
    (await pool.query<{ status: string; chunk_count: number }>('select status, chunk_count from files where id = $1', [fileId])).rows[0];
  const document = (index: number) =>
    Array.from({ length: 40 }, (_, p) => `Alice Johnson met Bob Smith in Paris about part ${index}-${p}. ${randomUUID()}`).join('\n\n');
  const jobs = async (status: string): Promise<JobView[]> =>
    (await t.http().get(`/api/v1/rq/queues/file_processing/jobs?status=${status}&limit=100`).set(bearer(adminToken)).expect(200)).body
      .data.jobs;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, nodeTimeoutMs: 1000 });
    queuePrefix = `{test-${randomBytes(4).toString('hex')}}`;
    t = await createTestApp({ REDIS_CLUSTER_NODES: cluster.seeds, QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: '2' });
    pool = t.app.get<pg.Pool>(DATABASE_POOL);
    userEmail = `cluster-${randomBytes(6).toString('hex')}@example.com`;
    token = (await registerAndLogin(t, userEmail)).token;
    adminToken = await loginAdmin(t);
  }, 180_000);

  afterAll(async () => {
    // Bounded: should a test leave a slot without a master, closing could not reach Redis.
    if (t) await settleWithin(t.close(), 15_000);
    await cluster?.stop();
  }, 30_000);

  it('runs the upload pipeline, memory, auth and the monitor on the cluster', async () => {
    const fileId = await upload(document(0), 'cluster.txt');
    const row = await waitFor(async () => ((await fileRow(fileId))?.status === 'completed' ? fileRow(fileId) : undefined), 30_000);
    expect(row.chunk_count).toBeGreaterThan(0);
    const status = (await t.http().get(`/api/v1/files/${fileId}/status`).set(bearer(token)).expect(200)).body.data;
    expect(status).toMatchObject({ file_id: fileId, status: 'completed', progress: 100 });

    // Memory: a write (MULTI of the memory and its pending snapshot), a read, a listing (SCAN on the user's node).
    for (const key of ['alpha', 'beta', 'gamma']) {
      await t.http().put(`/api/v1/memory/${key}`).set(bearer(token)).send({ value: { key }, agent_id: 'agent-1' }).expect(200);
    }
    expect((await t.http().get('/api/v1/memory/beta?agent_id=agent-1').set(bearer(token)).expect(200)).body.data.value).toEqual({
      key: 'beta',
    });
    const listed = (await t.http().get('/api/v1/memory?agent_id=agent-1').set(bearer(token)).expect(200)).body.data;
    expect(listed.items.map((item: { key: string }) => item.key).sort()).toEqual(['alpha', 'beta', 'gamma']);

    // Monitor: stats of every queue, and the worker registry (SCAN of every master).
    const stats = (await t.http().get('/api/v1/rq/queues/stats').set(bearer(adminToken)).expect(200)).body.data;
    expect(stats.queues.file_processing.finished).toBeGreaterThanOrEqual(1);
    const workers = (await t.http().get('/api/v1/rq/workers').set(bearer(adminToken)).expect(200)).body.data;
    expect(workers.count).toBeGreaterThanOrEqual(1);

    // Auth: logout revokes the token (blacklist keys in several slots); revoke-sessions runs as a job on the cluster.
    const second = await t.http().post('/api/v1/auth/login').send({ email: userEmail, password: TEST_PASSWORD }).expect(200);
    const loggedOut = second.body.data.access_token as string;
    await t.http().post('/api/v1/auth/logout').set(bearer(loggedOut)).expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(loggedOut)).expect(401);
    const me = (await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(200)).body.data;
    const third = await t.http().post('/api/v1/auth/login').send({ email: userEmail, password: TEST_PASSWORD }).expect(200);
    const revoked = third.body.data.access_token as string;
    await t.http().post(`/api/v1/auth/users/${me.id}/revoke-sessions`).set(bearer(adminToken)).expect(202);
    await waitFor(async () => (await t.http().get('/api/v1/auth/me').set(bearer(revoked))).status === 401, 15_000);
    token = (await t.http().post('/api/v1/auth/login').send({ email: userEmail, password: TEST_PASSWORD }).expect(200)).body.data
      .access_token;
  }, 60_000);

  it('finishes waiting and running jobs exactly once when the queues’ master dies and its replica takes over', async () => {
    const before = (await jobs('finished')).length;
    const fileIds: string[] = [];
    for (let i = 1; i <= FILES_AT_FAILOVER; i++) fileIds.push(await upload(document(i), `failover-${i}.txt`));
    await waitFor(async () => (await jobs('started')).length > 0, 15_000);

    const queuesMaster = await cluster.masterPortOf(`${queuePrefix}:file_processing:id`);
    await cluster.nodes.find((node) => node.port === queuesMaster)!.kill();
    // While the slot fails over, the API answers (200) or says Redis is unavailable (503): never a 500.
    const seen = new Set<number>();
    const healed = cluster.waitUntilHealthy(30_000);
    let done = false;
    void healed.finally(() => (done = true));
    while (!done) {
      const responses = await Promise.all([
        t.http().get('/api/v1/rq/queues/stats').set(bearer(adminToken)),
        t.http().get(`/api/v1/files/${fileIds[0]}/status`).set(bearer(token)),
      ]);
      for (const res of responses) {
        seen.add(res.status);
        if (res.status !== 200) expect(res.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
      }
    }
    await healed;
    expect([...seen].filter((status) => status !== 200 && status !== 503)).toEqual([]);

    const rows = await waitFor(async () => {
      const all = await Promise.all(fileIds.map(fileRow));
      return all.every((row) => row?.status === 'completed') ? all : undefined;
    }, 60_000);
    expect(rows.every((row) => row.chunk_count > 0)).toBe(true);
    const finished = await jobs('finished');
    expect(finished.length - before).toBe(FILES_AT_FAILOVER);
    expect(new Set(finished.map((job) => job.job_id)).size).toBe(finished.length);
    expect(finished.filter((job) => job.attempts_made > 1)).toEqual([]);
    expect(await jobs('failed')).toEqual([]);
    const vectors = await pool.query<{ n: number; chunk_count: number }>(
      'select count(v.*)::int as n, f.chunk_count from files f left join chunk_vectors v on v.file_id = f.id where f.id = any($1) group by f.id',
      [fileIds],
    );
    for (const row of vectors.rows) expect(row.n).toBe(row.chunk_count);
  }, 90_000);

  it('answers 503 in the envelope, never 500, while a slot has no master', async () => {
    const port = await cluster.masterPortOf(`${queuePrefix}:file_processing:id`);
    const master = cluster.nodes.find((node) => node.port === port)!;
    // The replica promoted in the previous test has no replica of its own: the slot is left without a master.
    await master.kill();
    await cluster.waitUntilFailed(15_000);
    const responses = await Promise.all([
      t.http().get('/api/v1/rq/queues/stats').set(bearer(adminToken)),
      t.http().get('/api/v1/rq/workers').set(bearer(adminToken)),
      t.http().get('/api/v1/auth/me').set(bearer(token)),
      t.http().post('/api/v1/auth/login').send({ email: userEmail, password: TEST_PASSWORD }),
      t.http().get('/api/v1/memory?agent_id=agent-1').set(bearer(token)),
      t.http().post('/api/v1/files').set(bearer(token)).attach('file', Buffer.from(document(99)), 'down.txt'),
    ]);
    for (const res of responses) {
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 503,
        body: { success: false, error: { code: 'SERVICE_UNAVAILABLE' } },
      });
    }
    // Back with its slots (empty: no persistence), so the app can close cleanly.
    await master.restart();
    await cluster.waitUntilHealthy(30_000);
    await t.http().get('/api/v1/rq/queues/stats').set(bearer(adminToken)).expect(200);
  }, 90_000);
});
