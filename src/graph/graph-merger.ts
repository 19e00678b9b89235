import { Injectable } from '@nestjs/common';
import { FileGraphAccumulator } from './file-graph.accumulator.js';
import { ChunkExtraction, FileGraph } from './graph.types.js';

/**
 * Turns an extractor's per-chunk findings into one file's graph: names normalized, one type per name (a named type
 * beats "concept", then the most frequent), short names folded into the one longer name they abbreviate
 * ("Curie" → "Marie Curie", "Apple" → "Apple Inc."), relations summed over chunks.
 */
@Injectable()
export class GraphMerger {
  /** All findings at once. */
  merge(chunks: ChunkExtraction[], failedChunkIds: string[] = []): FileGraph {
    const accumulator = this.accumulator();
    accumulator.add(chunks);
    return accumulator.finish(failedChunkIds);
  }

  /** Findings added batch by batch while a large file streams; `finish` gives what `merge` would. */
  accumulator(): FileGraphAccumulator {
    return new FileGraphAccumulator();
  }
}
