import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/auth-user.js';
import { AppConfig } from '../../infra/config/app-config.js';
import type { EnqueuedTask } from '../../infra/queue/task-queue.service.js';
import type { TaskPriority } from '../../infra/queue/task-priority.js';
import { BlobStorage } from '../../infra/storage/blob-storage.js';
import type { JobOwner } from '../../jobs/user-task-queue.js';
import { QuotaService } from '../../quota/quota.service.js';
import type { UploadReservation } from '../../quota/upload-reservation.js';
import { isUuid } from '../file-records.service.js';
import { FileRecord } from '../file-core.types.js';
import { EmptyFileError, FileIdTakenError, InvalidFileIdError } from '../files.errors.js';
import { FilesRepository } from '../files.repository.js';
import { FileProcessingQueue } from '../file-processing.queue.js';
import { DocumentParser } from '../parsing/document-parser.js';
import { DETECTION_HEAD_BYTES } from '../parsing/document-type.js';
import { withCharset } from '../parsing/text-encoding.js';
import { MultipartFileReceiver, ReceivedFile } from './multipart-file.receiver.js';
import { UploadProgress, UploadProgressRepository } from './upload-progress.repository.js';
import { UploadProgressThrottle } from './upload-progress.throttle.js';

export type UploadOutcome =
  | { kind: 'accepted'; file_id: string; job_id: string; status: EnqueuedTask['status'] }
  | { kind: 'duplicate'; file: FileRecord };

/**
 * One upload: streams the file to blob storage, checks it (size, emptiness, type by content), answers a duplicate
 * with the existing file, records the new file and queues its processing. Nothing half-written stays on disk.
 */
@Injectable()
export class FileUploadService {
  constructor(
    private readonly config: AppConfig,
    private readonly receiver: MultipartFileReceiver,
    private readonly progress: UploadProgressRepository,
    private readonly files: FilesRepository,
    private readonly blobs: BlobStorage,
    private readonly parser: DocumentParser,
    private readonly processing: FileProcessingQueue,
    private readonly quota: QuotaService,
  ) {}

  /**
   * Quotas: `high` priority and the file, storage and hourly limits are checked before any byte is stored; storage
   * again as bytes arrive (an upload past it is cut off), active jobs when the processing job is queued.
   */
  async upload(
    req: IncomingMessage,
    user: AuthUser,
    options: { reprocess?: boolean; priority?: TaskPriority } = {},
  ): Promise<UploadOutcome> {
    const totalBytes = Number(req.headers['content-length']) || null;
    const limits = await this.quota.limitsFor(user);
    this.quota.assertPriorityAllowed(limits, options.priority);
    // Before a byte is received; the exact admission is when the job is queued.
    await this.quota.assertJobRoom(user.id, limits);
    const owner: JobOwner = { user, priority: options.priority, limits };
    let fileId: string | undefined;
    let received: ReceivedFile | undefined;
    let reservation: UploadReservation | undefined;
    try {
      received = await this.receiver.receive(req, {
        maxBytes: this.config.files.uploadMaxBytes,
        headBytes: DETECTION_HEAD_BYTES,
        onFileStart: async (fields) => {
          const id = await this.claimFileId(req.headers['x-file-id'], fields.file_id);
          fileId = id;
          reservation = await this.quota.reserveUpload(user.id, id, limits, totalBytes);
          await this.progress.save(progressOf(id, 'uploading', 0, totalBytes));
          return this.progressReporter(id, totalBytes);
        },
        admitBytes: limits.max_storage_bytes === null ? undefined : (bytes) => reservation!.admitBytes(bytes),
      });
      const outcome = await this.accept(fileId!, received, reservation!, owner, options.reprocess === true);
      await this.progress.save({ ...progressOf(fileId!, 'completed', received.size, totalBytes), progress: 100 });
      return outcome;
    } catch (error) {
      await reservation?.release().catch(() => undefined);
      if (received) await this.blobs.remove(received.blob_id);
      if (fileId) {
        const bytes = received?.size ?? 0;
        await this.progress.save(progressOf(fileId, 'failed', bytes, totalBytes)).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * The single-upload rules for a file on disk: not empty, an accepted type by content, a duplicate answered with the
   * existing file; records it and queues its processing, then settles its quota reservation. On failure the caller
   * removes the blob and releases the reservation.
   */
  async accept(
    fileId: string,
    received: ReceivedFile,
    reservation: UploadReservation,
    owner: JobOwner,
    reprocess: boolean,
  ): Promise<UploadOutcome> {
    if (received.size === 0) throw new EmptyFileError();
    const fileType = await this.parser.detectType(received.head, received.filename);
    const contentType = withCharset(
      CONTENT_TYPES[fileType] ?? received.declared_mime_type,
      this.parser.textEncoding(received.head, fileType) ?? undefined,
    );
    const outcome = await this.record(fileId, received, { fileType, contentType }, owner, reprocess);
    // A new file now counts as stored; a duplicate or reprocessed one frees its slot. If Redis fails here, the
    // reservation lapses and the next reconciliation counts the file from the database.
    const storedNew = outcome.kind === 'accepted' && outcome.file_id === fileId;
    await (storedNew ? reservation.commit(received.size) : reservation.release()).catch(() => undefined);
    return outcome;
  }

  private async record(
    fileId: string,
    received: ReceivedFile,
    { fileType, contentType }: { fileType: string; contentType: string },
    owner: JobOwner,
    reprocess: boolean,
  ): Promise<UploadOutcome> {
    const user = owner.user;
    const existing = await this.files.findByOwnerAndSha256(user.id, received.sha256);
    if (existing) {
      await this.blobs.remove(received.blob_id);
      if (!reprocess) return { kind: 'duplicate', file: existing };
      const task = await this.processing.queue(existing.id, owner);
      return { kind: 'accepted', file_id: existing.id, job_id: task.job_id, status: task.status };
    }
    try {
      await this.files.insert({
        id: fileId,
        owner_id: user.id,
        filename: received.filename,
        content_type: contentType,
        file_type: fileType,
        size_bytes: received.size,
        sha256: received.sha256,
        blob_id: received.blob_id,
        status: 'queued',
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === SAME_CONTENT_CONSTRAINT) {
        // The same content was recorded by a concurrent upload of this user a moment ago.
        const winner = await this.files.findByOwnerAndSha256(user.id, received.sha256);
        if (winner) {
          await this.blobs.remove(received.blob_id);
          return { kind: 'duplicate', file: winner };
        }
      }
      if (constraint) throw new FileIdTakenError(fileId);
      throw error;
    }
    try {
      const task = await this.processing.queue(fileId, owner);
      return { kind: 'accepted', file_id: fileId, job_id: task.job_id, status: task.status };
    } catch (error) {
      // No job means no processing ever: do not leave a file that would stay `queued` forever.
      await this.files.delete(fileId).catch(() => undefined);
      throw error;
    }
  }

  /** The client's id (X-File-Id header, else the file_id field before the file part), or a new one. */
  private async claimFileId(header: string | string[] | undefined, field: string | undefined): Promise<string> {
    const requested = (Array.isArray(header) ? header[0] : header) ?? field;
    if (requested === undefined || requested === '') return randomUUID();
    if (!isUuid(requested)) throw new InvalidFileIdError();
    const id = requested.toLowerCase();
    if (await this.files.findById(id)) throw new FileIdTakenError(id);
    return id;
  }

  /** Writes `upload:progress` at least every MiB or 250 ms, never more often. */
  private progressReporter(fileId: string, totalBytes: number | null): (bytes: number) => void {
    const throttle = new UploadProgressThrottle();
    return (bytes) => {
      if (!throttle.due(bytes)) return;
      void this.progress.save(progressOf(fileId, 'uploading', bytes, totalBytes)).catch(() => undefined);
    };
  }
}

function progressOf(
  fileId: string,
  status: UploadProgress['status'],
  bytes: number,
  totalBytes: number | null,
): UploadProgress {
  const progress = totalBytes ? Math.min(99, Math.floor((bytes / totalBytes) * 100)) : 0;
  return { file_id: fileId, status, progress, bytes_received: bytes, total_bytes: totalBytes };
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  md: 'text/markdown',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
};

const SAME_CONTENT_CONSTRAINT = 'files_owner_sha256_key';

/** The constraint a PostgreSQL unique violation (23505) broke, if the error is one. */
function uniqueViolation(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
    const pgError = candidate as { code?: string; constraint?: string } | undefined;
    if (pgError?.code === '23505') return pgError.constraint ?? 'unknown';
  }
  return undefined;
}
