import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, compileForProcesses } from '../../test/support/compiled-src.js';
import { writeTinyEmbeddingModel } from '../../test/fixtures/tiny-embedding-model.js';
import { FakeLlmServer } from '../graph/extractors/testing/fake-llm-server.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { remoteGraphSchema, remoteVectorsSchema } from '../remote-workers/remote-result.schema.js';
import type { RemoteInputLine } from '../remote-workers/remote-step.js';
import { FakeEmbeddingServer, fakeVector } from '../vectors/embedding/testing/fake-embedding-server.js';
import { type FakeLeaseAnswer, type FakeRemoteJob, FakeRemoteApi } from './testing/fake-remote-api.js';

const TOKEN = 'rw_cli-spec-token';
const TEXTS = ['Ada Lovelace worked with Charles Babbage in London.', 'Marie Curie worked in Paris with Pierre Curie at the Sorbonne.', 'tea volcano lava'];
const LLM_ANSWER = JSON.stringify({
  entities: [
    { name: 'Ada Lovelace', type: 'person' },
    { name: 'Charles Babbage', type: 'person' },
  ],
  relations: [{ source: 'Ada Lovelace', target: 'Charles Babbage', relation: 'works_with' }],
});

/** A job of the fake API: the header line, then one chunk line per text. */
function remoteJob(id: string, name: 'vectorize-file' | 'extract-graph', needs: ('vectors' | 'graph')[], embedding: { model: string; dimension: number }): FakeRemoteJob {
  const queue = name === 'vectorize-file' ? QueueName.Vectorization : QueueName.KgExtraction;
  const input: RemoteInputLine[] = [
    { type: 'job', file_id: `file-${id}`, chunk_count: TEXTS.length, needs, embedding },
    ...TEXTS.map((text, i): RemoteInputLine => ({ type: 'chunk', id: `${id}-chunk-${i}`, chunk_index: i, text })),
  ];
  return { job: { id, name, queue, data: { file_id: `file-${id}` } }, input };
}

function completed(answer: FakeLeaseAnswer): Record<string, unknown> {
  if (!('complete' in answer)) throw new Error(`the worker failed the job: ${JSON.stringify(answer.fail)}`);
  return answer.complete;
}

/**
 * The reference remote worker's command line (`npm run remote-worker`), compiled and run as its own process against a
 * fake protocol server: an environment with only its provider settings (NODE_ENV=production, no JWT_SECRET, REDIS_URL,
 * DATABASE_URL or DATA_DIR), embedding with an OpenAI-compatible server or a local ONNX model folder, extracting
 * with the llm or rules extractor. Its results must pass the API's own result schemas.
 */
describe('reference remote worker CLI (a process with only a URL and a token)', () => {
  let dir: string;
  let api: FakeRemoteApi;
  let base: string;
  const children: ChildProcess[] = [];

  function startWorker(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [join(BUILD_DIR, 'src/remote-worker/remote-worker.js'), '--api', base, '--token', TOKEN, '--max-wait-ms', '200', ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => output, exited };
  }

  /** Answers of the jobs, or a timeout error with the worker's output. */
  async function answers(worker: { output: () => string }, jobs: FakeRemoteJob[]): Promise<FakeLeaseAnswer[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within 60 s:\n${worker.output()}`)), 60_000);
    });
    try {
      return await Promise.race([Promise.all(jobs.map((job) => api.answerTo(job))), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'remote-worker-cli-'));
    api = new FakeRemoteApi(TOKEN);
    base = await api.start();
    await compileForProcesses();
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('embeds with an OpenAI-compatible server and extracts with the llm extractor', async () => {
    const embeddings = new FakeEmbeddingServer(8);
    const llm = new FakeLlmServer(() => ({ content: LLM_ANSWER }), 5);
    const [embeddingUrl, llmUrl] = await Promise.all([embeddings.start(), llm.start()]);
    try {
      const worker = startWorker({
        EMBEDDING_PROVIDER: 'openai',
        EMBEDDING_MODEL: 'fake-embed',
        EMBEDDING_DIMENSION: '8',
        EMBEDDING_BASE_URL: embeddingUrl,
        KG_EXTRACTOR: 'llm',
        LLM_BASE_URL: llmUrl,
        LLM_MODEL: 'fake-llm',
      });
      const embedding = { model: 'fake-embed', dimension: 8 };
      const [vectorsAnswer, graphAnswer] = await answers(worker, [
        remoteJob('v1', 'vectorize-file', ['vectors'], embedding),
        remoteJob('g1', 'extract-graph', ['vectors', 'graph'], embedding),
      ]);

      const vectors = remoteVectorsSchema.parse(completed(vectorsAnswer));
      expect(vectors).toMatchObject({ model: 'fake-embed', dimension: 8 });
      expect(vectors.vectors.map((v) => v.chunk_id)).toEqual(['v1-chunk-0', 'v1-chunk-1', 'v1-chunk-2']);
      for (const { embedding: vector } of vectors.vectors) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
      expect(embeddings.texts).toEqual(expect.arrayContaining(TEXTS));

      // An extract-graph that re-chunked the file needs both parts: vectors and findings.
      const graph = remoteGraphSchema.parse(completed(graphAnswer));
      expect(graph.extractor).toBe('llm');
      expect(graph.chunks).toHaveLength(TEXTS.length);
      expect(graph.chunks[0].entities.map((e) => e.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
      expect(remoteVectorsSchema.parse(completed(graphAnswer).vectors).vectors).toHaveLength(TEXTS.length);
      expect(llm.requests.every((r) => r.model === 'fake-llm')).toBe(true);

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain('vectorization job v1 completed');
    } finally {
      await Promise.all([embeddings.stop(), llm.stop()]);
    }
  }, 90_000);

  it('embeds with a local ONNX model folder and extracts with the rules extractor, and stops on SIGTERM', async () => {
    const model = await writeTinyEmbeddingModel(join(dir, 'tiny-embedder'), ['tea', 'volcano', 'lava']);
    const worker = startWorker({ EMBEDDING_PROVIDER: 'local', EMBEDDING_MODEL: model.dir, EMBEDDING_DIMENSION: '8', HF_HUB_OFFLINE: '1', KG_EXTRACTOR: 'rules' });
    const [vectorsAnswer, graphAnswer] = await answers(worker, [
      remoteJob('v2', 'vectorize-file', ['vectors'], { model: model.dir, dimension: 8 }),
      remoteJob('g2', 'extract-graph', ['graph'], { model: model.dir, dimension: 8 }),
    ]);

    const vectors = remoteVectorsSchema.parse(completed(vectorsAnswer)).vectors;
    expect(vectors).toHaveLength(TEXTS.length);
    for (const { embedding } of vectors) expect(Math.hypot(...embedding)).toBeCloseTo(1, 5);
    expect(vectors[2].embedding).not.toEqual(vectors[0].embedding);

    const graph = remoteGraphSchema.parse(completed(graphAnswer));
    expect(graph.extractor).toBe('rules');
    expect(graph.chunks.flatMap((c) => c.entities.map((e) => e.name))).toEqual(expect.arrayContaining(['Marie Curie']));
    expect(completed(graphAnswer).vectors).toBeUndefined();

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it("heartbeats within the lease by the API's clock when this machine's clock is minutes off", async () => {
    const slow = new FakeEmbeddingServer(8);
    slow.handler = (body, res) => slow.answer(res, body.input.map((text) => fakeVector(text, 8)), 2500);
    const embeddingUrl = await slow.start();
    // The API's clock 10 minutes ahead: lease_expires_at read by this machine's clock would look 10 minutes away.
    api.clockOffsetMs = 10 * 60_000;
    try {
      const worker = startWorker({ EMBEDDING_PROVIDER: 'openai', EMBEDDING_MODEL: 'fake-embed', EMBEDDING_DIMENSION: '8', EMBEDDING_BASE_URL: embeddingUrl });
      const [answer] = await answers(worker, [remoteJob('v4', 'vectorize-file', ['vectors'], { model: 'fake-embed', dimension: 8 })]);
      expect(completed(answer)).toMatchObject({ model: 'fake-embed' });
      // A 3 s lease and a 2.5 s job: heartbeats about every second.
      expect(api.heartbeats.filter((h) => h.job_id === 'v4').length).toBeGreaterThanOrEqual(1);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    } finally {
      api.clockOffsetMs = 0;
      await slow.stop();
    }
  }, 60_000);

  it("fails a job for good when its model is not the API's, and exits on a refused token or a bad command line", async () => {
    const worker = startWorker({ EMBEDDING_PROVIDER: 'hash', EMBEDDING_DIMENSION: '8' }, ['--queues', 'vectorization']);
    const [answer] = await answers(worker, [remoteJob('v3', 'vectorize-file', ['vectors'], { model: 'the-api-model', dimension: 384 })]);
    expect(answer).toEqual({ fail: { error: expect.stringMatching(/the API stores the-api-model \(384\)/), retryable: false } });
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);

    const refused = spawn(process.execPath, [join(BUILD_DIR, 'src/remote-worker/remote-worker.js'), '--api', base, '--token', 'rw_wrong'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    children.push(refused);
    let refusedOutput = '';
    refused.stderr.on('data', (d: Buffer) => (refusedOutput += d.toString()));
    expect(await new Promise((resolve) => refused.once('exit', resolve))).toBe(1);
    expect(refusedOutput).toContain('token refused (401 REMOTE_WORKER_UNAUTHENTICATED');

    const usage = startWorker({}, ['--queues', 'file_processing']);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('--queues takes vectorization, kg_extraction');
  }, 60_000);
});
