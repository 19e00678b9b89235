import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { FakeLlmServer } from '../src/graph/extractors/testing/fake-llm-server.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { type Child, startNode } from './support/child-process.js';
import { compilePrivateBuild } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { requireRedis, TEST_REDIS_URL } from './support/require-redis.js';
import { testEnv } from './support/test-env.js';
import { waitFor } from './support/wait-for.js';

const ANSWER = JSON.stringify({
  entities: [
    { name: 'Ada Lovelace', type: 'person' },
    { name: 'Analytical Engine', type: 'concept' },
  ],
  relations: [{ source: 'Ada Lovelace', target: 'Analytical Engine', relation: 'describe' }],
});

interface StatusDoc {
  status: string;
  kg_extraction: { status: string };
  searchable?: boolean;
}

/**
 * The flow across processes (RUN_WORKERS=false, one worker process per queue): a file_processing worker makes a
 * second file searchable while the kg_extraction worker still extracts the first; the kg_extraction worker is then
 * SIGKILLed mid-graph and a new one finishes the run: both files end completed, with no duplicate vectors or graph
 * mentions (the model answers each chunk with the same two entities: one mention per chunk each).
 */
describe('Pipeline flow across worker processes, a graph worker SIGKILLed mid-flow (e2e)', () => {
  const children: Child[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-flow-'));
  let buildDir: string;
  let server: FakeLlmServer;
  let env: Record<string, string>;
  let api: string;
  let token: string;
  let client: Redis;

  const http = () => request(api);
  const worker = async (queues: string) => {
    const child = startNode('src/worker.js', { ...env, WORKER_QUEUES: queues }, buildDir);
    children.push(child);
    await child.waitForOutput(/worker ready/, 180_000);
    return child;
  };
  const statusOf = async (fileId: string): Promise<StatusDoc> =>
    (await http().get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`).expect(200)).body.data;
  const upload = async (paragraphs: number, name: string): Promise<string> => {
    const text = Array.from({ length: paragraphs }, (_, i) => `Ada Lovelace described the Analytical Engine, note ${i} of ${randomUUID()}.`);
    const res = await http()
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(text.join('\n\n')), name)
      .expect(202);
    return res.body.data.file_id as string;
  };
  const until = (fileId: string, ok: (s: StatusDoc) => boolean, timeoutMs = 60_000) =>
    waitFor(async () => {
      const status = await statusOf(fileId);
      if (status.status === 'failed') throw new Error(`file failed: ${JSON.stringify(status)}`);
      return ok(status) ? status : undefined;
    }, timeoutMs, 50);

  beforeAll(async () => {
    await requireRedis();
    client = new Redis(TEST_REDIS_URL);
    server = new FakeLlmServer(() => ({ content: ANSWER }), 150);
    const [llm, build, port, dbPort] = await Promise.all([server.start(), compilePrivateBuild(), freePort(), freePort()]);
    buildDir = build;
    env = testEnv({
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(dbPort),
      DATABASE_URL: '',
      KG_EXTRACTOR: 'llm',
      LLM_BASE_URL: llm,
      LLM_MODEL: 'fake-model',
      LLM_CONCURRENCY: '1',
      CHUNK_SIZE_TOKENS: '32',
      CHUNK_OVERLAP_TOKENS: '0',
      WORKER_CONCURRENCY: '1',
      // A killed worker's job is taken again within seconds.
      WORKER_LOCK_DURATION_MS: '4000',
      WORKER_STALLED_INTERVAL_MS: '2000',
    });
    const apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' }, buildDir);
    children.push(apiProcess);
    await apiProcess.waitForOutput(/Swagger/, 180_000);
    api = `http://127.0.0.1:${port}`;
    await Promise.all([worker(QueueName.FileProcessing), worker(QueueName.KgExtraction)]);
    const login = await http().post('/api/v1/auth/login').send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }).expect(200);
    token = login.body.data.access_token as string;
  }, 420_000);

  afterAll(async () => {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
    for (const name of [QueueName.FileProcessing, QueueName.Vectorization, QueueName.KgExtraction]) {
      const queue = new Queue(name, { connection: client, prefix: env.QUEUE_PREFIX });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    client.disconnect();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it('parses a second file while the first is extracted, and recovers the killed graph stage without duplicates', async () => {
    const first = await upload(40, 'first.txt');
    await until(first, (s) => s.kg_extraction.status === 'processing');
    const second = await upload(3, 'second.txt');
    await until(second, (s) => s.searchable === true);
    // The file_processing worker made the second file searchable while the graph worker still works on the first.
    expect(await statusOf(first)).toMatchObject({ status: 'processing', searchable: true, kg_extraction: { status: 'processing' } });

    const graphWorker = children.at(-1)!;
    graphWorker.process.kill('SIGKILL');
    expect(await graphWorker.exited).toBe('SIGKILL');
    await worker(QueueName.KgExtraction);

    for (const fileId of [first, second]) {
      await until(fileId, (s) => s.status === 'completed' && s.kg_extraction.status === 'completed');
      const auth = { Authorization: `Bearer ${token}` };
      const file = (await http().get(`/api/v1/files/${fileId}`).set(auth).expect(200)).body.data;
      const vectors = (await http().get(`/api/v1/vectors/${fileId}`).set(auth).expect(200)).body.data;
      const graph = (await http().get(`/api/v1/graph/${fileId}`).set(auth).expect(200)).body.data;
      expect(file.status).toBe('completed');
      expect(vectors.count).toBe(file.chunk_count);
      const ada = (graph.nodes as { name: string; mention_count: number }[]).find((n) => n.name === 'Ada Lovelace');
      expect(ada?.mention_count).toBe(file.chunk_count);
    }
    // The first file's graph job was the one killed: it ran again (an attempt counted) and completed.
    const kg = new Queue(QueueName.KgExtraction, { connection: client, prefix: env.QUEUE_PREFIX });
    try {
      const job = (await kg.getJob(`file:${first}:graph`))!;
      expect(await job.getState()).toBe('completed');
      expect(job.attemptsMade).toBeGreaterThanOrEqual(1);
    } finally {
      await kg.close();
    }
  }, 300_000);
});
