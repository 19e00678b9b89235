import type { FileRow } from './files.schema.js';

/** The pipeline's stages, in order, as the processing-status JSON names them. */
export type StageName = 'chunking' | 'vectorization' | 'storage' | 'kg_extraction';
export type StageStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'skipped';

export const STAGE_NAMES: readonly StageName[] = ['chunking', 'vectorization', 'storage', 'kg_extraction'];

/** A file's overall processing status word. */
export type FileStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface StageState {
  status: StageStatus;
  progress: number;
}

/** `processing:status:{file_id}`: exactly the shape of ARCHITECTURE.md (the frontend reads it). */
export interface ProcessingStatus {
  file_id: string;
  status: FileStatus;
  progress: number;
  chunking: StageState;
  vectorization: StageState;
  storage: StageState;
  kg_extraction: StageState;
  message: string;
  /** Present (true) once storage completed in this run: search finds the file's chunks, the graph may still run. */
  searchable?: true;
}

export interface ChunkRecord {
  id: string;
  file_id: string;
  chunk_index: number;
  text: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  token_count: number;
}

/**
 * A file's chunks read from the database page by page, in chunk_index order, never all at once. `batches()` starts
 * a fresh read each call (a stage may walk the chunks again).
 */
export interface ChunkBatches {
  readonly total: number;
  batches(batchSize: number, signal?: AbortSignal): AsyncIterable<ChunkRecord[]>;
}

/** What the vectors and graph stages take: a small file's chunks as an array, or a large file's as pages. */
export type ChunkSource = ChunkRecord[] | ChunkBatches;

/** A file as stored (the row itself: snake_case columns). */
export type FileRecord = FileRow;
