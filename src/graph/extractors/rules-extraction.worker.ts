// A worker thread of ParallelRulesGraphExtractor: loads the rules extractor once, then extracts the chunks it is sent.
import 'reflect-metadata';
import type { ChunkExtraction, ChunkText } from '../graph.types.js';
import { RulesGraphExtractor } from './rules-graph.extractor.js';

const extractor = new RulesGraphExtractor();

export default function extractChunks(chunks: ChunkText[]): ChunkExtraction[] {
  return chunks.map((chunk) => extractor.extractChunk(chunk));
}
