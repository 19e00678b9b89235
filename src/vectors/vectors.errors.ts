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

/**
 * A run's vectors were not stored because a write of the same file that began later was stored first (or the file's
 * vectors were deleted meanwhile). The file's vectors are whole (the newer set); this run's rows were never visible.
 * Callers in-house end the run cleanly; anywhere it reaches HTTP it is a 409 the client may retry.
 */
export class VectorWriteSupersededError extends DomainError {
  constructor(fileId: string) {
    super(
      'VECTORS_WRITE_SUPERSEDED',
      `A newer write of the vectors of file ${fileId} was stored first; this one was dropped`,
      HttpStatus.CONFLICT,
      { file_id: fileId, retryable: true },
    );
  }
}
