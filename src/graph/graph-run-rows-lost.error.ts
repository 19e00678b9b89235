import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * A graph extraction whose staged rows went missing before the merge: the staged tables are unlogged, and a database
 * server that crashed and recovered meanwhile emptied them. Retryable: the next attempt stages everything again.
 */
export class GraphRunRowsLostError extends DomainError {
  constructor(fileId: string, found: number, staged: number) {
    super('GRAPH_RUN_ROWS_LOST', `Staged graph rows were lost (${found} of ${staged} left)`, HttpStatus.SERVICE_UNAVAILABLE, {
      file_id: fileId,
    });
  }
}
