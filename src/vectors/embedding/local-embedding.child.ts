/**
 * Child-process entry of IsolatedLocalEmbeddingProvider: runs LocalEmbeddingProvider (the ONNX model) and answers
 * one batch per message. Started with the provider's options as its argument; exits when its parent goes away.
 */
import { EmbeddingDimensionMismatchError, EmbeddingProviderError } from '../vectors.errors.js';
import type { EmbeddingReply, EmbeddingRequest } from './local-embedding.protocol.js';
import { LocalEmbeddingProvider, type LocalEmbeddingOptions } from './local-embedding.provider.js';

const provider = new LocalEmbeddingProvider(JSON.parse(process.argv[2]) as LocalEmbeddingOptions);

process.on('message', (request: EmbeddingRequest) => {
  void answer(request).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));

async function answer({ id, texts }: EmbeddingRequest): Promise<EmbeddingReply> {
  try {
    return { id, vectors: await provider.embed(texts) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof EmbeddingDimensionMismatchError) {
      const { expected, actual } = error.details as { expected: number; actual: number };
      return { id, error: { message, retryable: false, dimension: { expected, actual } } };
    }
    return { id, error: { message, retryable: error instanceof EmbeddingProviderError ? error.retryable : true } };
  }
}
