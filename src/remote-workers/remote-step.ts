import type { Job } from 'bullmq';
import type { RemoteQueue } from './remote-queues.js';

/** One line of a lease's input stream (NDJSON): first a `job` header, then the file's chunks. */
export type RemoteInputLine =
  | {
      type: 'job';
      file_id: string;
      chunk_count: number;
      /** What the result must hold: `vectors`, `graph` or both (an extract-graph with force_rechunk). */
      needs: ('vectors' | 'graph')[];
      /** The model and dimension the API stores and searches with: vectors of another model are refused. */
      embedding: { model: string; dimension: number };
    }
  | { type: 'chunk'; id: string; chunk_index: number; text: string };

/**
 * The server side of a queue's step run by a remote worker: what it streams as input, and how it validates and
 * writes the result, through the same services the queue's in-house processor calls.
 */
export interface RemoteStep {
  readonly queue: RemoteQueue;
  /** False for jobs only an in-house worker may run (they are handed back at claim, keeping their place). */
  accepts(job: Job): boolean;
  /** Readies the job's input when it is leased (an extract-graph with force_rechunk parses and chunks again). */
  prepare(job: Job): Promise<void>;
  input(job: Job): AsyncIterable<RemoteInputLine>;
  /** Validates the result (InvalidRemoteResultError, StaleChunksError) and writes it; returns the job's return value. */
  write(job: Job, result: unknown): Promise<unknown>;
}
