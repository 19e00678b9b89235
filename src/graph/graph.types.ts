/** Entity types the extractors produce. Named entities first; `concept` is a noun phrase that names no one. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'concept', 'event', 'product', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The part of a chunk an extractor needs. */
export interface ChunkText {
  id: string;
  text: string;
}

/** What an extractor finds in one chunk, before names are normalized and merged. */
export interface ChunkExtraction {
  chunkId: string;
  entities: { name: string; type: EntityType; description?: string }[];
  /** source/target are entity names as they appear in `entities`; weight = occurrences in the chunk. */
  relations: { source: string; target: string; relation: string; weight: number }[];
  /** Set when the extractor cannot read the chunk's language (e.g. "Japanese"): it found nothing rather than garbage. */
  unsupportedLanguage?: string;
}

/** One entity of a file's graph: merged over the file's chunks, with occurrences per chunk id. */
export interface FileEntity {
  name: string;
  normalizedName: string;
  type: EntityType;
  description?: string;
  /** chunk id → occurrences in that chunk. */
  mentions: Map<string, number>;
}

/** One relation of a file's graph; source/target are keys of FileGraph.entities. */
export interface FileRelation {
  sourceKey: string;
  targetKey: string;
  relation: string;
  weight: number;
  chunkIds: string[];
}

/** A file's whole graph, ready to store. Entities are keyed by `entityKey(normalizedName, type)`. */
export interface FileGraph {
  entities: Map<string, FileEntity>;
  relations: FileRelation[];
  /** Chunks the extractor could not read (e.g. an LLM answered malformed output twice). */
  failedChunkIds: string[];
}

export function entityKey(normalizedName: string, type: EntityType): string {
  return `${type}\u0000${normalizedName}`;
}
