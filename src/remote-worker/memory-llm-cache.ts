import type { LlmAnswerCache, LlmCacheKey } from '../graph/graph-llm-cache.repository.js';

/** The LLM extractor's answer cache kept in memory: a remote worker has no database. */
export class MemoryLlmCache implements LlmAnswerCache {
  private readonly answers = new Map<string, unknown>();

  get(key: LlmCacheKey): Promise<unknown> {
    return Promise.resolve(this.answers.get(cacheKey(key)));
  }

  put(key: LlmCacheKey, result: unknown): Promise<void> {
    this.answers.set(cacheKey(key), result);
    return Promise.resolve();
  }
}

function cacheKey(key: LlmCacheKey): string {
  return JSON.stringify([key.model, key.promptVersion, key.text]);
}
