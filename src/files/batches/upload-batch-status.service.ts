import { Injectable, type MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { FileNotFoundError } from '../file-core.errors.js';
import type { ProcessingStatus } from '../file-core.types.js';
import { FilesService } from '../files.service.js';
import { ProcessingEventsSubscriber } from '../processing-events.subscriber.js';
import { normalize } from '../processing-status.repository.js';
import { UploadBatchNotFoundError } from './upload-batch.errors.js';
import type { UploadBatchRecord, UploadBatchView } from './upload-batch.types.js';
import { toUploadBatchView } from './upload-batch-view.js';
import { UploadBatchesRepository } from './upload-batches.repository.js';

/** How often an open batch stream reads every file's status again: a deleted file publishes no event. */
const BATCH_STREAM_REFRESH_MS = 2000;

/** A batch's progress: now, or as Server-Sent Events until every file has ended. */
@Injectable()
export class UploadBatchStatusService {
  constructor(
    private readonly batches: UploadBatchesRepository,
    private readonly files: FilesService,
    private readonly events: ProcessingEventsSubscriber,
  ) {}

  async view(user: AuthUser, batchId: string): Promise<UploadBatchView> {
    const batch = await this.owned(user, batchId);
    return toUploadBatchView(batch, await this.currentStatuses(user, batch));
  }

  /** Resolved before any header is written, so an unknown batch is still a JSON 404. */
  async stream(user: AuthUser, batchId: string): Promise<Observable<MessageEvent>> {
    const batch = await this.owned(user, batchId);
    return new Observable<MessageEvent>((subscriber) => {
      const statuses = new Map<string, ProcessingStatus | null>();
      let stops: Array<() => Promise<void>> = [];
      let ready = false;
      let closed = false;
      let last = '';
      const emit = () => {
        if (!ready || closed) return;
        const view = toUploadBatchView(batch, statuses);
        const encoded = JSON.stringify(view);
        if (encoded === last) return;
        last = encoded;
        subscriber.next({ type: 'batch', data: view });
        if (view.done) subscriber.complete();
      };
      const refresh = async () => {
        for (const [fileId, status] of await this.currentStatuses(user, batch)) statuses.set(fileId, status);
        emit();
      };
      const timer = setInterval(() => void refresh().catch(() => undefined), BATCH_STREAM_REFRESH_MS);
      // Listen first, then read the current state, so no change between the two is missed.
      Promise.all(
        fileIds(batch).map((fileId) =>
          this.events.listen(fileId, (status) => {
            statuses.set(fileId, normalize(status));
            emit();
          }),
        ),
      )
        .then(async (unlisten) => {
          stops = unlisten;
          if (closed) return void (await Promise.all(stops.map((stop) => stop())));
          for (const [fileId, status] of await this.currentStatuses(user, batch)) {
            if (!statuses.has(fileId)) statuses.set(fileId, status);
          }
          ready = true;
          emit();
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        clearInterval(timer);
        void Promise.all(stops.map((stop) => stop()));
      };
    });
  }

  private async owned(user: AuthUser, batchId: string): Promise<UploadBatchRecord> {
    const batch = await this.batches.find(batchId);
    if (!batch || (batch.owner_id !== user.id && user.role !== 'admin')) throw new UploadBatchNotFoundError(batchId);
    return batch;
  }

  private async currentStatuses(user: AuthUser, batch: UploadBatchRecord): Promise<Map<string, ProcessingStatus | null>> {
    const ids = fileIds(batch);
    const statuses = await Promise.all(
      ids.map((fileId) =>
        this.files.processingStatus(user, fileId).catch((error: unknown) => {
          if (error instanceof FileNotFoundError) return null;
          throw error;
        }),
      ),
    );
    return new Map(ids.map((fileId, i) => [fileId, statuses[i]!]));
  }
}

function fileIds(batch: UploadBatchRecord): string[] {
  return [...new Set(batch.files.flatMap((part) => ('file_id' in part ? [part.file_id] : [])))];
}
