import { Injectable } from '@nestjs/common';
import { BlobStorage } from '../infra/storage/blob-storage.js';
import { TextChunker } from './chunking/text-chunker.js';
import { FileBlobMissingError, FileNotFoundError } from './file-core.errors.js';
import { ChunkRecord } from './file-core.types.js';
import { FileChunksRepository, NewChunk } from './file-chunks.repository.js';
import { FilesRepository } from './files.repository.js';
import { DocumentParser } from './parsing/document-parser.js';
import { ACCEPTED_DOCUMENT_TYPES, DocumentType } from './parsing/document-type.js';
import { ProcessingStatusService } from './processing-status.service.js';

/** A file's chunks: listing them, and (re)making them from the stored blob. */
@Injectable()
export class FileChunksService {
  constructor(
    private readonly chunks: FileChunksRepository,
    private readonly files: FilesRepository,
    private readonly blobs: BlobStorage,
    private readonly parser: DocumentParser,
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
   * Parses the stored blob and chunks it when the file has no chunks (or always with `force`), replacing the
   * file's chunks atomically and moving the chunking stage; returns the chunks.
   */
  async ensureChunks(fileId: string, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<ChunkRecord[]> {
    if (!opts.force) {
      const existing = await this.chunks.list(fileId);
      if (existing.length > 0) return existing;
    }
    try {
      const file = await this.files.findById(fileId);
      if (!file) throw new FileNotFoundError(fileId);
      if ((await this.blobs.size(file.blob_id)) === undefined) throw new FileBlobMissingError(fileId);
      await this.status.updateStage(fileId, 'chunking', { status: 'processing', progress: 0 }, 'Parsing document');
      const drafts = await this.parseAndChunk(fileId, file.blob_id, toDocumentType(file.file_type), file.size_bytes, opts.signal);
      opts.signal?.throwIfAborted();
      const chunks = await this.chunks.replace(fileId, drafts);
      await this.files.setChunkCount(fileId, chunks.length);
      await this.status.updateStage(
        fileId,
        'chunking',
        { status: 'completed', progress: 100 },
        `Created ${chunks.length} chunks`,
      );
      return chunks;
    } catch (error) {
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

  /** Streams the pages through the chunker; progress is the share of the file's size seen as text so far. */
  private async parseAndChunk(
    fileId: string,
    blobId: string,
    type: DocumentType,
    sizeBytes: number,
    signal?: AbortSignal,
  ): Promise<NewChunk[]> {
    const pages = this.parser.pages(this.blobs.pathOf(blobId), type);
    const drafts: NewChunk[] = [];
    let lastReported = 0;
    for await (const batch of this.chunker.chunkBatches(pages, { format: type, signal })) {
      drafts.push(...batch);
      const seen = batch[batch.length - 1].end_offset;
      const progress = Math.min(95, (seen / Math.max(1, sizeBytes)) * 100);
      if (progress - lastReported >= 5) {
        lastReported = progress;
        await this.status.updateStage(fileId, 'chunking', { status: 'processing', progress }, 'Chunking document');
      }
    }
    return drafts;
  }
}

function toDocumentType(value: string): DocumentType {
  if (!(ACCEPTED_DOCUMENT_TYPES as readonly string[]).includes(value)) throw new Error(`Unknown file type ${value}`);
  return value as DocumentType;
}
