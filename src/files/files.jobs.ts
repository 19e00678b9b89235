import { defineJob } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

export interface ProcessFilePayload {
  file_id: string;
  /**
   * Stop after chunking (parse, chunk, store the chunks; no vectors): the run's own `vectorize-file` step embeds them,
   * in the pool ROUTES_FILE sends the file's vectorization to (see FileProcessingQueue).
   */
  chunks_only?: true;
}

/**
 * The text stage of a file's run: parse → chunk → vectorize → store, after which the file is searchable (with
 * `chunks_only`, parse → chunk, and the run's `vectorize-file` step embeds). The run's `extract-graph` job on
 * kg_extraction then extracts the graph (see FileProcessingQueue).
 * One live job per file (dedup by job id).
 */
export const processFileJob = defineJob<ProcessFilePayload, 'process-file'>(QueueName.FileProcessing, 'process-file', {
  retry: { max: 2, intervalMs: 5_000 },
  jobTimeoutMs: 60 * 60_000,
}, (data) => data.file_id);

/**
 * The contract asks for `{file_id}:process`, but BullMQ 6 refuses a custom id with a colon unless it has exactly
 * three segments ("Custom Id cannot contain :"); this is the nearest id it accepts.
 */
export const processFileJobId = (fileId: string) => `file:${fileId}:process`;

/** First step of a `force_rechunk` graph regeneration: parse and chunk the file again (rechunk → vectorize → extract). */
export const rechunkFileJob = defineJob<ProcessFilePayload, 'rechunk-file'>(QueueName.FileProcessing, 'rechunk-file', {
  retry: { max: 2, intervalMs: 5_000 },
  jobTimeoutMs: 60 * 60_000,
}, (data) => data.file_id);

export const rechunkFileJobId = (fileId: string) => `file:${fileId}:rechunk`;

export type FilesJob = { name: 'process-file'; data: ProcessFilePayload } | { name: 'rechunk-file'; data: ProcessFilePayload };
