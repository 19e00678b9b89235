import { ResourceLimitError } from '../../infra/queue/resource-limit.error.js';
import { LlmExtractionError } from './llm-extraction.error.js';

/**
 * True for a graph extraction that no retry can fix: the LLM server refuses our key, model or prompt. Anything else
 * (Redis or the database unavailable, an aborted or terminated extraction thread, a timeout) is transient: the job
 * is retried rather than the file left completed with an empty graph.
 */
export function isPermanentExtractionFailure(error: unknown): boolean {
  // A chunk that blew JOB_MAX_MEMORY_MB would blow it again.
  if (error instanceof ResourceLimitError) return true;
  return error instanceof LlmExtractionError && !error.retryable;
}
