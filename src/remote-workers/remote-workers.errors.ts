import { HttpStatus } from '@nestjs/common';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';

/** No valid remote-worker token (missing, unknown or revoked): 401. */
export class RemoteWorkerUnauthenticatedError extends DomainError {
  constructor(reason: 'missing' | 'invalid') {
    super(
      'REMOTE_WORKER_UNAUTHENTICATED',
      reason === 'missing' ? 'A remote-worker token (Authorization: Bearer rw_…) is required' : 'Unknown or revoked remote-worker token',
      HttpStatus.UNAUTHORIZED,
    );
  }
}

export class RemoteWorkerTokenNotFoundError extends NotFoundError {
  constructor() {
    super('Remote-worker token', 'REMOTE_WORKER_TOKEN_NOT_FOUND');
  }
}

/** No lease of this token by that id (never, or another token's): 404. */
export class LeaseNotFoundError extends NotFoundError {
  constructor() {
    super('Lease', 'LEASE_NOT_FOUND');
  }
}

/** The lease expired (the job went back to the queue, maybe to another worker): the answer changes nothing. */
export class LeaseExpiredError extends DomainError {
  constructor() {
    super('LEASE_EXPIRED', 'The lease has expired; the job was returned to the queue and this answer was ignored', HttpStatus.CONFLICT);
  }
}

/** The file's chunks changed since the lease's input was read: the result is for chunks that are no longer its. */
export class StaleChunksError extends DomainError {
  constructor() {
    super('CHUNKS_CHANGED', "The result does not cover the file's current chunks; the job was returned for a retry", HttpStatus.CONFLICT);
  }
}

/** A result that does not fit the job (shape, model, dimension, unknown chunks): 400, the lease stays. */
export class InvalidRemoteResultError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('INVALID_RESULT', message, HttpStatus.BAD_REQUEST, details);
  }
}

/** A queue remote workers cannot serve (its step needs our storage or database): 400. */
export class QueueNotRemoteError extends DomainError {
  constructor(queue: string, remoteQueues: readonly string[]) {
    super('QUEUE_NOT_REMOTE', `Queue ${queue} is not served by remote workers`, HttpStatus.BAD_REQUEST, {
      remote_queues: remoteQueues,
    });
  }
}

export class UnknownUserError extends DomainError {
  constructor() {
    super('USER_NOT_FOUND', 'user_id names no user', HttpStatus.BAD_REQUEST);
  }
}
