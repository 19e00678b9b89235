import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

export class FileNotFoundError extends DomainError {
  constructor(fileId: string) {
    super('FILE_NOT_FOUND', 'File not found', HttpStatus.NOT_FOUND, { file_id: fileId });
  }
}

/** The file's stored bytes are gone (deleted underneath us): retrying cannot help. */
export class FileBlobMissingError extends DomainError {
  constructor(fileId: string) {
    super('FILE_BLOB_MISSING', 'The stored file content is missing', HttpStatus.GONE, { file_id: fileId });
  }
}

/** A run's chunks were not all there when it went to promote them: another run rechunked the file meanwhile. */
export class ChunkGenerationChangedError extends Error {
  constructor(fileId: string) {
    super(`the chunks of file ${fileId} were rewritten concurrently; retry`);
  }
}
