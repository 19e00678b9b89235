// A worker thread of ParallelRulesGraphExtractor: loads the rules extractor once, then extracts the chunks it is sent.
import 'reflect-metadata';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { type GraphStagePack, packStageRows } from '../graph-stage-rows.js';
import type { ChunkExtraction, ChunkText } from '../graph.types.js';
import { RulesGraphExtractor } from './rules-graph.extractor.js';

const extractor = new RulesGraphExtractor();

export default function extractChunks(chunks: ChunkText[]): ChunkExtraction[] {
  return chunks.map((chunk) => extractor.extractChunk(chunk));
}

/** The chunks' findings as one staging pack; its two buffers are moved to the caller, not copied. */
export function extractStagePack(chunks: ChunkText[]): GraphStagePack {
  const pack = packStageRows(extractChunks(chunks));
  const transferable = { [transferableSymbol]: [pack.entities.buffer, pack.relations.buffer], [valueSymbol]: pack };
  // piscina unwraps the moved value before it posts it: the caller receives the pack itself.
  return move(transferable) as unknown as GraphStagePack;
}
