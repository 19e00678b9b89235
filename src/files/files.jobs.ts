import { defineJob } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

export interface ProcessFilePayload {
  file_id: string;
}

/** parse → chunk → vectorize → store → extract graph. One live job per file (dedup by job id). */
export const processFileJob = defineJob<ProcessFilePayload, 'process-file'>(QueueName.FileProcessing, 'process-file', {
  retry: { max: 2, intervalMs: 5_000 },
  jobTimeoutMs: 60 * 60_000,
});

/**
 * The contract asks for `{file_id}:process`, but BullMQ 6 refuses a custom id with a colon unless it has exactly
 * three segments ("Custom Id cannot contain :"); this is the nearest id it accepts.
 */
export const processFileJobId = (fileId: string) => `file:${fileId}:process`;

export type FilesJob = { name: 'process-file'; data: ProcessFilePayload };
