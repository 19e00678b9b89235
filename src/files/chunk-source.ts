import type { ChunkRecord, ChunkSource } from './file-core.types.js';

/** How many chunks the source holds. */
export function chunkCount(source: ChunkSource): number {
  return Array.isArray(source) ? source.length : source.total;
}

/** The source's chunks in order, in batches of at most `batchSize`; checks `signal` before each batch. */
export async function* chunkBatchesOf(
  source: ChunkSource,
  batchSize: number,
  signal?: AbortSignal,
): AsyncGenerator<ChunkRecord[]> {
  if (Array.isArray(source)) {
    for (let i = 0; i < source.length; i += batchSize) {
      signal?.throwIfAborted();
      yield source.slice(i, i + batchSize);
    }
    return;
  }
  for await (const batch of source.batches(batchSize, signal)) {
    signal?.throwIfAborted();
    yield batch;
  }
}
