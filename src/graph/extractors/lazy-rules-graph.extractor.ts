import { Injectable } from '@nestjs/common';
import type { ChunkText } from '../graph.types.js';
import type { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';

/**
 * RulesGraphExtractor loaded at its first extraction: its module loads compromise (about 58 MiB and seconds of CPU),
 * which an API that never extracts in its own thread (a worker pool, RUN_WORKERS=false, KG_EXTRACTOR=llm) should not
 * pay for at start.
 */
@Injectable()
export class LazyRulesGraphExtractor implements GraphExtractor {
  readonly name = 'rules';
  private loading?: Promise<GraphExtractor>;

  async extract(chunks: ChunkText[], options?: ExtractOptions): Promise<ExtractorResult> {
    const extractor = await this.load();
    return extractor.extract(chunks, options);
  }

  private load(): Promise<GraphExtractor> {
    this.loading ??= import('./rules-graph.extractor.js').then(
      ({ RulesGraphExtractor }) => new RulesGraphExtractor(),
      (error: unknown) => {
        // A failed import is not cached: the next job tries again.
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
