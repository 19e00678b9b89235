import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { AuthUser } from '../common/auth/auth-user.js';
import { EmbeddingService } from '../vectors/embedding/embedding.service.js';
import { MemorySearchResultDto } from './dto/memory-search-result.dto.js';
import { SearchMemoryDto } from './dto/search-memory.dto.js';
import { MAX_EMBEDDED_CHARS } from './memory.constants.js';
import { contentSha256, memoryText } from './memory-content.js';
import { ConsolidateMemoryData } from './memory.jobs.js';
import { MemoryRecallRepository } from './memory-recall.repository.js';
import { MemoryRepository } from './memory.repository.js';
import { MemoryAddress } from './memory.types.js';

export const DEFAULT_TOP_K = 5;

export interface ConsolidationOutcome {
  status: 'stored' | 'unchanged' | 'skipped';
  reason?: 'nothing_pending' | 'empty' | 'deleted';
}

/** Long-term recall: consolidates short-term memories into embedded rows and searches them. */
@Injectable()
export class MemoryRecallService {
  constructor(
    private readonly shortTerm: MemoryRepository,
    private readonly longTerm: MemoryRecallRepository,
    private readonly embeddings: EmbeddingService,
  ) {}

  /**
   * Embeds the last persisted value of a key and upserts its long-term row, unless that exact content is stored
   * already. Reads the pending snapshot, not the short-term key, so a value whose TTL already ended is kept too.
   */
  async consolidate(data: ConsolidateMemoryData, signal?: AbortSignal): Promise<ConsolidationOutcome> {
    const address: MemoryAddress = { userId: data.user_id, agentId: data.agent_id, key: data.key };
    const json = await this.shortTerm.pendingValue(address);
    if (json === undefined) return { status: 'skipped', reason: 'nothing_pending' };
    const value = JSON.parse(json) as unknown;
    const content = memoryText(value);
    if (content.trim() === '') {
      await this.shortTerm.clearPending(address, json);
      return { status: 'skipped', reason: 'empty' };
    }

    const hash = contentSha256(json);
    const { model, dimension } = this.embeddings;
    const existing = await this.longTerm.findFingerprint(address);
    if (existing?.contentSha256 === hash && existing.model === model && existing.dimension === dimension) {
      await this.shortTerm.clearPending(address, json);
      return { status: 'unchanged' };
    }
    const [embedding] = await this.embeddings.embed([content.slice(0, MAX_EMBEDDED_CHARS)], signal);
    if (!embedding || embedding.length !== dimension) {
      throw new UnrecoverableError(`embedding provider returned no vector of dimension ${dimension}`);
    }
    signal?.throwIfAborted();
    // Deleted while we embedded: do not bring it back.
    if ((await this.shortTerm.pendingValue(address)) === undefined) return { status: 'skipped', reason: 'deleted' };
    await this.longTerm.upsert(address, { value, content, contentSha256: hash, model, dimension, embedding });
    await this.shortTerm.clearPending(address, json);
    return { status: 'stored' };
  }

  async search(user: AuthUser, dto: SearchMemoryDto): Promise<MemorySearchResultDto> {
    const [embedding] = await this.embeddings.embed([dto.query]);
    const hits = await this.longTerm.search({
      userId: user.id,
      agentId: dto.agent_id,
      model: this.embeddings.model,
      embedding,
      topK: dto.top_k ?? DEFAULT_TOP_K,
    });
    const results = hits.map((hit) => ({
      key: hit.key,
      agent_id: hit.agentId,
      value: hit.value,
      content: hit.content,
      score: hit.score,
      updated_at: hit.updatedAt.toISOString(),
    }));
    return { query: dto.query, results, count: results.length };
  }

  /** True when a long-term row existed. */
  async forget(address: MemoryAddress): Promise<boolean> {
    return this.longTerm.delete(address);
  }
}
