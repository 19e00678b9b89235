import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { RedisTtl } from '../infra/redis/redis-keys.js';
import { UserTaskQueue } from '../jobs/user-task-queue.js';
import { ListMemoryQuery } from './dto/list-memory.query.js';
import { MemoryListDto } from './dto/memory-list.dto.js';
import { MemoryDeletedDto, MemoryRecordDto } from './dto/memory-record.dto.js';
import { PutMemoryDto } from './dto/put-memory.dto.js';
import {
  CONSOLIDATION_DEBOUNCE_MS,
  DEFAULT_AGENT_ID,
  DEFAULT_LIST_LIMIT,
  MAX_VALUE_BYTES,
} from './memory.constants.js';
import { MemoryNotFoundError, MemoryValueTooLargeError } from './memory.errors.js';
import { consolidateMemoryJob } from './memory.jobs.js';
import { MemoryRecallService } from './memory-recall.service.js';
import { MemoryRepository } from './memory.repository.js';
import { MemoryAddress, StoredMemory } from './memory.types.js';

/** Agent short-term memory: per user (from the token) and agent, with a TTL; persisted writes are consolidated. */
@Injectable()
export class MemoryService {
  constructor(
    private readonly memories: MemoryRepository,
    private readonly recall: MemoryRecallService,
    private readonly tasks: UserTaskQueue,
  ) {}

  async put(user: AuthUser, key: string, dto: PutMemoryDto): Promise<MemoryRecordDto> {
    const address = addressOf(user, key, dto.agent_id);
    const json = JSON.stringify(dto.value);
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_VALUE_BYTES) throw new MemoryValueTooLargeError(bytes, MAX_VALUE_BYTES);
    const persist = dto.persist ?? true;
    const stored = await this.memories.write(address, {
      json,
      ttlSeconds: dto.ttl_seconds ?? RedisTtl.agentMemoryDefaultSeconds,
      refreshOnRead: dto.refresh_on_read ?? false,
      persist,
      now: new Date().toISOString(),
    });
    if (persist) await this.scheduleConsolidation(address, user);
    return toRecord(address, stored);
  }

  async get(user: AuthUser, key: string, agentId?: string): Promise<MemoryRecordDto> {
    const address = addressOf(user, key, agentId);
    const stored = await this.memories.read(address);
    if (!stored) throw new MemoryNotFoundError(address.key, address.agentId);
    return toRecord(address, stored);
  }

  /** Removes the short-term key and its long-term row; 404 only when neither existed. */
  async delete(user: AuthUser, key: string, agentId?: string): Promise<MemoryDeletedDto> {
    const address = addressOf(user, key, agentId);
    const shortTermDeleted = await this.memories.delete(address);
    const longTermDeleted = await this.recall.forget(address);
    if (!shortTermDeleted && !longTermDeleted) throw new MemoryNotFoundError(address.key, address.agentId);
    return {
      key: address.key,
      agent_id: address.agentId,
      short_term_deleted: shortTermDeleted,
      long_term_deleted: longTermDeleted,
    };
  }

  async list(user: AuthUser, query: ListMemoryQuery): Promise<MemoryListDto> {
    const agentId = query.agent_id ?? DEFAULT_AGENT_ID;
    const page = await this.memories.listKeys(
      user.id,
      agentId,
      query.prefix ?? '',
      query.limit ?? DEFAULT_LIST_LIMIT,
      query.cursor,
    );
    const items = page.entries.map((e) => ({
      key: e.key,
      ttl_seconds_remaining: e.ttlSecondsRemaining,
      updated_at: e.updatedAt,
    }));
    return { agent_id: agentId, items, count: items.length, next_cursor: page.nextCursor };
  }

  /**
   * One job per burst of writes to a key: the first write creates a delayed job, later writes within the debounce
   * window are deduplicated into it. The job starts after the window closes and reads the latest value then.
   */
  private async scheduleConsolidation(address: MemoryAddress, user: AuthUser): Promise<void> {
    // Owned (own-jobs API, fair share by weight) but not counted as an active job: a background follow-up of a write.
    await this.tasks.enqueueBackground(
      consolidateMemoryJob,
      { user_id: address.userId, agent_id: address.agentId, key: address.key },
      {
        debounce: { id: `${address.userId}:${address.agentId}:${address.key}`, ttlMs: CONSOLIDATION_DEBOUNCE_MS },
        enqueueInMs: CONSOLIDATION_DEBOUNCE_MS + 250,
      },
      { user },
    );
  }
}

function addressOf(user: AuthUser, key: string, agentId?: string): MemoryAddress {
  return { userId: user.id, agentId: agentId ?? DEFAULT_AGENT_ID, key };
}

function toRecord(address: MemoryAddress, stored: StoredMemory): MemoryRecordDto {
  return {
    key: address.key,
    agent_id: address.agentId,
    value: stored.value,
    ttl_seconds: stored.ttlSeconds,
    ttl_seconds_remaining: stored.ttlSecondsRemaining,
    refresh_on_read: stored.refreshOnRead,
    persist: stored.persist,
    created_at: stored.createdAt,
    updated_at: stored.updatedAt,
  };
}
