import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { ACCEPTED_DOCUMENT_TYPES } from './document-type.js';

/** The content is not one of the accepted document types (an executable renamed .txt included). */
export class UnsupportedFileTypeError extends DomainError {
  constructor(reason: string, details: { filename?: string; detected?: string } = {}) {
    super('UNSUPPORTED_FILE_TYPE', `Unsupported file type: ${reason}`, HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
      ...details,
      accepted: ACCEPTED_DOCUMENT_TYPES,
    });
  }
}

/** The document cannot be read (corrupt, truncated, encrypted, not valid UTF-8): retrying cannot help. */
export class CorruptDocumentError extends DomainError {
  constructor(type: string, reason: string) {
    super('CORRUPT_DOCUMENT', `The ${type} document cannot be read: ${reason}`, HttpStatus.UNPROCESSABLE_ENTITY, {
      type,
      reason,
    });
  }
}
