import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { ChunkSource } from '../files/file-core.types.js';
import { EmbeddingService } from '../vectors/embedding/embedding.service.js';
import { type VectorizeResult, VectorsService } from '../vectors/vectors.service.js';
import { RemoteChunkInput } from './remote-chunk-input.js';
import { remoteVectorsSchema } from './remote-result.schema.js';
import { InvalidRemoteResultError } from './remote-workers.errors.js';

/** Parses a result part with its schema: 400 INVALID_RESULT naming the first problems. */
export function parseResult<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new InvalidRemoteResultError(`Invalid ${what} result`, issues);
  }
  return parsed.data;
}

/**
 * Writes vectors a remote worker computed for a file's current chunks, through VectorsService.vectorizeFile (the
 * in-house step's own code: a new generation promoted in one step, stages moved), with the embeddings taken from the
 * result instead of the embedding service. Vectors of another model or dimension are refused: search compares the
 * API's query vectors with them.
 */
@Injectable()
export class RemoteVectorsWriter {
  constructor(
    private readonly vectors: VectorsService,
    private readonly embeddings: EmbeddingService,
    private readonly input: RemoteChunkInput,
  ) {}

  /** Validates the vectors part against the file's current chunks; returns them by chunk id, unit length. */
  async check(value: unknown, chunks: ChunkSource): Promise<Map<string, number[]>> {
    const result = parseResult(remoteVectorsSchema, value, 'vectors');
    const { model, dimension } = this.embeddings;
    if (result.model !== model || result.dimension !== dimension) {
      throw new InvalidRemoteResultError(`Vectors must be of model ${model}, dimension ${dimension} (the API's)`, {
        expected: { model, dimension },
        received: { model: result.model, dimension: result.dimension },
      });
    }
    const byChunk = new Map<string, number[]>();
    for (const { chunk_id, embedding } of result.vectors) {
      if (byChunk.has(chunk_id)) throw new InvalidRemoteResultError(`Chunk ${chunk_id} has two vectors`);
      if (embedding.length !== dimension) {
        throw new InvalidRemoteResultError(`The vector of chunk ${chunk_id} has ${embedding.length} values, not ${dimension}`);
      }
      const norm = Math.hypot(...embedding);
      if (!(norm > 0) || !Number.isFinite(norm)) throw new InvalidRemoteResultError(`The vector of chunk ${chunk_id} has no direction`);
      byChunk.set(chunk_id, embedding.map((v) => v / norm));
    }
    await this.input.assertCovers(chunks, byChunk);
    return byChunk;
  }

  /**
   * A local run of the same file begun after this result's write and stored first wins: the write then ends as
   * `superseded` (the job completes; the file's vectors are that run's, whole), never a 500.
   */
  async write(file: { id: string; owner_id: string }, chunks: ChunkSource, byChunk: Map<string, number[]>): Promise<VectorizeResult> {
    return this.vectors.vectorizeFile(file, chunks, undefined, (batch) =>
      Promise.resolve(batch.map((chunk) => byChunk.get(chunk.id) as number[])),
    );
  }
}
