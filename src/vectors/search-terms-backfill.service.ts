import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TextSearchRepository } from './text-search.repository.js';

const BATCH = 200;

/**
 * Gives full-text terms to chunks stored before full-text search existed, in the background after start, a batch
 * at a time (other queries run between batches). Idempotent: every process may run it, a restart resumes it.
 */
@Injectable()
export class SearchTermsBackfillService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchTermsBackfill');
  private running?: Promise<void>;
  private stopping = false;

  constructor(private readonly repository: TextSearchRepository) {}

  onApplicationBootstrap(): void {
    this.running = this.fill().catch((error: unknown) =>
      this.logger.warn(`full-text terms backfill stopped: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async fill(): Promise<void> {
    let filled = 0;
    while (!this.stopping) {
      const written = await this.repository.fillMissingTerms(BATCH);
      if (written === 0) break;
      filled += written;
    }
    if (filled > 0) this.logger.log(`full-text terms written for ${filled} chunks stored before full-text search`);
  }
}
