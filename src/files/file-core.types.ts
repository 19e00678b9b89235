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

/** A file as stored (the row itself: snake_case columns). */
export type FileRecord = FileRow;
