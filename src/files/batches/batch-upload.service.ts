import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AppConfig } from '../../infra/config/app-config.js';
import type { TaskPriority } from '../../infra/queue/task-priority.js';
import { BlobStorage } from '../../infra/storage/blob-storage.js';
import type { JobOwner } from '../../jobs/user-task-queue.js';
import { QuotaService } from '../../quota/quota.service.js';
import type { UploadReservation } from '../../quota/upload-reservation.js';
import { DETECTION_HEAD_BYTES } from '../parsing/document-type.js';
import { FileUploadService } from '../upload/file-upload.service.js';
import { MultipartFileReceiver, type ReceivedPart } from '../upload/multipart-file.receiver.js';
import type { BatchPart, UploadBatchRecord } from './upload-batch.types.js';
import { UploadBatchesRepository } from './upload-batches.repository.js';

/**
 * A batch upload: every `file` part of one request goes through the single-upload rules (size, type by content,
 * dedup, quotas) in turn; a part that breaks one is refused with its error while the others go on. The batch is
 * recorded with each part's file or error, so its progress can be followed.
 */
@Injectable()
export class BatchUploadService {
  constructor(
    private readonly config: AppConfig,
    private readonly receiver: MultipartFileReceiver,
    private readonly uploads: FileUploadService,
    private readonly quota: QuotaService,
    private readonly blobs: BlobStorage,
    private readonly batches: UploadBatchesRepository,
  ) {}

  async upload(
    req: IncomingMessage,
    user: AuthUser,
    options: { reprocess?: boolean; priority?: TaskPriority } = {},
  ): Promise<{ batch_id: string; files: BatchPart[] }> {
    const limits = await this.quota.limitsFor(user);
    this.quota.assertPriorityAllowed(limits, options.priority);
    const owner: JobOwner = { user, priority: options.priority, limits };
    const reservations = new Map<number, { fileId: string; reservation?: UploadReservation }>();
    const files: BatchPart[] = [];
    const record: UploadBatchRecord = { batch_id: randomUUID(), owner_id: user.id, created_at: new Date().toISOString(), files };
    try {
      await this.receiver.receiveEach(
        req,
        {
          maxFiles: this.config.files.batchMaxFiles,
          optionsFor: (index) => {
            const part: { fileId: string; reservation?: UploadReservation } = { fileId: randomUUID() };
            reservations.set(index, part);
            return {
              maxBytes: this.config.files.uploadMaxBytes,
              headBytes: DETECTION_HEAD_BYTES,
              onFileStart: async () => {
                part.reservation = await this.quota.reserveUpload(user.id, part.fileId, limits, null);
                return () => undefined;
              },
              admitBytes: limits.max_storage_bytes === null ? undefined : (bytes) => part.reservation!.admitBytes(bytes),
            };
          },
        },
        async (received, index) => {
          const part = reservations.get(index);
          reservations.delete(index);
          files.push(await this.settlePart(received, part, owner, options.reprocess === true));
        },
      );
    } finally {
      // The parts handled so far stay followable even when the request broke off.
      if (files.length > 0) await this.batches.save(record);
    }
    return { batch_id: record.batch_id, files };
  }

  private async settlePart(
    received: ReceivedPart,
    part: { fileId: string; reservation?: UploadReservation } | undefined,
    owner: JobOwner,
    reprocess: boolean,
  ): Promise<BatchPart> {
    const { filename } = received;
    try {
      if (received.file === undefined) throw received.error;
      const outcome = await this.uploads.accept(part!.fileId, received.file, part!.reservation!, owner, reprocess);
      if (outcome.kind === 'duplicate') return { filename, file_id: outcome.file.id, job_id: null, status: 'duplicate' };
      return { filename, file_id: outcome.file_id, job_id: outcome.job_id, status: outcome.status };
    } catch (error) {
      await part?.reservation?.release().catch(() => undefined);
      if (received.file) await this.blobs.remove(received.file.blob_id);
      // A refusal of this file is its answer; anything else (Redis or the database down) fails the request.
      if (!(error instanceof DomainError)) throw error;
      return { filename, error: { code: error.code, message: error.message } };
    }
  }
}
