import { z } from 'zod';
import { ENTITY_TYPES } from '../graph/graph.types.js';

const chunkId = z.string().min(1).max(100);

/** A vectorize-file result: one embedding per current chunk, by the API's model and dimension. */
export const remoteVectorsSchema = z.object({
  model: z.string().min(1).max(300),
  dimension: z.number().int().min(1).max(4096),
  vectors: z.array(z.object({ chunk_id: chunkId, embedding: z.array(z.number()).max(4096) })),
});

/** An extract-graph result: findings per chunk (as an extractor returns them) and the chunks it could not read. */
export const remoteGraphSchema = z.object({
  extractor: z.string().min(1).max(100),
  chunks: z.array(
    z.object({
      chunk_id: chunkId,
      entities: z
        .array(z.object({ name: z.string().trim().min(1).max(300), type: z.enum(ENTITY_TYPES), description: z.string().max(2000).optional() }))
        .max(500),
      relations: z
        .array(
          z.object({
            source: z.string().trim().min(1).max(300),
            target: z.string().trim().min(1).max(300),
            relation: z.string().trim().min(1).max(100),
            weight: z.number().positive().max(1_000_000),
          }),
        )
        .max(1000),
      unsupported_language: z.string().max(50).optional(),
    }),
  ),
  failed_chunk_ids: z.array(chunkId).default([]),
});

export type RemoteVectors = z.infer<typeof remoteVectorsSchema>;
export type RemoteGraph = z.infer<typeof remoteGraphSchema>;
