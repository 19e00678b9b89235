import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

/** A missing entity, or one of another user's graph (no hint that it exists). */
export class GraphEntityNotFoundError extends DomainError {
  constructor(entityId: string) {
    super('ENTITY_NOT_FOUND', 'Entity not found', HttpStatus.NOT_FOUND, { entity_id: entityId });
  }
}
