import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

/** A graph extraction whose staged run a newer attempt for the same file replaced (a stalled job's late finish). */
export class GraphRunSupersededError extends DomainError {
  constructor(fileId: string) {
    super('GRAPH_RUN_SUPERSEDED', 'A newer graph extraction of this file replaced this one', HttpStatus.CONFLICT, { file_id: fileId });
  }
}
