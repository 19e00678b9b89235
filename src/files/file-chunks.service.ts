import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BlobStorage } from '../infra/storage/blob-storage.js';
import { TextChunker } from './chunking/text-chunker.js';
import { FileBlobMissingError, FileNotFoundError } from './file-core.errors.js';
import { ChunkBatches, ChunkRecord } from './file-core.types.js';
import { FileChunksRepository } from './file-chunks.repository.js';
import { FilesRepository } from './files.repository.js';
import { IsolatedDocumentParser } from './parsing/isolated-document-parser.js';
import { ACCEPTED_DOCUMENT_TYPES, DocumentType } from './parsing/document-type.js';
import { ProcessingStatusService } from './processing-status.service.js';

/** A file's chunks: listing them, and (re)making them from the stored blob. */
@Injectable()
export class FileChunksService {
  constructor(
    private readonly chunks: FileChunksRepository,
    private readonly files: FilesRepository,
    private readonly blobs: BlobStorage,
    private readonly parser: IsolatedDocumentParser,
    private readonly chunker: TextChunker,
    private readonly status: ProcessingStatusService,
  ) {}

  /** Every chunk of the file, ordered by chunk_index. */
  async listChunks(fileId: string): Promise<ChunkRecord[]> {
    return this.chunks.list(fileId);
  }

  async listPage(fileId: string, limit: number, offset: number): Promise<{ items: ChunkRecord[]; total: number }> {
    const [items, total] = await Promise.all([this.chunks.list(fileId, { limit, offset }), this.chunks.count(fileId)]);
    return { items, total };
  }

  /**
   * Parses the stored blob and chunks it when the file has no chunks (or always with `force`), storing the chunks
   * batch by batch as the chunker yields them under a new generation, then promoting it in one short transaction:
   * a rerun replaces the file's chunks, readers never see a mix, and a large file is never held whole in memory.
   * Moves the chunking stage; returns the chunks as pages read on demand.
   */
  async ensureChunks(fileId: string, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<ChunkBatches> {
    if (!opts.force) {
      const existing = await this.chunks.current(fileId);
      if (existing && existing.total > 0) return this.batchesOf(fileId, existing.generation, existing.total);
    }
    const generation = randomUUID();
    try {
      const file = await this.files.findById(fileId);
      if (!file) throw new FileNotFoundError(fileId);
      if ((await this.blobs.size(file.blob_id)) === undefined) throw new FileBlobMissingError(fileId);
      await this.status.updateStage(fileId, 'chunking', { status: 'processing', progress: 0 }, 'Parsing document');
      const total = await this.parseAndStore(file, generation, opts.signal);
      opts.signal?.throwIfAborted();
      await this.chunks.promote(fileId, generation, total);
      await this.status.updateStage(fileId, 'chunking', { status: 'completed', progress: 100 }, `Created ${total} chunks`);
      return this.batchesOf(fileId, generation, total);
    } catch (error) {
      await this.chunks.discard(fileId, generation).catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      await this.status
        .updateStage(fileId, 'chunking', { status: 'failed', progress: 0 }, `Chunking failed: ${reason}`)
        .catch(() => undefined);
      throw error;
    }
  }

  async deleteChunks(fileId: string): Promise<void> {
    await this.chunks.deleteByFile(fileId);
  }

  /**
   * Streams the pages through the chunker and writes each batch as it comes (memory: one batch and one window);
   * progress is the share of the file's size seen as text so far. Returns how many chunks were written.
   */
  private async parseAndStore(
    file: { id: string; blob_id: string; file_type: string; size_bytes: number },
    generation: string,
    signal?: AbortSignal,
  ): Promise<number> {
    const type = toDocumentType(file.file_type);
    const pages = this.parser.pages(this.blobs.pathOf(file.blob_id), type, signal);
    let total = 0;
    let lastReported = 0;
    for await (const batch of this.chunker.chunkBatches(pages, { format: type, signal })) {
      signal?.throwIfAborted();
      await this.chunks.insertBatch(file.id, generation, batch);
      total += batch.length;
      const seen = batch[batch.length - 1].end_offset;
      const progress = Math.min(95, (seen / Math.max(1, file.size_bytes)) * 100);
      if (progress - lastReported >= 5) {
        lastReported = progress;
        await this.status.updateStage(file.id, 'chunking', { status: 'processing', progress }, 'Chunking document');
      }
    }
    return total;
  }

  /** A generation's chunks as keyset pages: each `batches()` call reads them again from the first. */
  private batchesOf(fileId: string, generation: string, total: number): ChunkBatches {
    const repository = this.chunks;
    return {
      total,
      async *batches(batchSize: number, signal?: AbortSignal): AsyncGenerator<ChunkRecord[]> {
        let after = -1;
        for (;;) {
          signal?.throwIfAborted();
          const page = await repository.pageOf(fileId, generation, after, batchSize);
          if (page.length === 0) return;
          yield page;
          if (page.length < batchSize) return;
          after = page[page.length - 1].chunk_index;
        }
      },
    };
  }
}

function toDocumentType(value: string): DocumentType {
  if (!(ACCEPTED_DOCUMENT_TYPES as readonly string[]).includes(value)) throw new Error(`Unknown file type ${value}`);
  return value as DocumentType;
}
