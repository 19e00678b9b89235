import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { FileChunksService } from '../src/files/file-chunks.service.js';
import { GOLD_TEXT } from '../src/graph/extractors/testing/gold-corpus.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

interface GraphBody {
  file_id: string;
  nodes: { id: string; name: string; type: string; mention_count: number }[];
  edges: { source: string; target: string; relation: string; weight: number }[];
}

describe('Graph API (e2e)', () => {
  let t: TestApp;
  let redis: Redis;
  const fileIds: string[] = [];
  let alice: { token: string };
  let bob: { token: string };
  let fileA: string;

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = async (token: string, text: string, name: string): Promise<string> => {
    const res = await t.http().post('/api/v1/files').set(as(token)).attach('file', Buffer.from(text), name).expect(202);
    const fileId = res.body.data.file_id as string;
    fileIds.push(fileId);
    await waitFor(async () => {
      const status = await t.http().get(`/api/v1/files/${fileId}/status`).set(as(token));
      if (status.body.data?.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(status.body)}`);
      return status.body.data?.status === 'completed';
    }, 30_000);
    return fileId;
  };
  const graphOf = async (token: string, fileId: string): Promise<GraphBody> => {
    const res = await t.http().get(`/api/v1/graph/${fileId}?limit=500`).set(as(token)).expect(200);
    return res.body.data as GraphBody;
  };
  const sorted = (graph: GraphBody) => ({
    ...graph,
    nodes: [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...graph.edges].sort((a, b) =>
      `${a.source}${a.target}${a.relation}`.localeCompare(`${b.source}${b.target}${b.relation}`),
    ),
  });
  /** Queues a regeneration and waits until that job has finished; returns the job's result. */
  const regenerate = async (token: string, fileId: string, body: object = {}) => {
    const res = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(as(token)).send(body).expect(202);
    expect(res.body.data).toEqual({ job_id: `file:${fileId}:graph`, status: expect.any(String) });
    const queue = t.app.get(TaskQueueService);
    return waitFor(async () => {
      const job = await queue.getJob(QueueName.KgExtraction, res.body.data.job_id);
      if (job?.failedReason) throw new Error(job.failedReason);
      return job?.finishedOn ? (job.returnvalue as { entities: number; relations: number }) : undefined;
    }, 30_000);
  };
  const searchEntities = async (token: string, q: string) =>
    (await t.http().get(`/api/v1/graph/entities?q=${encodeURIComponent(q)}`).set(as(token)).expect(200)).body.data as {
      entities: GraphBody['nodes'];
      count: number;
    };

  beforeAll(async () => {
    t = await createTestApp({ CHUNK_SIZE_TOKENS: '48', CHUNK_OVERLAP_TOKENS: '8' });
    redis = new Redis(TEST_REDIS_URL);
    alice = await registerAndLogin(t);
    bob = await registerAndLogin(t);
    fileA = await upload(alice.token, GOLD_TEXT, 'scientists.txt');
  });
  afterAll(async () => {
    for (const id of fileIds) {
      await redis.del(RedisKeys.uploadProgress(id), RedisKeys.processingStatus(id));
    }
    await redis.quit();
    await t.close();
  });

  it("builds the file's graph in the pipeline: named entities and relations, kg_extraction completed", async () => {
    const graph = await graphOf(alice.token, fileA);
    expect(graph.file_id).toBe(fileA);
    expect(graph.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Marie Curie', type: 'person', mention_count: expect.any(Number) }),
        expect.objectContaining({ name: 'Berlin', type: 'place' }),
        expect.objectContaining({ name: 'Microsoft', type: 'organization' }),
      ]),
    );
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.length).toBeGreaterThan(0);
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.weight).toBeGreaterThan(0);
    }
    const status = await t.http().get(`/api/v1/files/${fileA}/status`).set(as(alice.token)).expect(200);
    expect(status.body.data.kg_extraction).toEqual({ status: 'completed', progress: 100 });
  });

  it('limits the nodes of a file graph, and edges only join returned nodes', async () => {
    const res = await t.http().get(`/api/v1/graph/${fileA}?limit=3`).set(as(alice.token)).expect(200);
    const graph = res.body.data as GraphBody;
    expect(graph.nodes).toHaveLength(3);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('regenerating twice gives the same graph, ids included', async () => {
    const before = sorted(await graphOf(alice.token, fileA));
    const first = await regenerate(alice.token, fileA);
    const afterFirst = sorted(await graphOf(alice.token, fileA));
    const second = await regenerate(alice.token, fileA, { force_rechunk: false });
    const afterSecond = sorted(await graphOf(alice.token, fileA));
    expect(second).toEqual(first);
    expect(afterFirst).toEqual(before);
    expect(afterSecond).toEqual(before);
  });

  it('force_rechunk chunks the file again, regenerates its vectors, and re-links the graph to the new chunks', async () => {
    const chunks = t.app.get(FileChunksService);
    const oldChunkIds = (await chunks.listChunks(fileA)).map((c) => c.id);
    const before = sorted(await graphOf(alice.token, fileA));

    await regenerate(alice.token, fileA, { force_rechunk: true });

    const newChunkIds = (await chunks.listChunks(fileA)).map((c) => c.id);
    expect(newChunkIds).toHaveLength(oldChunkIds.length);
    expect(newChunkIds.some((id) => oldChunkIds.includes(id))).toBe(false);
    const mentioned = await t.runtime.pool.query<{ chunk_id: string }>(
      'select distinct chunk_id from graph_mentions where file_id = $1',
      [fileA],
    );
    expect(mentioned.rows.length).toBeGreaterThan(0);
    expect(mentioned.rows.every((r) => newChunkIds.includes(r.chunk_id))).toBe(true);
    const vectors = await t.runtime.pool.query<{ chunk_id: string }>('select chunk_id from chunk_vectors where file_id = $1', [
      fileA,
    ]);
    expect(vectors.rows.map((r) => r.chunk_id).sort()).toEqual([...newChunkIds].sort());
    expect(sorted(await graphOf(alice.token, fileA))).toEqual(before);
  });

  it("deleting a file removes its contributions but keeps entities another file still mentions", async () => {
    const shared = 'Marie Curie lectured in Zanzibar. Marie Curie met Ludwig Wittgenstein in Zanzibar.';
    const fileB = await upload(alice.token, shared, 'zanzibar.txt');
    const curieBefore = (await searchEntities(alice.token, 'marie curie')).entities.find((e) => e.name === 'Marie Curie');
    expect((await searchEntities(alice.token, 'zanzibar')).count).toBe(1);

    await t.http().delete(`/api/v1/files/${fileB}`).set(as(alice.token)).expect(200);

    expect((await searchEntities(alice.token, 'zanzibar')).count).toBe(0);
    expect((await searchEntities(alice.token, 'wittgenstein')).count).toBe(0);
    const curieAfter = (await searchEntities(alice.token, 'marie curie')).entities.find((e) => e.name === 'Marie Curie');
    expect(curieAfter?.id).toBe(curieBefore?.id);
    expect(curieAfter?.mention_count).toBe((curieBefore?.mention_count ?? 0) - 2);
  });

  it("keeps users apart: another user's file is 404, their entities invisible; the admin sees all", async () => {
    await t.http().get(`/api/v1/graph/${fileA}`).set(as(bob.token)).expect(404);
    await t.http().post(`/api/v1/graph/${fileA}/regenerate`).set(as(bob.token)).send({}).expect(404);
    expect((await searchEntities(bob.token, 'curie')).count).toBe(0);
    const curie = (await searchEntities(alice.token, 'marie curie')).entities[0];
    await t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors`).set(as(bob.token)).expect(404);

    const admin = await loginAdmin(t);
    expect((await searchEntities(admin, 'marie curie')).count).toBeGreaterThanOrEqual(1);
    await t.http().get(`/api/v1/graph/${fileA}`).set(as(admin)).expect(200);
    await t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors`).set(as(admin)).expect(200);
  });

  it('finds entities by name and type, and neighbors up to depth 3', async () => {
    const res = await t.http().get('/api/v1/graph/entities?type=person&limit=50').set(as(alice.token)).expect(200);
    expect(res.body.data.entities.length).toBeGreaterThan(5);
    expect(res.body.data.entities.every((e: { type: string }) => e.type === 'person')).toBe(true);

    const curie = (await searchEntities(alice.token, 'marie curie')).entities[0];
    const depth1 = await t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors?depth=1`).set(as(alice.token)).expect(200);
    expect(depth1.body.data.entity).toMatchObject({ id: curie.id, name: 'Marie Curie' });
    expect(depth1.body.data.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Warsaw', 'Paris']));
    expect(depth1.body.data.nodes.every((n: { depth: number }) => n.depth === 1)).toBe(true);
    const depth3 = await t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors?depth=3`).set(as(alice.token)).expect(200);
    expect(depth3.body.data.nodes.length).toBeGreaterThanOrEqual(depth1.body.data.nodes.length);
  });

  it('answers bad values with 400 and unknown ids with 404', async () => {
    const auth = as(alice.token);
    const curie = (await searchEntities(alice.token, 'marie curie')).entities[0];
    const bad = [
      t.http().get('/api/v1/graph/not-a-uuid').set(auth),
      t.http().get(`/api/v1/graph/${fileA}?limit=0`).set(auth),
      t.http().get(`/api/v1/graph/${fileA}?limit=abc`).set(auth),
      t.http().post('/api/v1/graph/not-a-uuid/regenerate').set(auth).send({}),
      t.http().post(`/api/v1/graph/${fileA}/regenerate`).set(auth).send({ force_rechunk: 'yes' }),
      t.http().post(`/api/v1/graph/${fileA}/regenerate`).set(auth).send({ extra: 1 }),
      t.http().get('/api/v1/graph/entities?type=planet').set(auth),
      t.http().get('/api/v1/graph/entities?limit=1000').set(auth),
      t.http().get('/api/v1/graph/entities/not-a-uuid/neighbors').set(auth),
      t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors?depth=0`).set(auth),
      t.http().get(`/api/v1/graph/entities/${curie.id}/neighbors?depth=4`).set(auth),
    ];
    for (const [index, res] of (await Promise.all(bad)).entries()) {
      expect({ index, status: res.status }).toEqual({ index, status: 400 });
      expect(res.body.success).toBe(false);
    }
    await t.http().get(`/api/v1/graph/${randomUUID()}`).set(auth).expect(404);
    await t.http().get(`/api/v1/graph/entities/${randomUUID()}/neighbors`).set(auth).expect(404);
    await t.http().get('/api/v1/graph/entities').expect(401);
  });
});

describe('Graph regeneration queueing (e2e, no workers)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false' });
  });
  afterAll(async () => t.close());

  it('answers 202 {job_id, status: queued}, and the same job while it is queued', async () => {
    const { token } = await registerAndLogin(t);
    const auth = { authorization: `Bearer ${token}` };
    const upload = await t
      .http()
      .post('/api/v1/files')
      .set(auth)
      .attach('file', Buffer.from(`Tim Cook leads Apple. ${randomUUID()}`), 'apple.txt')
      .expect(202);
    const fileId = upload.body.data.file_id as string;
    const tasks = t.app.get(TaskQueueService);
    // While the upload's run waits, its own graph job (deferred behind the text stage) is the answer.
    const during = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(auth).send({}).expect(202);
    expect(during.body.data).toMatchObject({ job_id: `file:${fileId}:graph`, status: 'deferred' });
    // The run gone (as after it ended and was cleaned up), a regeneration queues a job of its own.
    await (await tasks.getJob(QueueName.KgExtraction, `file:${fileId}:graph`))!.remove();
    const first = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(auth).send({ force_rechunk: false }).expect(202);
    expect(first.body).toMatchObject({ success: true, data: { job_id: `file:${fileId}:graph`, status: 'queued' } });
    const second = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(auth).send({}).expect(202);
    expect(second.body.data).toEqual(first.body.data);
    const job = await tasks.getJob(QueueName.KgExtraction, `file:${fileId}:graph`);
    expect(job?.data).toEqual({ file_id: fileId, force_rechunk: false });
  });
});
