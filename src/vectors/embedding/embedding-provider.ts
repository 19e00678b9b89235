/**
 * One embedding backend: texts in, L2-normalized vectors of `dimension` out (same order). Implementations batch
 * and rate-limit as their backend needs; EmbeddingService adds the cache and the checks on top.
 */
export interface EmbeddingProvider {
  /** Stored with every vector: search only compares vectors of the same model and dimension. */
  readonly model: string;
  readonly dimension: number;
  /** False when computing is cheaper than a cache look-up (the hash provider). */
  readonly cacheable: boolean;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** DI token of the configured provider (EMBEDDING_PROVIDER). */
export const EMBEDDING_PROVIDER = Symbol('EMBEDDING_PROVIDER');
