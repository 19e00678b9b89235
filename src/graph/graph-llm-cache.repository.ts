import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { graphLlmCache } from './graph.schema.js';

export interface LlmCacheKey {
  model: string;
  promptVersion: string;
  text: string;
}

/** What the LLM extractor needs of its answer cache (a remote worker keeps one in memory). */
export type LlmAnswerCache = Pick<GraphLlmCacheRepository, 'get' | 'put'>;

/** LLM answers by (model, prompt version, chunk sha256): a rerun over the same text does not pay twice. */
@Injectable()
export class GraphLlmCacheRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async get(key: LlmCacheKey): Promise<unknown> {
    const [row] = await this.db
      .select({ result: graphLlmCache.result })
      .from(graphLlmCache)
      .where(
        and(
          eq(graphLlmCache.model, key.model),
          eq(graphLlmCache.prompt_version, key.promptVersion),
          eq(graphLlmCache.chunk_sha256, sha256(key.text)),
        ),
      );
    return row?.result;
  }

  async put(key: LlmCacheKey, result: unknown): Promise<void> {
    await this.db
      .insert(graphLlmCache)
      .values({ model: key.model, prompt_version: key.promptVersion, chunk_sha256: sha256(key.text), result })
      .onConflictDoUpdate({
        target: [graphLlmCache.model, graphLlmCache.prompt_version, graphLlmCache.chunk_sha256],
        set: { result, created_at: new Date() },
      });
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
