import { cleanEntityName, isUsefulName, normalizeEntityName, normalizeRelationName } from './entity-name.js';
import type { ChunkExtraction, EntityType } from './graph.types.js';

/** A run's entity findings in one chunk under one (normalized name, type, surface). */
export interface StagedEntityRow {
  chunk_id: string;
  normalized_name: string;
  type: EntityType;
  surface: string;
  count: number;
  /** Stream position of the first occurrence: ties between a name's types and surfaces go to the first seen. */
  first_seq: number;
  description: string | null;
  description_seq: number | null;
}

/** A run's relation findings in one chunk between two normalized names, weights summed. */
export interface StagedRelationRow {
  chunk_id: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
}

/**
 * Turns one batch of an extractor's findings into staging rows: names normalized and filtered as FileGraphAccumulator
 * does, occurrences summed per chunk. Numbers occurrences across the whole stream, so make one per extraction run and
 * feed it the batches in chunk order.
 */
export class GraphStageRows {
  private seq = 0;

  rowsOf(chunks: ChunkExtraction[]): { entities: StagedEntityRow[]; relations: StagedRelationRow[] } {
    const entities = new Map<string, StagedEntityRow>();
    const relations = new Map<string, StagedRelationRow>();
    for (const chunk of chunks) {
      for (const entity of chunk.entities) {
        const seq = this.seq++;
        const normalized = normalizeEntityName(entity.name);
        if (!isUsefulName(normalized)) continue;
        const surface = cleanEntityName(entity.name);
        const description = entity.description?.trim() || null;
        const key = `${chunk.chunkId}\u0001${normalized}\u0001${entity.type}\u0001${surface}`;
        const row = entities.get(key);
        if (!row) {
          entities.set(key, {
            chunk_id: chunk.chunkId,
            normalized_name: normalized,
            type: entity.type,
            surface,
            count: 1,
            first_seq: seq,
            description,
            description_seq: description === null ? null : seq,
          });
          continue;
        }
        row.count++;
        if (row.description === null && description !== null) {
          row.description = description;
          row.description_seq = seq;
        }
      }
      for (const relation of chunk.relations) {
        const name = normalizeRelationName(relation.relation);
        if (!name) continue;
        const source = normalizeEntityName(relation.source);
        const target = normalizeEntityName(relation.target);
        const weight = relation.weight > 0 ? relation.weight : 1;
        const key = `${chunk.chunkId}\u0001${source}\u0001${target}\u0001${name}`;
        const row = relations.get(key);
        if (row) row.weight += weight;
        else relations.set(key, { chunk_id: chunk.chunkId, source, target, relation: name, weight });
      }
    }
    return { entities: [...entities.values()], relations: [...relations.values()] };
  }
}
