import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';

/** The LLM server failed the extraction as a whole; `retryable` is false when trying again cannot help. */
export class LlmExtractionError extends DomainError {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super('KG_EXTRACTION_FAILED', message, HttpStatus.BAD_GATEWAY);
  }
}
