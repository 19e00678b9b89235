import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * An embedding backend failed. `retryable` is false when trying again cannot help (wrong dimension, bad model,
 * bad credentials): the processor then fails the job at once instead of retrying.
 */
export class EmbeddingProviderError extends DomainError {
  constructor(
    message: string,
    readonly retryable: boolean,
    details?: unknown,
  ) {
    super('EMBEDDING_FAILED', message, HttpStatus.BAD_GATEWAY, details);
  }
}

/** The backend answered with vectors of another length than EMBEDDING_DIMENSION. */
export class EmbeddingDimensionMismatchError extends EmbeddingProviderError {
  constructor(model: string, expected: number, actual: number) {
    super(
      `Embedding model "${model}" returned vectors of dimension ${actual}, but EMBEDDING_DIMENSION=${expected}. ` +
        `Set EMBEDDING_DIMENSION=${actual} (then regenerate every file's vectors) or use a model of dimension ${expected}.`,
      false,
      { model, expected, actual },
    );
  }
}

/** A vectorize job whose file was deleted meanwhile: nothing to do, and retrying cannot change that. */
export class VectorizedFileGoneError extends DomainError {
  constructor(fileId: string) {
    super('FILE_NOT_FOUND', `File ${fileId} no longer exists`, HttpStatus.NOT_FOUND, { file_id: fileId });
  }
}

/** A run's vectors were not all there when it went to promote them: another run of the same file replaced them. */
export class VectorGenerationChangedError extends Error {
  constructor(fileId: string) {
    super(`the vectors of file ${fileId} were rewritten concurrently; retry`);
  }
}
