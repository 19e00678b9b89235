import { defineJob } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

export interface ExtractGraphPayload {
  file_id: string;
  /** Parse and chunk the file again first, and regenerate its vectors, so chunks, vectors and graph agree. */
  force_rechunk: boolean;
  /**
   * The graph stage of the file's processing run: the flow's last job, run once its `process-file` job stored the
   * file's text. It ends the run (the file becomes `completed`; a graph failure leaves kg_extraction `failed` only).
   */
  ends_run?: boolean;
}

/** Every job of the kg_extraction queue. */
export type GraphJob = { name: 'extract-graph'; data: ExtractGraphPayload };

/** Re-extracts a file's knowledge graph, replacing that file's contributions. */
export const ExtractGraphJob = defineJob<ExtractGraphPayload, 'extract-graph'>(QueueName.KgExtraction, 'extract-graph', {
  retry: { max: 2, intervalMs: 5_000 },
  jobTimeoutMs: 60 * 60_000,
}, (data) => data.file_id);

/**
 * Dedup id: asking again while an extraction is queued or running returns that job. The contract says
 * `{file_id}:graph`, but BullMQ 6 refuses a custom id with a colon unless it has exactly three segments.
 */
export const extractGraphJobId = (fileId: string) => `file:${fileId}:graph`;
