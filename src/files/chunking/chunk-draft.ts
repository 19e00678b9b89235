import type { DocumentType } from '../parsing/document-type.js';

/**
 * A chunk before it is stored (ChunkRecord without id and file_id). Offsets are character (UTF-16 code unit)
 * offsets into the document's full text, the pages joined with "\n\n": fullText.slice(start_offset, end_offset)
 * === text. `page` is the page the chunk is on (chunks never span pages), null when the format has no pages.
 */
export interface ChunkDraft {
  chunk_index: number;
  text: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  token_count: number;
}

export interface ChunkingOptions {
  /** Defaults: AppConfig.files.chunkSizeTokens / chunkOverlapTokens (CHUNK_SIZE_TOKENS, CHUNK_OVERLAP_TOKENS). */
  chunkSizeTokens?: number;
  chunkOverlapTokens?: number;
  /** The document's type: Markdown splits at headings first. */
  format?: DocumentType;
  /** Chunks per yielded batch (default 256). */
  batchSize?: number;
  /** Checked between windows of text: an aborted signal stops chunking with its reason. */
  signal?: AbortSignal;
}
