import type { ExtractOptions, ExtractorResult, GraphExtractor } from '../graph/extractors/graph-extractor.js';
import type { ChunkExtraction, ChunkText } from '../graph/graph.types.js';

/**
 * A GraphExtractor that answers with findings a remote worker already made, so GraphService.extractFileGraph (the
 * in-house step's own merge, store and stage updates) writes them exactly as it writes its own extractor's.
 */
export class RemoteFindingsExtractor implements GraphExtractor {
  constructor(
    readonly name: string,
    private readonly findings: Map<string, ChunkExtraction>,
    private readonly failed: Set<string>,
  ) {}

  async extract(chunks: ChunkText[], options: ExtractOptions = {}): Promise<ExtractorResult> {
    const found = chunks.flatMap((c) => this.findings.get(c.id) ?? []);
    const failedChunkIds = chunks.filter((c) => this.failed.has(c.id)).map((c) => c.id);
    await options.onChunkDone?.(chunks.length, chunks.length);
    return { chunks: found, failedChunkIds };
  }
}
