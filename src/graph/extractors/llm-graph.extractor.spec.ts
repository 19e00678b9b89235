import { rm } from 'node:fs/promises';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { testEnv } from '../../../test/support/test-env.js';
import { type AppConfig, loadConfig } from '../../infra/config/app-config.js';
import { GraphLlmCacheRepository } from '../graph-llm-cache.repository.js';
import { GraphMerger } from '../graph-merger.js';
import { LlmChatClient } from './llm-chat.client.js';
import { RETRY_PROMPT } from './llm-extraction.schema.js';
import { LlmGraphExtractor } from './llm-graph.extractor.js';
import { FakeLlmServer, type FakeReply } from './testing/fake-llm-server.js';

const VALID = JSON.stringify({
  entities: [
    { name: 'Ada Lovelace', type: 'Person', description: 'Mathematician' },
    { name: 'Analytical Engine', type: 'concept' },
  ],
  relations: [{ source: 'Ada Lovelace', target: 'Analytical Engine', relation: 'describe' }],
});

const CHINESE = JSON.stringify({
  entities: [
    { name: '國立臺灣大學', type: 'organization' },
    { name: '臺北市政府', type: 'organization' },
  ],
  relations: [{ source: '國立臺灣大學', target: '臺北市政府', relation: 'cooperate_with' }],
});

/** The fake model's behaviour is chosen by a word in the chunk text. */
function reply(text: string, call: number): FakeReply {
  if (text.includes('MALFORMED-ALWAYS')) return { content: call % 2 ? 'Sure! Here is the graph: {' : '{"entities": "none"}' };
  if (text.includes('MALFORMED-ONCE') && call === 1) return { content: '```json\n{"entities": [{"name": ""}]\n```' };
  if (text.includes('RATE-LIMITED') && call === 1) return { status: 429, headers: { 'retry-after-ms': '10' } };
  if (text.includes('BAD-KEY')) return { status: 401 };
  if (text.includes('FENCED')) return { content: '```json\n' + VALID + '\n```' };
  if (text.includes('臺北')) return { content: CHINESE };
  return { content: VALID };
}

describe('LlmGraphExtractor (local OpenAI-compatible server)', () => {
  let server: FakeLlmServer;
  let database: TestDatabase;
  let config: AppConfig;
  let extractor: LlmGraphExtractor;

  beforeAll(async () => {
    server = new FakeLlmServer(reply);
    const baseUrl = await server.start();
    database = await createTestDatabase();
    config = loadConfig(
      testEnv({ KG_EXTRACTOR: 'llm', LLM_BASE_URL: baseUrl, LLM_MODEL: `test-model-${Date.now()}`, LLM_CONCURRENCY: '2' }),
    );
    extractor = new LlmGraphExtractor(config, new LlmChatClient(config), new GraphLlmCacheRepository(database.db));
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
    await rm(config.dataDir, { recursive: true, force: true });
  });

  it('turns a valid JSON answer into entities and relations of that chunk, asking with the JSON schema', async () => {
    const text = 'VALID: Ada Lovelace wrote about the Analytical Engine.';
    const result = await extractor.extract([{ id: 'c-valid', text }]);
    expect(result.failedChunkIds).toEqual([]);
    const graph = new GraphMerger().merge(result.chunks);
    expect([...graph.entities.values()].map((e) => [e.name, e.type, [...e.mentions.keys()]])).toEqual([
      ['Ada Lovelace', 'person', ['c-valid']],
      ['Analytical Engine', 'concept', ['c-valid']],
    ]);
    expect(graph.relations.map((r) => r.relation)).toEqual(['describe']);
    const request = server.requests.find((r) => r.messages.some((m) => m.content === text));
    expect(request?.model).toBe(config.graph.llmModel);
    expect(request?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'knowledge_graph' } });
  });

  it('asks in a language-neutral prompt and keeps Chinese names as the text writes them', async () => {
    const text = '國立臺灣大學與臺北市政府合作推動智慧城市計畫。';
    const result = await extractor.extract([{ id: 'c-zh', text }]);
    const graph = new GraphMerger().merge(result.chunks);
    expect([...graph.entities.values()].map((e) => e.name)).toEqual(['國立臺灣大學', '臺北市政府']);
    const request = server.requests.find((r) => r.messages.some((m) => m.content === text));
    const system = request?.messages.find((m) => m.role === 'system')?.content ?? '';
    expect(system).toMatch(/any language/);
    expect(system).toMatch(/never translate/);
  });

  it('does not ask again for a chunk it has answered before (cache by model, prompt version, text)', async () => {
    const text = 'VALID: cached chunk about Ada Lovelace.';
    await extractor.extract([{ id: 'c1', text }]);
    const again = await extractor.extract([{ id: 'c2', text }]);
    expect(server.callsFor(text)).toBe(1);
    expect(again.chunks[0]).toMatchObject({ chunkId: 'c2' });
    expect(again.chunks[0].entities).toHaveLength(2);
  });

  it('asks once more after a malformed answer and uses the second one', async () => {
    const text = 'MALFORMED-ONCE: Ada Lovelace and the Analytical Engine.';
    const result = await extractor.extract([{ id: 'c-retry', text }]);
    expect(result.failedChunkIds).toEqual([]);
    expect(result.chunks[0].entities.map((e) => e.name)).toContain('Ada Lovelace');
    expect(server.callsFor(text)).toBe(2);
    const retry = server.requests.filter((r) => r.messages.some((m) => m.content === text))[1];
    expect(retry.messages[retry.messages.length - 1].content).toBe(RETRY_PROMPT);
  });

  it('marks a chunk failed after two malformed answers, and keeps the other chunks', async () => {
    const bad = 'MALFORMED-ALWAYS: nothing useful.';
    const good = 'VALID: a good chunk next to a bad one.';
    const result = await extractor.extract([
      { id: 'c-bad', text: bad },
      { id: 'c-good', text: good },
    ]);
    expect(result.failedChunkIds).toEqual(['c-bad']);
    expect(result.chunks.map((c) => c.chunkId)).toEqual(['c-good']);
    expect(server.callsFor(bad)).toBe(2);
    // A failure is not cached: the next run asks again.
    await extractor.extract([{ id: 'c-bad', text: bad }]);
    expect(server.callsFor(bad)).toBe(4);
  });

  it('waits and retries after a 429, then succeeds', async () => {
    const text = 'RATE-LIMITED: Ada Lovelace again.';
    const result = await extractor.extract([{ id: 'c-429', text }]);
    expect(result.failedChunkIds).toEqual([]);
    expect(result.chunks[0].entities).toHaveLength(2);
    expect(server.callsFor(text)).toBe(2);
  });

  it('fails the whole extraction, not retryable, when the server refuses the key', async () => {
    await expect(extractor.extract([{ id: 'c-key', text: 'BAD-KEY: anything' }])).rejects.toMatchObject({
      code: 'KG_EXTRACTION_FAILED',
      retryable: false,
    });
  });

  it('accepts an answer wrapped in a ```json fence', async () => {
    const result = await extractor.extract([{ id: 'c-fenced', text: 'FENCED: Ada Lovelace.' }]);
    expect(result.failedChunkIds).toEqual([]);
  });

  it('keeps at most LLM_CONCURRENCY requests in flight and reports progress per chunk', async () => {
    server.maxInFlight = 0;
    const chunks = Array.from({ length: 8 }, (_, i) => ({ id: `c-par-${i}`, text: `VALID: parallel chunk ${i} ${Date.now()}` }));
    const progress: number[] = [];
    const result = await extractor.extract(chunks, { onChunkDone: (done) => void progress.push(done) });
    expect(result.chunks).toHaveLength(8);
    expect(server.maxInFlight).toBeGreaterThan(0);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
