import type { FileStatus, ProcessingStatus } from '../file-core.types.js';
import type { BatchFileView, UploadBatchRecord, UploadBatchView } from './upload-batch.types.js';

const ENDED = new Set<FileStatus>(['completed', 'failed']);

/**
 * A batch as it stands: each file's live status (null when the file was deleted since), refused parts as failed.
 * A file is searchable once its chunks are stored (the storage stage completed).
 */
export function toUploadBatchView(batch: UploadBatchRecord, statuses: ReadonlyMap<string, ProcessingStatus | null>): UploadBatchView {
  const files: BatchFileView[] = batch.files.map((part) => {
    if ('error' in part) return { filename: part.filename, status: 'failed', progress: 100, searchable: false, error: part.error };
    const status = statuses.get(part.file_id);
    const base = { filename: part.filename, file_id: part.file_id, job_id: part.job_id };
    if (status === null) {
      const error = { code: 'FILE_NOT_FOUND', message: 'The file was deleted' };
      return { ...base, status: 'failed', progress: 100, searchable: false, error };
    }
    if (status === undefined) return { ...base, status: 'queued', progress: 0, searchable: false };
    const searchable = status.storage.status === 'completed';
    return { ...base, status: status.status, progress: status.progress, searchable };
  });
  const counts: Record<FileStatus, number> = { queued: 0, processing: 0, completed: 0, failed: 0 };
  for (const file of files) counts[file.status] += 1;
  const progress = files.length ? Math.round(files.reduce((sum, file) => sum + file.progress, 0) / files.length) : 100;
  return {
    batch_id: batch.batch_id,
    total: files.length,
    counts,
    searchable: files.filter((file) => file.searchable).length,
    progress,
    done: files.every((file) => ENDED.has(file.status)),
    files,
  };
}
