import { EmbeddingDimensionMismatchError, EmbeddingProviderError } from '../vectors.errors.js';
import { type OpenAiEmbeddingOptions, OpenAiEmbeddingProvider } from './openai-embedding.provider.js';
import { FakeEmbeddingServer, fakeVector } from './testing/fake-embedding-server.js';
import { dot } from './vector-math.js';

describe('OpenAiEmbeddingProvider (against a local fake server)', () => {
  let server: FakeEmbeddingServer;
  let baseUrl: string;
  const options = (overrides: Partial<OpenAiEmbeddingOptions> = {}): OpenAiEmbeddingOptions => ({
    model: 'fake-embed',
    dimension: 4,
    baseUrl,
    batchSize: 2,
    concurrency: 2,
    timeoutMs: 5_000,
    maxRetries: 2,
    ...overrides,
  });

  beforeEach(async () => {
    server = new FakeEmbeddingServer();
    baseUrl = await server.start();
  });
  afterEach(async () => server.stop());

  it('embeds in batches, keeps input order, normalizes, and caps concurrent requests', async () => {
    const seen: { model: string; format?: string; size: number }[] = [];
    server.handler = (body, res) => {
      seen.push({ model: body.model, format: body.encoding_format, size: body.input.length });
      server.answer(res, body.input.map((text) => fakeVector(text, 4)), 30);
    };
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'];
    const vectors = await new OpenAiEmbeddingProvider(options()).embed(texts);

    expect(server.requests).toBe(4);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(seen.every((s) => s.model === 'fake-embed' && s.format === 'float' && s.size <= 2)).toBe(true);
    expect(vectors).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      const raw = fakeVector(text, 4);
      const norm = Math.sqrt(dot(raw, raw));
      expect(vectors[i][0]).toBeCloseTo(raw[0] / norm, 6);
      expect(Math.sqrt(dot(vectors[i], vectors[i]))).toBeCloseTo(1, 6);
    });
  });

  it('retries after a 429 and then succeeds', async () => {
    server.handler = (body, res) => {
      if (server.requests === 1) server.fail(res, 429);
      else server.answer(res, body.input.map((text) => fakeVector(text, 4)));
    };
    const vectors = await new OpenAiEmbeddingProvider(options()).embed(['one']);
    expect(vectors).toHaveLength(1);
    expect(server.requests).toBe(2);
  });

  it('gives up after maxRetries on a server that keeps answering 500', async () => {
    server.handler = (_body, res) => server.fail(res, 500);
    const failure = new OpenAiEmbeddingProvider(options({ maxRetries: 2 })).embed(['one']);
    await expect(failure).rejects.toBeInstanceOf(EmbeddingProviderError);
    await expect(failure).rejects.toMatchObject({ retryable: true, details: { status: 500 } });
    expect(server.requests).toBe(3);
  });

  it('does not retry a 401 and marks it permanent', async () => {
    server.handler = (_body, res) => server.fail(res, 401);
    const failure = new OpenAiEmbeddingProvider(options()).embed(['one']);
    await expect(failure).rejects.toMatchObject({ retryable: false, details: { status: 401 } });
    expect(server.requests).toBe(1);
  });

  it('rejects vectors of the wrong dimension with a clear, permanent error', async () => {
    server.handler = (body, res) => server.answer(res, body.input.map((text) => fakeVector(text, 3)));
    const failure = new OpenAiEmbeddingProvider(options()).embed(['one']);
    await expect(failure).rejects.toBeInstanceOf(EmbeddingDimensionMismatchError);
    await expect(failure).rejects.toThrow(/dimension 3, but EMBEDDING_DIMENSION=4/);
    await expect(failure).rejects.toMatchObject({ retryable: false });
  });

  it('times out a server that does not answer in time', async () => {
    server.handler = (body, res) => server.answer(res, body.input.map((text) => fakeVector(text, 4)), 2_000);
    const failure = new OpenAiEmbeddingProvider(options({ timeoutMs: 200, maxRetries: 0 })).embed(['one']);
    await expect(failure).rejects.toMatchObject({ retryable: true });
    // Under Jest's VM realm the client cannot recognise fetch's AbortError, so it reports a connection error.
    await expect(failure).rejects.toThrow(/timed out|connection error/i);
  });

  it('stops when its signal is aborted', async () => {
    server.handler = (body, res) => server.answer(res, body.input.map((text) => fakeVector(text, 4)), 2_000);
    const controller = new AbortController();
    const failure = new OpenAiEmbeddingProvider(options()).embed(['one'], controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(failure).rejects.toThrow(/abort/i);
  });
});
