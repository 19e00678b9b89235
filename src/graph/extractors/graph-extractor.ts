import type { StagedExtraction } from '../graph-stage-rows.js';
import { type ChunkExtraction, type ChunkText } from '../graph.types.js';

/** Options of one extraction run. */
export interface ExtractOptions {
  signal?: AbortSignal;
  /** Called after each chunk with (chunks done, total). */
  onChunkDone?: (done: number, total: number) => void | Promise<void>;
}

/** Result of one extractor run: per-chunk findings, plus the chunks that could not be read. */
export interface ExtractorResult {
  chunks: ChunkExtraction[];
  failedChunkIds: string[];
}

/** One way to find entities and relations in text: chunks in, findings with their chunk ids out. */
export interface GraphExtractor {
  readonly name: string;
  extract(chunks: ChunkText[], options?: ExtractOptions): Promise<ExtractorResult>;
  /**
   * The same findings already packed as staging rows (`stagedExtractionOf(await extract(…))`), packed where they were
   * extracted: the graph stage uses it when the extractor has it.
   */
  extractStaged?(chunks: ChunkText[], options?: ExtractOptions): Promise<StagedExtraction>;
}

/** DI token of the configured extractor (KG_EXTRACTOR). */
export const GRAPH_EXTRACTOR = Symbol('GRAPH_EXTRACTOR');
