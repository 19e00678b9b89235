import { cleanEntityName, isUsefulName, normalizeEntityName, normalizeRelationName } from './entity-name.js';
import type { ChunkExtraction, EntityType } from './graph.types.js';

/**
 * A few chunks' findings as staging rows: names normalized and filtered as FileGraphAccumulator does, occurrences
 * summed per chunk, and the rows packed as UTF-8 JSON, ready to be one statement's parameters. Packed where the chunks
 * were extracted (an extraction thread), so the thread that stages them, which also runs the embedded database, handles
 * two buffers per pack instead of objects and strings per row.
 */
export interface GraphStagePack {
  /** The chunks the rows' `c` fields index, from 0. */
  chunkIds: string[];
  /** Entity findings read, kept or not: the pack's stream positions count from 0, and the next pack's start this much later. */
  occurrences: number;
  /** Rows in `entities` and `relations` together. */
  rows: number;
  /**
   * JSON array of one object per (chunk, normalized name, type, surface): c chunk, n normalized name, t type, s surface,
   * k occurrences, q position of the first, and d the first description with e its position (absent without one).
   */
  entities: Uint8Array;
  /** JSON array of one object per (chunk, normalized source, normalized target, relation): c, s, t, r, w the weights' sum. */
  relations: Uint8Array;
  /** One entry per chunk whose language the extractor could not read. */
  unsupportedLanguages: string[];
}

/** A batch of chunks' findings as staging packs, with the chunks the extractor could not read. */
export interface StagedExtraction {
  packs: GraphStagePack[];
  failedChunkIds: string[];
}

// Chunks per pack when findings are packed in the staging thread itself (an extractor without its own packing).
const CHUNKS_PER_PACK = 8;
// A lone surrogate is sent as U+FFFD, as the driver encodes a text parameter (JSON would escape it, and Postgres refuse it).
const LONE_SURROGATE = /\p{Cs}/gu;
const encoder = new TextEncoder();

interface EntityRow {
  c: number;
  n: string;
  t: EntityType;
  s: string;
  k: number;
  q: number;
  d?: string;
  e?: number;
}

interface RelationRow {
  c: number;
  s: string;
  t: string;
  r: string;
  w: number;
}

/** The chunks' findings (in chunk order) as one pack. */
export function packStageRows(chunks: readonly ChunkExtraction[]): GraphStagePack {
  const entities: string[] = [];
  const relations: string[] = [];
  const unsupportedLanguages: string[] = [];
  let seq = 0;
  chunks.forEach((chunk, c) => {
    if (chunk.unsupportedLanguage) unsupportedLanguages.push(chunk.unsupportedLanguage);
    const entityRows = new Map<string, EntityRow>();
    for (const entity of chunk.entities) {
      const q = seq++;
      const normalized = wellFormed(normalizeEntityName(entity.name));
      if (!isUsefulName(normalized)) continue;
      const surface = wellFormed(cleanEntityName(entity.name));
      const description = wellFormed(entity.description?.trim() ?? '') || undefined;
      const key = `${normalized}\u0001${entity.type}\u0001${surface}`;
      const row = entityRows.get(key);
      if (!row) {
        entityRows.set(key, { c, n: normalized, t: entity.type, s: surface, k: 1, q, d: description, e: description === undefined ? undefined : q });
      } else {
        row.k++;
        if (row.d === undefined && description !== undefined) {
          row.d = description;
          row.e = q;
        }
      }
    }
    for (const row of entityRows.values()) entities.push(JSON.stringify(row));
    const relationRows = new Map<string, RelationRow>();
    for (const relation of chunk.relations) {
      const name = normalizeRelationName(relation.relation);
      if (!name) continue;
      const source = wellFormed(normalizeEntityName(relation.source));
      const target = wellFormed(normalizeEntityName(relation.target));
      const weight = relation.weight > 0 ? relation.weight : 1;
      const key = `${source}\u0001${target}\u0001${name}`;
      const row = relationRows.get(key);
      if (row) row.w += weight;
      else relationRows.set(key, { c, s: source, t: target, r: name, w: weight });
    }
    for (const row of relationRows.values()) {
      // JSON has no Infinity: as a string, Postgres reads it as float8 all the same.
      relations.push(JSON.stringify(Number.isFinite(row.w) ? row : { ...row, w: String(row.w) }));
    }
  });
  return {
    chunkIds: chunks.map((chunk) => chunk.chunkId),
    occurrences: seq,
    rows: entities.length + relations.length,
    entities: encoder.encode(`[${entities.join(',')}]`),
    relations: encoder.encode(`[${relations.join(',')}]`),
    unsupportedLanguages,
  };
}

/** An extractor's findings packed here, a few chunks a pack (for extractors that do not pack where they extract). */
export function stagedExtractionOf(result: { chunks: readonly ChunkExtraction[]; failedChunkIds: string[] }): StagedExtraction {
  const packs: GraphStagePack[] = [];
  for (let i = 0; i < result.chunks.length; i += CHUNKS_PER_PACK) packs.push(packStageRows(result.chunks.slice(i, i + CHUNKS_PER_PACK)));
  return { packs, failedChunkIds: result.failedChunkIds };
}

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
