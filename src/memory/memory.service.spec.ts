import { jest } from '@jest/globals';
import type { AuthUser } from '../common/auth/auth-user.js';
import { type UserTaskQueue } from '../jobs/user-task-queue.js';
import { PutMemoryDto } from './dto/put-memory.dto.js';
import { CONSOLIDATION_DEBOUNCE_MS, MAX_VALUE_BYTES } from './memory.constants.js';
import { MemoryNotFoundError, MemoryValueTooLargeError } from './memory.errors.js';
import { consolidateMemoryJob } from './memory.jobs.js';
import { type MemoryRecallService } from './memory-recall.service.js';
import { type MemoryRepository } from './memory.repository.js';
import { MemoryService } from './memory.service.js';
import { type MemoryWrite, type StoredMemory } from './memory.types.js';

const user: AuthUser = { id: '00000000-0000-4000-8000-000000000001', email: 'a@example.com', role: 'user' };

function setup() {
  const write = jest.fn(async (_address: unknown, w: MemoryWrite): Promise<StoredMemory> => ({
    value: JSON.parse(w.json) as unknown,
    ttlSeconds: w.ttlSeconds,
    ttlSecondsRemaining: w.ttlSeconds,
    refreshOnRead: w.refreshOnRead,
    persist: w.persist,
    createdAt: w.now,
    updatedAt: w.now,
  }));
  const memories = { write, delete: jest.fn(async () => false), read: jest.fn(async () => undefined) };
  const recall = { forget: jest.fn(async () => false) };
  const enqueue = jest.fn(async () => ({ job_id: '1', status: 'scheduled' as const, created: true }));
  const service = new MemoryService(
    memories as unknown as MemoryRepository,
    recall as unknown as MemoryRecallService,
    { enqueueBackground: enqueue } as unknown as UserTaskQueue,
  );
  return { service, memories, recall, enqueue };
}

function dto(fields: Partial<PutMemoryDto>): PutMemoryDto {
  return Object.assign(new PutMemoryDto(), fields);
}

describe('MemoryService', () => {
  it('accepts a value of exactly 64 KiB of JSON and rejects one byte more with 413', async () => {
    const { service } = setup();
    const fits = 'x'.repeat(MAX_VALUE_BYTES - 2); // the two quotes make it 64 KiB of JSON
    await expect(service.put(user, 'k', dto({ value: fits }))).resolves.toMatchObject({ key: 'k' });
    const error = await service.put(user, 'k', dto({ value: fits + 'x' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryValueTooLargeError);
    expect((error as MemoryValueTooLargeError).status).toBe(413);
  });

  it('counts bytes, not characters, against the limit', async () => {
    const { service } = setup();
    const multiByte = 'é'.repeat(MAX_VALUE_BYTES / 2); // 2 bytes each: over the limit with the quotes
    await expect(service.put(user, 'k', dto({ value: multiByte }))).rejects.toBeInstanceOf(MemoryValueTooLargeError);
  });

  it('defaults to agent "default", TTL 3600 s, no refresh, persisted', async () => {
    const { service, memories } = setup();
    const record = await service.put(user, 'k', dto({ value: 1 }));
    expect(record).toMatchObject({ agent_id: 'default', ttl_seconds: 3600, refresh_on_read: false, persist: true });
    expect(memories.write.mock.calls[0][0]).toEqual({ userId: user.id, agentId: 'default', key: 'k' });
  });

  it('enqueues a debounced, delayed consolidation per key for a persisted write', async () => {
    const { service, enqueue } = setup();
    await service.put(user, 'notes', dto({ value: 'v', agent_id: 'bot' }));
    expect(enqueue).toHaveBeenCalledWith(
      consolidateMemoryJob,
      { user_id: user.id, agent_id: 'bot', key: 'notes' },
      {
        debounce: { id: `${user.id}:bot:notes`, ttlMs: CONSOLIDATION_DEBOUNCE_MS },
        enqueueInMs: expect.any(Number),
      },
      { user },
    );
    const options = enqueue.mock.calls[0] as unknown as [unknown, unknown, { enqueueInMs: number }];
    // The job must start after the dedup window closes, so it reads the burst's last value.
    expect(options[2].enqueueInMs).toBeGreaterThan(CONSOLIDATION_DEBOUNCE_MS);
  });

  it('does not enqueue anything for persist=false', async () => {
    const { service, enqueue } = setup();
    await service.put(user, 'k', dto({ value: 1, persist: false }));
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('answers MEMORY_NOT_FOUND for a read of a missing key', async () => {
    const { service } = setup();
    await expect(service.get(user, 'nope')).rejects.toBeInstanceOf(MemoryNotFoundError);
  });

  it('deletes the long-term row even when the short-term key already expired; 404 only when neither existed', async () => {
    const { service, recall } = setup();
    await expect(service.delete(user, 'k')).rejects.toBeInstanceOf(MemoryNotFoundError);
    recall.forget.mockResolvedValueOnce(true);
    await expect(service.delete(user, 'k')).resolves.toMatchObject({ short_term_deleted: false, long_term_deleted: true });
  });
});
