/** Parent → embedding child process: one batch of texts. */
export interface EmbeddingRequest {
  id: number;
  texts: string[];
}

/** Embedding child process → parent: the vectors, or the provider's error as plain data. */
export type EmbeddingReply =
  | { id: number; vectors: number[][] }
  | { id: number; error: { message: string; retryable?: boolean; dimension?: { expected: number; actual: number } } };
