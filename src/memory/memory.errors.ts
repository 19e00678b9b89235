import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';

export class MemoryNotFoundError extends DomainError {
  constructor(key: string, agentId: string) {
    super('MEMORY_NOT_FOUND', `Memory "${key}" of agent "${agentId}" not found or expired`, HttpStatus.NOT_FOUND, {
      key,
      agent_id: agentId,
    });
  }
}

export class MemoryValueTooLargeError extends DomainError {
  constructor(bytes: number, limit: number) {
    super('MEMORY_VALUE_TOO_LARGE', `The value is ${bytes} bytes of JSON; the limit is ${limit}`, HttpStatus.PAYLOAD_TOO_LARGE, {
      bytes,
      limit,
    });
  }
}

export class InvalidMemoryCursorError extends DomainError {
  constructor() {
    super('INVALID_CURSOR', 'The cursor is not one this API returned', HttpStatus.BAD_REQUEST);
  }
}
