import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { type ApiOperation, listOperations, type OpenApiDocument, validBody, validValue } from './support/openapi-operations.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/**
 * Tenant isolation, driven from /docs-json so a new route is covered without editing this file: user A owns a
 * processed file (chunks, vectors, graph, jobs) and a memory; for every operation whose path names a user-owned
 * thing, user B gets 404 on A's (and A's thing is unchanged), A gets it, and the admin gets what the route promises.
 * Admin-only routes are checked apart: a user gets 403 and no data.
 */

/** What user A owns, made once. */
interface World {
  userA: { id: string; token: string };
  fileId: string;
  jobId: string;
  batchId: string;
  entityId: string;
  memoryKey: string;
  memoryValue: unknown;
  migrationId: string;
}

interface Fixture {
  /** A's thing, named by the path parameter. */
  value: (w: World) => string;
  /** What the admin gets on a user's thing: `all` = what the owner gets (admins see every user's); `own` = 404. */
  admin: 'all' | 'own';
  /** The name is a slot in the caller's own space (memory keys): B writing it makes B's own, never touches A's. */
  callerScoped?: boolean;
}

/** Every path parameter of a user route that names a user-owned thing. A new one must be added here. */
const USER_FIXTURES: Record<string, Fixture> = {
  file_id: { value: (w) => w.fileId, admin: 'all' },
  job_id: { value: (w) => w.jobId, admin: 'all' },
  batch_id: { value: (w) => w.batchId, admin: 'all' },
  // /graph/entities/{id}/neighbors: an entity of A's graph.
  id: { value: (w) => w.entityId, admin: 'all' },
  key: { value: (w) => w.memoryKey, admin: 'own', callerScoped: true },
};

/** Routes only an admin may call: the path parameters they take, valid for the admin. */
const ADMIN_ONLY = [/^\/api\/v1\/rq\//, /^\/api\/v1\/monitor\//, /^\/api\/v1\/auth\/users\/\{id\}/, /^\/api\/v1\/remote-workers\/tokens/];
const ADMIN_FIXTURES: Record<string, (w: World) => string> = {
  id: (w) => w.userA.id,
  queue_name: () => 'file_processing',
  job_id: (w) => w.jobId,
  token_id: () => randomUUID(),
  // A queue migration the admin started (one that finds nothing to move).
  migration_id: (w) => w.migrationId,
};

/**
 * Routes that take a remote-worker token (`Bearer rw_…`), never a user's or an admin's JWT (401): the path parameters
 * they take. A lease belongs to one remote-worker token; another token gets 404 (test/remote-workers.e2e-spec.ts).
 */
const REMOTE_WORKER_ONLY = [/^\/api\/v1\/remote-workers\/(claim|leases\/)/];
const REMOTE_WORKER_FIXTURES: Record<string, (w: World) => string> = {
  lease_id: () => randomUUID(),
};

const SAFE = new Set(['GET', 'HEAD']);

interface Answer {
  status: number;
  text: string;
}

describe('Cross-user isolation: every route with an id of a user-owned thing (e2e, from /docs-json)', () => {
  let t: TestApp;
  let base: string;
  let operations: ApiOperation[];
  let world: World;
  let userB: { id: string; token: string };
  let admin: string;

  /** One request; an event stream is read up to its headers only. */
  async function call(op: ApiOperation, path: string, token: string): Promise<Answer> {
    const body = op.bodies['application/json'];
    const query = op.queryParams
      .filter(({ schema }) => schema.default !== undefined)
      .map(({ name, schema }) => `${name}=${encodeURIComponent(String(validValue(schema)))}`)
      .join('&');
    const res = await fetch(`${base}${path}${query ? `?${query}` : ''}`, {
      method: op.method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(requestBody(op)) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    if (res.headers.get('content-type')?.includes('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: await res.text() };
  }

  function requestBody(op: ApiOperation): Record<string, unknown> {
    const body = validBody(op.bodies['application/json']);
    return op.template.includes('/memory/') ? { ...body, value: { written_by: 'someone else' } } : body;
  }

  const pathOf = (op: ApiOperation, values: Record<string, string>) =>
    op.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name]));
  const isAdminOnly = (op: ApiOperation) => ADMIN_ONLY.some((pattern) => pattern.test(op.template));
  const isRemoteWorkerOnly = (op: ApiOperation) => REMOTE_WORKER_ONLY.some((pattern) => pattern.test(op.template));
  const userRoutes = () =>
    operations.filter((op) => op.pathParams.length > 0 && op.guarded && !isAdminOnly(op) && !isRemoteWorkerOnly(op));
  const remoteWorkerRoutes = () => operations.filter(isRemoteWorkerOnly);
  const adminRoutes = () => operations.filter((op) => op.pathParams.length > 0 && isAdminOnly(op));
  const label = (op: ApiOperation) => `${op.method} ${op.template}`;
  const kind = (op: ApiOperation) => (SAFE.has(op.method) ? 'read' : op.method === 'DELETE' ? 'delete' : 'write');
  const inOrder = (ops: ApiOperation[], order: string[]) => [...ops].sort((x, y) => order.indexOf(kind(x)) - order.indexOf(kind(y)));
  const isCallerScopedWrite = (op: ApiOperation) =>
    kind(op) === 'write' && op.pathParams.some((p) => USER_FIXTURES[p].callerScoped === true);

  function userValues(op: ApiOperation): Record<string, string> {
    return Object.fromEntries(op.pathParams.map((name) => [name, USER_FIXTURES[name].value(world)]));
  }

  async function snapshotOfA(): Promise<string> {
    const headers = { authorization: `Bearer ${world.userA.token}` };
    const file = await (await fetch(`${base}/api/v1/files/${world.fileId}`, { headers })).json();
    const memory = await (await fetch(`${base}/api/v1/memory/${world.memoryKey}`, { headers })).json();
    const graph = await (await fetch(`${base}/api/v1/graph/${world.fileId}`, { headers })).json();
    const { data: f } = file as { data: Record<string, unknown> };
    const { data: m } = memory as { data: Record<string, unknown> };
    if (f.file_id !== world.fileId || m.value === undefined) throw new Error("A's file or memory is gone");
    return JSON.stringify({ file: [f.file_id, f.status, f.chunk_count], memory: m.value, graph: (graph as { data: unknown }).data });
  }

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const a = await registerAndLogin(t);
    const b = await registerAndLogin(t);
    userB = { id: b.user.id, token: b.token };
    admin = await loginAdmin(t);
    const authA = `Bearer ${a.token}`;

    const upload = await t
      .http()
      .post('/api/v1/files')
      .set('authorization', authA)
      .set('x-file-id', randomUUID())
      .attach('file', Buffer.from(`Cross-user ${randomUUID()}. Ada Lovelace worked with Charles Babbage in London. Ada Lovelace wrote notes.`), 'a.txt')
      .expect(202);
    const { file_id: fileId, job_id: jobId } = upload.body.data as { file_id: string; job_id: string };
    await waitFor(async () => {
      const status = await t.http().get(`/api/v1/files/${fileId}/status`).set('authorization', authA);
      if (status.body.data?.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(status.body.data)}`);
      return status.body.data?.status === 'completed';
    }, 60_000);
    const graph = await t.http().get(`/api/v1/graph/${fileId}`).set('authorization', authA).expect(200);
    const nodes = graph.body.data.nodes as { id: string }[];
    if (!nodes.length) throw new Error('the fixture text gave no graph entity');
    const batch = await t
      .http()
      .post('/api/v1/files/batch')
      .set('authorization', authA)
      .attach('file', Buffer.from(`Cross-user batch ${randomUUID()}. Grace Hopper worked in Arlington.`), 'b.txt')
      .expect(202);
    const batchId = (batch.body.data as { batch_id: string }).batch_id;
    const memoryKey = `cross-user.${randomUUID()}`;
    const memoryValue = { note: `A only ${randomUUID()}` };
    await t.http().put(`/api/v1/memory/${memoryKey}`).set('authorization', authA).send({ value: memoryValue }).expect((res) => {
      if (res.status >= 300) throw new Error(`memory put: ${res.status} ${res.text}`);
    });
    const migration = await t
      .http()
      .post('/api/v1/rq/migrations')
      .set('authorization', `Bearer ${admin}`)
      .send({ queue: 'memory_consolidation', from_shard: '0', to_queue: 'kg_extraction', states: ['failed'], limit: 1 })
      .expect(202);
    const migrationId = (migration.body.data as { migration_id: string }).migration_id;
    world = { userA: { id: a.user.id, token: a.token }, fileId, jobId, batchId, entityId: nodes[0].id, memoryKey, memoryValue, migrationId };

    const docs = await t.http().get('/docs-json').expect(200);
    operations = listOperations(docs.body as OpenApiDocument);
  }, 120_000);

  afterAll(async () => t?.close());

  it('has a fixture for every path parameter of every route that takes one', () => {
    const missing = [
      ...userRoutes().flatMap((op) => op.pathParams.filter((p) => !USER_FIXTURES[p]).map((p) => `${label(op)}: {${p}}`)),
      ...adminRoutes().flatMap((op) => op.pathParams.filter((p) => !ADMIN_FIXTURES[p]).map((p) => `${label(op)}: {${p}}`)),
      ...remoteWorkerRoutes().flatMap((op) => op.pathParams.filter((p) => !REMOTE_WORKER_FIXTURES[p]).map((p) => `${label(op)}: {${p}}`)),
    ];
    if (missing.length) {
      throw new Error(
        `No fixture for these path parameters: add one to USER_FIXTURES (a thing user A owns) or, for an admin-only ` +
          `route, to ADMIN_ONLY and ADMIN_FIXTURES in test/cross-user.e2e-spec.ts:\n  ${missing.join('\n  ')}`,
      );
    }
    // The walk reaches the routes the frontend uses.
    expect(userRoutes().map(label)).toEqual(
      expect.arrayContaining(['GET /api/v1/files/{file_id}', 'GET /api/v1/files/{file_id}/chunks', 'GET /api/v1/graph/entities/{id}/neighbors', 'GET /api/v1/memory/{key}']),
    );
  });

  it("answers 404 to another user on every operation with an id of A's thing, and leaves A's things unchanged", async () => {
    const before = await snapshotOfA();
    const wrong: string[] = [];
    // Writes and deletes too: they must find nothing. Reads and deletes before writes, so B's own memory written
    // under A's key does not exist yet when B reads or deletes that key.
    for (const op of inOrder(userRoutes(), ['read', 'delete', 'write'])) {
      const res = await call(op, pathOf(op, userValues(op)), userB.token);
      if (isCallerScopedWrite(op)) {
        if (res.status >= 300) wrong.push(`${label(op)} → ${res.status} (B writes its own): ${res.text.slice(0, 200)}`);
      } else if (res.status !== 404 || !/"success":false/.test(res.text)) {
        wrong.push(`${label(op)} → ${res.status}, not 404 in the envelope: ${res.text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOfA()).toBe(before);
  });

  it("answers the owner's reads with the thing (so each fixture is real)", async () => {
    const wrong: string[] = [];
    for (const op of userRoutes().filter((o) => SAFE.has(o.method))) {
      const res = await call(op, pathOf(op, userValues(op)), world.userA.token);
      if (res.status >= 300) wrong.push(`${label(op)} → ${res.status}: ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists nothing of A to B on any list or search of the API', async () => {
    const leaks: string[] = [];
    // Not the memory key: B may hold a memory of its own under the same name (written by the test above).
    const secrets = [world.fileId, world.entityId, JSON.stringify(world.memoryValue)];
    for (const op of operations.filter((o) => o.guarded && o.pathParams.length === 0 && o.method === 'GET' && !o.template.startsWith('/api/v1/rq'))) {
      const res = await call(op, op.template, userB.token);
      if (res.status >= 400) continue; // admin-only or needing parameters: not a leak
      const found = secrets.filter((secret) => res.text.includes(secret));
      if (found.length) leaks.push(`${label(op)} shows ${found.join(', ')}`);
    }
    expect(leaks).toEqual([]);
  });

  it('refuses admin-only routes to a user with 403 and no data', async () => {
    const wrong: string[] = [];
    for (const op of adminRoutes()) {
      const values = Object.fromEntries(op.pathParams.map((name) => [name, ADMIN_FIXTURES[name](world)]));
      const res = await call(op, pathOf(op, values), userB.token);
      const body = JSON.parse(res.text || '{}') as { data?: unknown; error?: { code?: string } };
      if (res.status !== 403 || body.error?.code !== 'FORBIDDEN' || body.data !== undefined) {
        wrong.push(`${label(op)} → ${res.status}: ${res.text.slice(0, 200)}`);
      }
    }
    expect(adminRoutes().length).toBeGreaterThanOrEqual(10);
    expect(wrong).toEqual([]);
  });

  it("refuses the remote-worker protocol to users' and admins' JWTs with 401 and no data", async () => {
    const wrong: string[] = [];
    for (const op of remoteWorkerRoutes()) {
      const values = Object.fromEntries(op.pathParams.map((name) => [name, REMOTE_WORKER_FIXTURES[name](world)]));
      for (const token of [userB.token, admin]) {
        const res = await call(op, pathOf(op, values), token);
        const body = JSON.parse(res.text || '{}') as { data?: unknown };
        if (res.status !== 401 || body.data !== undefined) wrong.push(`${label(op)} → ${res.status}: ${res.text.slice(0, 200)}`);
      }
    }
    expect(remoteWorkerRoutes().length).toBeGreaterThanOrEqual(5);
    expect(wrong).toEqual([]);
  });

  it('answers the admin on admin-only reads of A (user, jobs, queues)', async () => {
    const wrong: string[] = [];
    for (const op of adminRoutes().filter((o) => SAFE.has(o.method))) {
      const values = Object.fromEntries(op.pathParams.map((name) => [name, ADMIN_FIXTURES[name](world)]));
      const res = await call(op, pathOf(op, values), admin);
      if (res.status >= 300) wrong.push(`${label(op)} → ${res.status}: ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  // Last: the admin's writes and deletes act on A's things.
  it("gives the admin what each route promises on A's things: every user's files, jobs and graph; only its own memory", async () => {
    const wrong: string[] = [];
    // Writing a caller-scoped name makes the admin's own (checked with B above); deletes last, they end A's things.
    for (const op of inOrder(userRoutes(), ['read', 'write', 'delete']).filter((o) => !isCallerScopedWrite(o))) {
      const res = await call(op, pathOf(op, userValues(op)), admin);
      if (op.pathParams.some((p) => USER_FIXTURES[p].admin === 'own')) {
        if (res.status !== 404) wrong.push(`${label(op)} → ${res.status}, not 404 (scoped to the caller): ${res.text.slice(0, 200)}`);
      } else if (SAFE.has(op.method) ? res.status >= 300 : [401, 403, 404].includes(res.status) || res.status >= 500) {
        // A write may answer a 4xx it documents (409: nothing to cancel); never "not found" or "forbidden".
        wrong.push(`${label(op)} → ${res.status}: ${res.text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
