import OpenAI, { APIError, APIUserAbortError } from 'openai';
import pLimit from 'p-limit';
import { EmbeddingDimensionMismatchError, EmbeddingProviderError } from '../vectors.errors.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import { l2Normalize } from './vector-math.js';

export interface OpenAiEmbeddingOptions {
  model: string;
  dimension: number;
  baseUrl?: string;
  apiKey?: string;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
}

/**
 * Any OpenAI-compatible /v1/embeddings server (OpenAI, Ollama, vLLM, LM Studio, TEI) through the official client,
 * which retries 408/409/429/5xx and connection errors with exponential backoff (honouring Retry-After) and enforces
 * the per-request timeout. We add batching, a cap on concurrent requests, and the dimension check.
 */
export class OpenAiEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  readonly dimension: number;
  readonly cacheable = true;
  private readonly client: OpenAI;
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(private readonly options: OpenAiEmbeddingOptions) {
    this.model = options.model;
    this.dimension = options.dimension;
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      // Local servers (Ollama, vLLM, TEI) need no key, but the client refuses to start without one.
      apiKey: options.apiKey ?? 'no-key',
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
    this.limit = pLimit(options.concurrency);
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) batches.push(texts.slice(i, i + this.options.batchSize));
    const results = await Promise.all(batches.map((batch) => this.limit(() => this.embedBatch(batch, signal))));
    return results.flat();
  }

  private async embedBatch(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    signal?.throwIfAborted();
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      // 'float' explicitly: the client would ask for base64, which not every compatible server supports.
      response = await this.client.embeddings.create(
        { model: this.model, input: texts, encoding_format: 'float' },
        { signal },
      );
    } catch (error) {
      throw toProviderError(error, this.model);
    }
    if (!Array.isArray(response.data) || response.data.length !== texts.length) {
      throw new EmbeddingProviderError(
        `Embedding server returned ${response.data?.length ?? 0} vectors for ${texts.length} inputs`,
        true,
      );
    }
    const ordered = [...response.data].sort((a, b) => a.index - b.index);
    return ordered.map((item) => {
      if (item.embedding.length !== this.dimension) {
        throw new EmbeddingDimensionMismatchError(this.model, this.dimension, item.embedding.length);
      }
      return l2Normalize(item.embedding);
    });
  }
}

function toProviderError(error: unknown, model: string): Error {
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIError) {
    const status = error.status;
    // The client already retried what retrying can fix; a 4xx other than 408/409/429 is a configuration problem.
    const retryable = status === undefined || status >= 500 || status === 408 || status === 409 || status === 429;
    return new EmbeddingProviderError(
      `Embedding request for model "${model}" failed${status ? ` with HTTP ${status}` : ''}: ${error.message}`,
      retryable,
      { status },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
