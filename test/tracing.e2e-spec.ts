import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type Child, startNode } from './support/child-process.js';
import { BUILD_DIR, compileForProcesses } from './support/compiled-src.js';
import { type CollectedSpan, type OtlpCollector, startOtlpCollector } from './support/otlp-collector.js';
import { freePort } from './support/private-redis.js';
import { testEnv } from './support/test-env.js';
import { requireRedis } from './support/require-redis.js';
import { waitFor } from './support/wait-for.js';

/**
 * OpenTelemetry across processes: an API process (RUN_WORKERS=false) and a worker process, both started with the
 * tracing preload and OTEL_EXPORTER_OTLP_ENDPOINT pointing at an in-memory OTLP receiver. One upload must give one
 * trace: the HTTP request, the enqueue, the job run in the worker, its database and Redis calls.
 */
describe('traces of an upload across the API and a worker process', () => {
  const children: Child[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-traces-'));
  let collector: OtlpCollector;
  let api: string;

  beforeAll(async () => {
    await requireRedis();
    await compileForProcesses();
    collector = await startOtlpCollector();
    const port = await freePort();
    const env = testEnv({
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      NODE_OPTIONS: `--import ${join(BUILD_DIR, 'src/infra/telemetry/preload.js')}`,
    });
    const apiProcess = startNode('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    children.push(apiProcess);
    await apiProcess.waitForOutput(/Swagger/, 90_000);
    const worker = startNode('src/worker.js', env);
    children.push(worker);
    await worker.waitForOutput(/worker ready/, 90_000);
    api = `http://127.0.0.1:${port}`;
  }, 180_000);

  afterAll(async () => {
    for (const child of children) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    await collector?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('links the upload request, the enqueue and the job run in the worker (with its pg and Redis calls) in one trace', async () => {
    const login = await request(api)
      .post('/api/v1/auth/login')
      .send({ email: 'admin@example.com', password: 'admin-password-123' })
      .expect(200);
    const token = login.body.data.access_token as string;
    const upload = await request(api)
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from('Ada Lovelace wrote the first program with Charles Babbage in London.\n'.repeat(20)), 'ada.txt')
      .expect(202);
    const fileId = upload.body.data.file_id as string;
    await waitFor(async () => {
      const res = await request(api).get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`);
      return ['completed', 'failed'].includes(res.body.data?.status);
    }, 60_000);
    // Stopping the processes flushes their last spans.
    for (const child of children.splice(0)) {
      child.process.kill('SIGTERM');
      await child.exited;
    }

    const spans = collector.spans;
    const request_ = spans.find((s) => s.service === 'docai-api' && s.kind === 2 && /POST/.test(s.name) && String(s.attributes['http.route'] ?? s.attributes['url.path'] ?? s.attributes['http.target'] ?? '').includes('files'));
    expect(request_).toBeDefined();
    const trace = spans.filter((s) => s.traceId === request_!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const descendsFromRequest = (span: CollectedSpan): boolean => {
      for (let at: CollectedSpan | undefined = span; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) {
        if (at.spanId === request_!.spanId) return true;
      }
      return false;
    };
    const summary = trace.map((s) => `${s.service}: ${s.name}`);
    const workerSpans = trace.filter((s) => s.service === 'docai-worker');
    expect({ summary, enqueue: trace.some((s) => s.service === 'docai-api' && /add/i.test(s.name) && /file_processing/.test(s.name)) }).toMatchObject({ enqueue: true });
    const jobRun = workerSpans.find((s) => /process/i.test(s.name) && /file_processing/.test(s.name));
    expect({ summary, jobRun: !!jobRun }).toMatchObject({ jobRun: true });
    expect(descendsFromRequest(jobRun!)).toBe(true);
    expect({ summary, pg: workerSpans.some((s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql') }).toMatchObject({ pg: true });
    expect({ summary, redis: workerSpans.some((s) => s.attributes['db.system'] === 'redis' || s.attributes['db.system.name'] === 'redis') }).toMatchObject({ redis: true });
  }, 120_000);
});
