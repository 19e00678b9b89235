import { Injectable, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user.js';
import { BlobStorage } from '../infra/storage/blob-storage.js';
import { GraphService } from '../graph/graph.service.js';
import { QuotaService } from '../quota/quota.service.js';
import { VectorsService } from '../vectors/vectors.service.js';
import { ChunkListResponseDto } from './dto/chunk-response.dto.js';
import { FileListResponseDto, FileResponseDto } from './dto/file-response.dto.js';
import { ListFilesQueryDto, PageQueryDto } from './dto/files-query.dto.js';
import { FileNotFoundError } from './file-core.errors.js';
import { ProcessingStatus } from './file-core.types.js';
import { FileChunksService } from './file-chunks.service.js';
import { FileJobsCanceller } from './file-jobs.canceller.js';
import { FileRecordsService, isUuid } from './file-records.service.js';
import { FilesRepository } from './files.repository.js';
import { ProcessingEventsSubscriber } from './processing-events.subscriber.js';
import { normalize } from './processing-status.repository.js';
import { ProcessingStatusService } from './processing-status.service.js';
import { UploadProgress, UploadProgressRepository } from './upload/upload-progress.repository.js';

const TERMINAL = new Set(['completed', 'failed']);

/** The files routes: listing, reading, status (live and stored), events, chunks, delete. */
@Injectable()
export class FilesService {
  constructor(
    private readonly records: FileRecordsService,
    private readonly files: FilesRepository,
    private readonly chunks: FileChunksService,
    private readonly status: ProcessingStatusService,
    private readonly events: ProcessingEventsSubscriber,
    private readonly uploadProgress: UploadProgressRepository,
    private readonly jobs: FileJobsCanceller,
    private readonly vectors: VectorsService,
    private readonly graph: GraphService,
    private readonly blobs: BlobStorage,
    private readonly quota: QuotaService,
  ) {}

  async list(user: AuthUser, query: ListFilesQueryDto): Promise<FileListResponseDto> {
    const { items, total } = await this.files.list({
      ownerId: user.role === 'admin' ? undefined : user.id,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    return { files: items.map((file) => FileResponseDto.from(file)), total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthUser, fileId: string): Promise<FileResponseDto> {
    return FileResponseDto.from(await this.records.getOwnedFile(fileId, user));
  }

  /** From Redis while the key lives, else the state stored at the end of the last run. */
  async processingStatus(user: AuthUser, fileId: string): Promise<ProcessingStatus> {
    const file = await this.records.getOwnedFile(fileId, user);
    return this.status.current(file);
  }

  async chunkPage(user: AuthUser, fileId: string, page: PageQueryDto): Promise<ChunkListResponseDto> {
    await this.records.getOwnedFile(fileId, user);
    const { items, total } = await this.chunks.listPage(fileId, page.limit, page.offset);
    return { file_id: fileId, chunks: items, total, limit: page.limit, offset: page.offset };
  }

  /** Upload progress; the file may not exist yet (still uploading), but another user's file answers 404. */
  async getUploadProgress(user: AuthUser, fileId: string): Promise<UploadProgress> {
    if (!isUuid(fileId)) throw new FileNotFoundError(fileId);
    const file = await this.records.getFile(fileId);
    if (file && file.owner_id !== user.id && user.role !== 'admin') throw new FileNotFoundError(fileId);
    const progress = await this.uploadProgress.get(fileId);
    if (!progress) throw new FileNotFoundError(fileId);
    return progress;
  }

  /** Every status change of the file until it is completed or failed (the current status first). */
  async statusEvents(user: AuthUser, fileId: string): Promise<Observable<MessageEvent>> {
    const file = await this.records.getOwnedFile(fileId, user);
    return new Observable<MessageEvent>((subscriber) => {
      let last = '';
      let stop: (() => Promise<void>) | undefined;
      let closed = false;
      const emit = (status: ProcessingStatus) => {
        const encoded = JSON.stringify(status);
        if (closed || encoded === last) return;
        last = encoded;
        subscriber.next({ type: 'status', data: status });
        if (TERMINAL.has(status.status)) subscriber.complete();
      };
      // Listen first, then read the current state, so no change between the two is missed.
      this.events
        .listen(fileId, (status) => emit(normalize(status)))
        .then(async (unlisten) => {
          stop = unlisten;
          if (closed) return void unlisten();
          emit(await this.status.current(file));
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        void stop?.();
      };
    });
  }

  /** Cancels the file's jobs, then removes its vectors, graph, chunks, record, blob and status keys. */
  async delete(user: AuthUser, fileId: string): Promise<{ file_id: string; deleted: true }> {
    const file = await this.records.getOwnedFile(fileId, user);
    await this.jobs.cancelAll(file.id);
    await this.vectors.deleteFileVectors(file.id);
    await this.graph.deleteFileGraph(file.id);
    await this.chunks.deleteChunks(file.id);
    await this.files.delete(file.id);
    await this.quota.fileRemoved(file.owner_id, file.size_bytes);
    await this.blobs.remove(file.blob_id);
    await this.status.delete(file.id);
    await this.uploadProgress.delete(file.id);
    return { file_id: file.id, deleted: true };
  }
}
