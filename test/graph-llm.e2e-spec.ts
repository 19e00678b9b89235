import { FakeLlmServer, type FakeReply } from '../src/graph/extractors/testing/fake-llm-server.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { registerAndLogin } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const VALID = JSON.stringify({
  entities: [
    { name: 'Ada Lovelace', type: 'person' },
    { name: 'Analytical Engine', type: 'concept' },
  ],
  relations: [{ source: 'Ada Lovelace', target: 'Analytical Engine', relation: 'describe' }],
});

function reply(text: string): FakeReply {
  return { content: text.includes('GARBLED') ? 'no JSON here' : VALID };
}

describe('Graph with KG_EXTRACTOR=llm (e2e, local model server)', () => {
  let t: TestApp;
  let server: FakeLlmServer;

  beforeAll(async () => {
    server = new FakeLlmServer(reply, 5);
    const baseUrl = await server.start();
    t = await createTestApp({
      KG_EXTRACTOR: 'llm',
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: 'fake-model',
      CHUNK_SIZE_TOKENS: '32',
      CHUNK_OVERLAP_TOKENS: '0',
    });
  });
  afterAll(async () => {
    await t.close();
    await server.stop();
  });

  it('builds the graph from the model; a chunk answered malformed twice fails alone; a rerun hits the cache', async () => {
    const { token } = await registerAndLogin(t);
    const auth = { authorization: `Bearer ${token}` };
    const paragraphs = [
      'Ada Lovelace wrote the first notes on the Analytical Engine, a machine designed by Charles Babbage in London.',
      'GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED GARBLED.',
      'Ada Lovelace also imagined that the Analytical Engine could compose music and handle symbols, not only numbers.',
    ];
    const upload = await t
      .http()
      .post('/api/v1/files')
      .set(auth)
      .attach('file', Buffer.from(paragraphs.join('\n\n')), 'ada.txt')
      .expect(202);
    const fileId = upload.body.data.file_id as string;
    const status = await waitFor(async () => {
      const res = await t.http().get(`/api/v1/files/${fileId}/status`).set(auth);
      return ['completed', 'failed'].includes(res.body.data?.status) ? res.body.data : undefined;
    }, 30_000);
    expect(status.status).toBe('completed');
    expect(status.kg_extraction).toEqual({ status: 'completed', progress: 100 });

    const graph = await t.http().get(`/api/v1/graph/${fileId}`).set(auth).expect(200);
    expect(graph.body.data.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Ada Lovelace', 'Analytical Engine']);
    expect(graph.body.data.edges).toEqual([expect.objectContaining({ relation: 'describe' })]);
    expect(server.requests.every((r) => r.model === 'fake-model')).toBe(true);

    const garbledCalls = () => server.requests.filter((r) => r.messages.some((m) => m.content.includes('GARBLED'))).length;
    const before = { total: server.requests.length, garbled: garbledCalls() };
    expect(before.garbled).toBeGreaterThanOrEqual(2);

    const queued = await t.http().post(`/api/v1/graph/${fileId}/regenerate`).set(auth).send({}).expect(202);
    const result = await waitFor(async () => {
      const job = await t.app.get(TaskQueueService).getJob(QueueName.KgExtraction, queued.body.data.job_id);
      if (job?.failedReason) throw new Error(job.failedReason);
      return job?.finishedOn ? (job.returnvalue as { failed_chunk_ids: string[] }) : undefined;
    }, 30_000);
    expect(result.failed_chunk_ids.length).toBeGreaterThanOrEqual(1);
    // Only the failed chunks were asked again: the valid answers came from the cache.
    expect(server.requests.length - before.total).toBe(garbledCalls() - before.garbled);
  });
});
