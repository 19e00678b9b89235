import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, sql } from 'drizzle-orm';
import { DATABASE } from '../infra/database/database.js';
import type { Database } from '../infra/database/database.js';
import { longTermMemories } from './memory.schema.js';
import { MemoryAddress } from './memory.types.js';

export interface LongTermMemoryWrite {
  value: unknown;
  content: string;
  contentSha256: string;
  model: string;
  dimension: number;
  embedding: number[];
}

export interface LongTermMemoryHit {
  key: string;
  agentId: string;
  value: unknown;
  content: string;
  score: number;
  updatedAt: Date;
}

export interface RecallQuery {
  userId: string;
  agentId?: string;
  model: string;
  embedding: number[];
  topK: number;
}

/** Long-term memory rows (pgvector): one per (user, agent, key). */
@Injectable()
export class MemoryRecallRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async findFingerprint(address: MemoryAddress): Promise<{ contentSha256: string; model: string; dimension: number } | undefined> {
    const [row] = await this.db
      .select({
        contentSha256: longTermMemories.contentSha256,
        model: longTermMemories.model,
        dimension: longTermMemories.dimension,
      })
      .from(longTermMemories)
      .where(matches(address));
    return row;
  }

  async upsert(address: MemoryAddress, write: LongTermMemoryWrite): Promise<void> {
    const now = new Date();
    const values = {
      value: write.value,
      content: write.content,
      contentSha256: write.contentSha256,
      model: write.model,
      dimension: write.dimension,
      embedding: write.embedding,
      updatedAt: now,
    };
    await this.db
      .insert(longTermMemories)
      .values({ userId: address.userId, agentId: address.agentId, key: address.key, ...values })
      .onConflictDoUpdate({
        target: [longTermMemories.userId, longTermMemories.agentId, longTermMemories.key],
        set: values,
      });
  }

  /** True when a row existed. */
  async delete(address: MemoryAddress): Promise<boolean> {
    const deleted = await this.db
      .delete(longTermMemories)
      .where(matches(address))
      .returning({ id: longTermMemories.id });
    return deleted.length > 0;
  }

  /** The caller's rows closest to the embedding (cosine), only among rows of the same model and dimension. */
  async search(query: RecallQuery): Promise<LongTermMemoryHit[]> {
    const dimension = query.embedding.length;
    const distance = sql<number>`(${longTermMemories.embedding} <=> ${JSON.stringify(query.embedding)}::vector)`;
    const rows = await this.db
      .select({
        key: longTermMemories.key,
        agentId: longTermMemories.agentId,
        value: longTermMemories.value,
        content: longTermMemories.content,
        distance,
        updatedAt: longTermMemories.updatedAt,
      })
      .from(longTermMemories)
      .where(
        and(
          eq(longTermMemories.userId, query.userId),
          query.agentId === undefined ? undefined : eq(longTermMemories.agentId, query.agentId),
          eq(longTermMemories.model, query.model),
          eq(longTermMemories.dimension, dimension),
        ),
      )
      .orderBy(distance, desc(longTermMemories.updatedAt))
      .limit(query.topK);
    return rows.map(({ distance: d, ...row }) => ({ ...row, score: 1 - Number(d) }));
  }
}

function matches({ userId, agentId, key }: MemoryAddress) {
  return and(
    eq(longTermMemories.userId, userId),
    eq(longTermMemories.agentId, agentId),
    eq(longTermMemories.key, key),
  );
}
