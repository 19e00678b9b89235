import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import type { QuotaName } from './quota-limits.js';

/** Over a per-user limit: 429 with {quota, limit, used}, and Retry-After when waiting frees room. */
export class QuotaExceededError extends DomainError {
  override readonly headers: Record<string, string> | undefined = undefined;

  constructor(quota: QuotaName, limit: number, used: number, retryAfterSeconds?: number) {
    super('QUOTA_EXCEEDED', `Quota exceeded: ${quota} (limit ${limit}, used ${used})`, HttpStatus.TOO_MANY_REQUESTS, {
      quota,
      limit,
      used,
    });
    if (retryAfterSeconds !== undefined) this.headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
}

export class PriorityNotAllowedError extends DomainError {
  constructor() {
    super('PRIORITY_NOT_ALLOWED', 'Your quota does not allow priority=high', HttpStatus.FORBIDDEN);
  }
}
