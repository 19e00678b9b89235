import { jest } from '@jest/globals';
import { type EmbeddingService } from '../vectors/embedding/embedding.service.js';
import { MAX_EMBEDDED_CHARS } from './memory.constants.js';
import { contentSha256 } from './memory-content.js';
import { type MemoryRecallRepository } from './memory-recall.repository.js';
import { MemoryRecallService } from './memory-recall.service.js';
import { type MemoryRepository } from './memory.repository.js';

const job = { user_id: '00000000-0000-4000-8000-000000000001', agent_id: 'default', key: 'k' };

function setup(pending: (string | undefined)[], existing?: { contentSha256: string; model: string; dimension: number }) {
  const pendingValue = jest.fn<() => Promise<string | undefined>>();
  for (const value of pending) pendingValue.mockResolvedValueOnce(value);
  const shortTerm = { pendingValue, clearPending: jest.fn(async () => undefined) };
  const longTerm = { findFingerprint: jest.fn(async () => existing), upsert: jest.fn(async () => undefined) };
  const embed = jest.fn(async (texts: string[]) => texts.map(() => [1, 0, 0]));
  const embeddings = { model: 'hash-test', dimension: 3, embed };
  const service = new MemoryRecallService(
    shortTerm as unknown as MemoryRepository,
    longTerm as unknown as MemoryRecallRepository,
    embeddings as unknown as EmbeddingService,
  );
  return { service, shortTerm, longTerm, embed };
}

describe('MemoryRecallService.consolidate', () => {
  it('embeds the pending value as text and upserts it, then clears the pending snapshot', async () => {
    const json = JSON.stringify({ likes: 'tea' });
    const { service, longTerm, embed, shortTerm } = setup([json, json]);
    await expect(service.consolidate(job)).resolves.toEqual({ status: 'stored' });
    expect(embed).toHaveBeenCalledWith([json], undefined);
    expect(longTerm.upsert).toHaveBeenCalledWith(
      { userId: job.user_id, agentId: 'default', key: 'k' },
      expect.objectContaining({ value: { likes: 'tea' }, contentSha256: contentSha256(json), model: 'hash-test', dimension: 3 }),
    );
    expect(shortTerm.clearPending).toHaveBeenCalledWith(expect.anything(), json);
  });

  it('embeds a string value as the string itself', async () => {
    const { service, embed } = setup(['"plain words"', '"plain words"']);
    await service.consolidate(job);
    expect(embed).toHaveBeenCalledWith(['plain words'], undefined);
  });

  it('embeds only the start of a very long value but stores all of it', async () => {
    const long = JSON.stringify('w'.repeat(20_000));
    const { service, embed, longTerm } = setup([long, long]);
    await service.consolidate(job);
    expect((embed.mock.calls[0] as unknown as [string[]])[0][0]).toHaveLength(MAX_EMBEDDED_CHARS);
    expect(longTerm.upsert).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ content: 'w'.repeat(20_000) }));
  });

  it('does not embed or store identical content twice', async () => {
    const json = '"same"';
    const { service, longTerm, embed } = setup([json], { contentSha256: contentSha256(json), model: 'hash-test', dimension: 3 });
    await expect(service.consolidate(job)).resolves.toEqual({ status: 'unchanged' });
    expect(embed).not.toHaveBeenCalled();
    expect(longTerm.upsert).not.toHaveBeenCalled();
  });

  it('re-embeds identical content when the embedding model changed', async () => {
    const json = '"same"';
    const { service, longTerm } = setup([json, json], { contentSha256: contentSha256(json), model: 'old-model', dimension: 3 });
    await expect(service.consolidate(job)).resolves.toEqual({ status: 'stored' });
    expect(longTerm.upsert).toHaveBeenCalled();
  });

  it('skips when nothing is pending (already consolidated or deleted)', async () => {
    const { service, embed } = setup([undefined]);
    await expect(service.consolidate(job)).resolves.toEqual({ status: 'skipped', reason: 'nothing_pending' });
    expect(embed).not.toHaveBeenCalled();
  });

  it('does not store a memory deleted while it was being embedded', async () => {
    const { service, longTerm } = setup(['"x"', undefined]);
    await expect(service.consolidate(job)).resolves.toEqual({ status: 'skipped', reason: 'deleted' });
    expect(longTerm.upsert).not.toHaveBeenCalled();
  });
});
