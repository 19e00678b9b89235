import { describe, expect, it } from '@jest/globals';
import type { BlobStorage } from '../infra/storage/blob-storage.js';
import type { ChunkDraft } from './chunking/chunk-draft.js';
import type { TextChunker } from './chunking/text-chunker.js';
import type { FileChunksRepository, NewChunk } from './file-chunks.repository.js';
import { FileChunksService } from './file-chunks.service.js';
import type { ChunkRecord } from './file-core.types.js';
import type { FilesRepository } from './files.repository.js';
import type { IsolatedDocumentParser } from './parsing/isolated-document-parser.js';
import type { ProcessingStatusService } from './processing-status.service.js';

const draft = (i: number): ChunkDraft => ({
  chunk_index: i,
  text: `chunk ${i}`,
  start_offset: i * 10,
  end_offset: i * 10 + 9,
  page: null,
  token_count: 2,
});

/** ensureChunks with the chunker, parser and repository replaced: what is written when, and what is read back. */
function setup(options: { failAfterBatches?: number } = {}) {
  const events: string[] = [];
  const stored = new Map<string, NewChunk[]>();
  const repository = {
    current: async () => ({ generation: '', total: 0 }),
    insertBatch: async (_fileId: string, generation: string, chunks: NewChunk[]) => {
      events.push(`insert ${chunks.length}`);
      stored.set(generation, [...(stored.get(generation) ?? []), ...chunks]);
    },
    promote: async (_fileId: string, _generation: string, total: number) => void events.push(`promote ${total}`),
    discard: async () => void events.push('discard'),
    pageOf: async (_fileId: string, generation: string, after: number, limit: number): Promise<ChunkRecord[]> =>
      (stored.get(generation) ?? [])
        .filter((c) => c.chunk_index > after)
        .slice(0, limit)
        .map((c) => ({ ...c, id: `id-${c.chunk_index}`, file_id: 'f1' })),
  };
  const chunker = {
    async *chunkBatches() {
      for (let batch = 0; batch < 3; batch++) {
        if (batch === options.failAfterBatches) throw new Error('tokenizer crashed');
        events.push(`yield ${batch}`);
        yield [0, 1, 2].map((k) => draft(batch * 3 + k));
      }
    },
  };
  const files = {
    findById: async () => ({ id: 'f1', blob_id: 'b1', file_type: 'txt', size_bytes: 100 }),
  };
  const blobs = { size: async () => 100, pathOf: () => '/nowhere' };
  const parser = { pages: () => (async function* () {})() };
  const status = { updateStage: async () => undefined };
  const service = new FileChunksService(
    repository as unknown as FileChunksRepository,
    files as unknown as FilesRepository,
    blobs as unknown as BlobStorage,
    parser as unknown as IsolatedDocumentParser,
    chunker as unknown as TextChunker,
    status as unknown as ProcessingStatusService,
  );
  return { service, events };
}

describe('FileChunksService.ensureChunks', () => {
  it('writes each batch as the chunker yields it, promotes once, and reads the chunks back page by page', async () => {
    const { service, events } = setup();
    const chunks = await service.ensureChunks('f1', { force: true });
    expect(events).toEqual(['yield 0', 'insert 3', 'yield 1', 'insert 3', 'yield 2', 'insert 3', 'promote 9']);
    expect(chunks.total).toBe(9);
    const pages: number[][] = [];
    for await (const page of chunks.batches(4)) pages.push(page.map((c) => c.chunk_index));
    expect(pages).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8]]);
  });

  it('drops the half-written generation and promotes nothing when chunking fails', async () => {
    const { service, events } = setup({ failAfterBatches: 2 });
    await expect(service.ensureChunks('f1', { force: true })).rejects.toThrow('tokenizer crashed');
    expect(events).toEqual(['yield 0', 'insert 3', 'yield 1', 'insert 3', 'discard']);
  });
});
