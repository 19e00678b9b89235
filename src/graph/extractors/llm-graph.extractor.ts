import { Inject, Injectable, Logger } from '@nestjs/common';
import { APIError } from 'openai';
import pLimit, { type LimitFunction } from 'p-limit';
import { AppConfig } from '../../infra/config/app-config.js';
import { GraphLlmCacheRepository, type LlmAnswerCache } from '../graph-llm-cache.repository.js';
import { ChunkExtraction, ChunkText } from '../graph.types.js';
import { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';
import { ChatMessage, LlmChatClient } from './llm-chat.client.js';
import { LlmExtractionError } from './llm-extraction.error.js';
import { LlmExtraction, parseLlmExtraction, PROMPT_VERSION, RETRY_PROMPT, SYSTEM_PROMPT } from './llm-extraction.schema.js';

/**
 * Extraction by an OpenAI-compatible chat model: one request per chunk (at most LLM_CONCURRENCY at once), the answer
 * validated against the schema. A malformed answer is asked for once more; a second one marks that chunk failed,
 * the rest of the file goes on. Valid answers are cached by (model, prompt version, chunk sha256).
 */
@Injectable()
export class LlmGraphExtractor implements GraphExtractor {
  readonly name = 'llm';
  private readonly logger = new Logger('LlmGraphExtractor');
  /** One cap for the whole process: concurrent files share LLM_CONCURRENCY requests in flight. */
  private readonly limit: LimitFunction;

  constructor(
    config: AppConfig,
    private readonly chat: LlmChatClient,
    @Inject(GraphLlmCacheRepository) private readonly cache: LlmAnswerCache,
  ) {
    this.limit = pLimit(config.graph.llmConcurrency);
  }

  async extract(chunks: ChunkText[], options: ExtractOptions = {}): Promise<ExtractorResult> {
    const limit = this.limit;
    let done = 0;
    const outcomes = await Promise.all(
      chunks.map((chunk) =>
        limit(async () => {
          options.signal?.throwIfAborted();
          const extraction = await this.extractChunk(chunk, options.signal);
          done += 1;
          await options.onChunkDone?.(done, chunks.length);
          return { chunk, extraction };
        }),
      ),
    );
    return {
      chunks: outcomes.flatMap(({ chunk, extraction }) => (extraction ? [toChunkExtraction(chunk.id, extraction)] : [])),
      failedChunkIds: outcomes.filter((o) => !o.extraction).map((o) => o.chunk.id),
    };
  }

  /** The validated extraction of one chunk, or undefined when the model could not produce one. */
  private async extractChunk(chunk: ChunkText, signal?: AbortSignal): Promise<LlmExtraction | undefined> {
    const key = { model: this.chat.model, promptVersion: PROMPT_VERSION, text: chunk.text };
    const cached = await this.cache.get(key);
    if (cached !== undefined) {
      const valid = parseLlmExtraction(JSON.stringify(cached));
      if (valid) return valid;
    }
    const messages: ChatMessage[] = [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: chunk.text },
    ];
    for (let attempt = 1; attempt <= 2; attempt++) {
      let content: string;
      try {
        content = await this.chat.complete(messages, signal);
      } catch (error) {
        // The server refused this chunk (too long, content filter): that chunk fails, not the file.
        if (error instanceof APIError && (error.status === 400 || error.status === 422)) {
          this.logger.warn(`chunk ${chunk.id}: model refused the request: ${error.message}`);
          return undefined;
        }
        // Bad key, unknown model or URL: no retry can fix these.
        if (error instanceof APIError && [401, 403, 404].includes(error.status ?? 0)) {
          throw new LlmExtractionError(`LLM server refused: ${error.message}`, false);
        }
        throw error;
      }
      const extraction = parseLlmExtraction(content);
      if (extraction) {
        await this.cache.put(key, extraction);
        return extraction;
      }
      messages.push({ role: 'assistant', content }, { role: 'user', content: RETRY_PROMPT });
    }
    this.logger.warn(`chunk ${chunk.id}: malformed model output twice; chunk marked failed`);
    return undefined;
  }
}

function toChunkExtraction(chunkId: string, extraction: LlmExtraction): ChunkExtraction {
  return {
    chunkId,
    entities: extraction.entities.map((e) => ({ name: e.name, type: e.type, description: e.description })),
    relations: extraction.relations.map((r) => ({ source: r.source, target: r.target, relation: r.relation, weight: 1 })),
  };
}
