import type { EnqueuedTask } from '../../infra/queue/task-queue.service.js';
import type { FileStatus } from '../file-core.types.js';

/** A part of a batch upload as recorded: the file it created (or the existing one for a duplicate), or its refusal. */
export type BatchPart =
  | { filename: string; file_id: string; job_id: string | null; status: EnqueuedTask['status'] | 'duplicate' }
  | { filename: string; error: { code: string; message: string } };

/** `upload:batch:{batch_id}`: who sent the batch and what became of each part, in the order sent. */
export interface UploadBatchRecord {
  batch_id: string;
  owner_id: string;
  created_at: string;
  files: BatchPart[];
}

/** A part of a batch now: a file with its live processing status, or the refusal. */
export type BatchFileView =
  | { filename: string; file_id: string; job_id: string | null; status: FileStatus; progress: number; searchable: boolean; error?: { code: string; message: string } }
  | { filename: string; status: 'failed'; progress: 100; searchable: false; error: { code: string; message: string } };

/** GET /files/batches/{batch_id}: counts over every part (a refused part counts as failed). */
export interface UploadBatchView {
  batch_id: string;
  total: number;
  counts: Record<FileStatus, number>;
  /** How many files' chunks are stored and found by search. */
  searchable: number;
  /** Mean progress over the parts, 0–100. */
  progress: number;
  /** True once every part has ended (completed or failed). */
  done: boolean;
  files: BatchFileView[];
}
