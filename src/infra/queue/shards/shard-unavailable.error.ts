import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error.js';

/** The queue shard a job routes to (or an operator named) is down: 503; the other shards keep working. */
export class ShardUnavailableError extends DomainError {
  constructor(shard: string, status: string) {
    super('SERVICE_UNAVAILABLE', `Queue shard ${shard} is unavailable`, HttpStatus.SERVICE_UNAVAILABLE, {
      dependency: 'redis',
      shard,
      reason: `connection ${status}`,
    });
  }
}

/** `?shard=` or a migration names a shard that does not exist. */
export class ShardNotFoundError extends DomainError {
  constructor(shard: string, known: readonly string[]) {
    super('SHARD_NOT_FOUND', `Queue shard "${shard}" not found`, HttpStatus.NOT_FOUND, { known_shards: known });
  }
}
