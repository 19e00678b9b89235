import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EmbeddingProviderError } from '../vectors.errors.js';
import { EmbeddingCacheRepository } from './embedding-cache.repository.js';
import { EMBEDDING_PROVIDER } from './embedding-provider.js';
import type { EmbeddingProvider } from './embedding-provider.js';

/**
 * Texts in, unit vectors of `dimension` out, through the configured provider (EMBEDDING_PROVIDER). Providers that
 * cost something (openai, local) go through a cache keyed by (model, dimension, sha256(text)), so re-embedding an
 * unchanged chunk or memory costs one look-up, not a model call. Exported for Memory and Graph.
 */
@Injectable()
export class EmbeddingService {
  constructor(
    @Inject(EMBEDDING_PROVIDER) private readonly provider: EmbeddingProvider,
    private readonly cache: EmbeddingCacheRepository,
  ) {}

  get model(): string {
    return this.provider.model;
  }

  get dimension(): number {
    return this.provider.dimension;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    if (texts.length === 0) return [];
    if (!this.provider.cacheable) return this.checked(await this.provider.embed(texts, signal), texts.length);

    const keys = texts.map(sha256);
    const known = await this.cache.find(this.model, this.dimension, [...new Set(keys)]);
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!known.has(key)) missing.set(key, texts[i]);
    });
    if (missing.size > 0) {
      signal?.throwIfAborted();
      const vectors = this.checked(await this.provider.embed([...missing.values()], signal), missing.size);
      const entries = [...missing.keys()].map((textSha256, i) => ({ textSha256, embedding: vectors[i] }));
      await this.cache.save(this.model, this.dimension, entries);
      for (const entry of entries) known.set(entry.textSha256, entry.embedding);
    }
    return keys.map((key) => known.get(key) as number[]);
  }

  private checked(vectors: number[][], expected: number): number[][] {
    if (vectors.length !== expected) {
      throw new EmbeddingProviderError(`Embedding provider returned ${vectors.length} vectors for ${expected} texts`, true);
    }
    return vectors;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
