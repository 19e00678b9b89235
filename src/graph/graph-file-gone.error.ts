import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

/** An extract-graph job whose file was deleted meanwhile: retrying cannot change that. */
export class GraphFileGoneError extends DomainError {
  constructor(fileId: string) {
    super('FILE_NOT_FOUND', 'File not found', HttpStatus.NOT_FOUND, { file_id: fileId });
  }
}
