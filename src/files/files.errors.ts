import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

export class FileTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, HttpStatus.PAYLOAD_TOO_LARGE, {
      max_bytes: maxBytes,
    });
  }
}

export class EmptyFileError extends DomainError {
  constructor() {
    super('EMPTY_FILE', 'The uploaded file is empty', HttpStatus.UNPROCESSABLE_ENTITY);
  }
}

export class NoFilePartError extends DomainError {
  constructor() {
    super('NO_FILE', 'The request has no multipart field named "file"', HttpStatus.BAD_REQUEST);
  }
}

export class InvalidMultipartError extends DomainError {
  constructor(reason: string) {
    super('INVALID_MULTIPART', `The request is not a valid multipart/form-data upload: ${reason}`, HttpStatus.BAD_REQUEST);
  }
}

export class InvalidFileIdError extends DomainError {
  constructor() {
    super('INVALID_FILE_ID', 'X-File-Id (or the file_id field) must be a UUID', HttpStatus.BAD_REQUEST);
  }
}

export class FileIdTakenError extends DomainError {
  constructor(fileId: string) {
    super('FILE_ID_TAKEN', 'A file with this id already exists', HttpStatus.CONFLICT, { file_id: fileId });
  }
}

export class UploadAbortedError extends DomainError {
  constructor() {
    super('UPLOAD_ABORTED', 'The client aborted the upload', HttpStatus.BAD_REQUEST);
  }
}

/** A batch upload's part past BATCH_MAX_FILES (the parts before it are uploaded). */
export class TooManyFilesError extends DomainError {
  constructor(maxFiles: number) {
    super('TOO_MANY_FILES', `A batch takes at most ${maxFiles} files`, HttpStatus.PAYLOAD_TOO_LARGE, { max_files: maxFiles });
  }
}
