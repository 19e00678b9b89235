import { defineJob } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

export interface VectorizeFilePayload {
  file_id: string;
  /**
   * The embedding step of a file's processing run, split from its text stage because ROUTES_FILE sends the file's
   * vectorization to another pool (see FileProcessingQueue): it ends the run's text stage, and a final failure fails
   * the run. Absent: a regeneration, whose failure only marks its stages failed.
   */
  ends_text_stage?: true;
}

/** Every job of the vectorization queue. */
export type VectorsJob = { name: 'vectorize-file'; data: VectorizeFilePayload };

/** Re-embeds a file's chunks (chunking first if it has none) and replaces its vectors. */
export const VectorizeFileJob = defineJob<VectorizeFilePayload, 'vectorize-file'>(
  QueueName.Vectorization,
  'vectorize-file',
  { retry: { max: 2, intervalMs: 5_000 } },
  (data) => data.file_id,
);

/**
 * Dedup id: asking again while a regeneration is queued or running returns that job. The contract says
 * `{file_id}:vectorize`, but BullMQ 6 refuses a custom id with a colon unless it has exactly three segments.
 */
export const vectorizeJobId = (fileId: string) => `file:${fileId}:vectorize`;

/** The embedding step of a file's run (ends_text_stage): its own id, so a regeneration asked meanwhile is not taken for it. */
export const runVectorizeJobId = (fileId: string) => `file:${fileId}:embed`;
