import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../infra/database/database.js';
import { DATABASE } from '../../infra/database/database.js';
import { embeddingCache } from '../vectors.schema.js';

const LOOKUP_BATCH = 1000;
const WRITE_BATCH = 500;

/** Embeddings already computed, by (model, dimension, sha256 of the text). */
@Injectable()
export class EmbeddingCacheRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(model: string, dimension: number, textSha256s: string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    for (let i = 0; i < textSha256s.length; i += LOOKUP_BATCH) {
      const rows = await this.db
        .select({ textSha256: embeddingCache.textSha256, embedding: embeddingCache.embedding })
        .from(embeddingCache)
        .where(
          and(
            eq(embeddingCache.model, model),
            eq(embeddingCache.dimension, dimension),
            inArray(embeddingCache.textSha256, textSha256s.slice(i, i + LOOKUP_BATCH)),
          ),
        );
      for (const row of rows) found.set(row.textSha256, row.embedding);
    }
    return found;
  }

  async save(model: string, dimension: number, entries: { textSha256: string; embedding: number[] }[]): Promise<void> {
    for (let i = 0; i < entries.length; i += WRITE_BATCH) {
      await this.db
        .insert(embeddingCache)
        .values(entries.slice(i, i + WRITE_BATCH).map((entry) => ({ model, dimension, ...entry })))
        .onConflictDoNothing();
    }
  }
}
