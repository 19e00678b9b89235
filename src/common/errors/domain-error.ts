import { HttpStatus } from '@nestjs/common';

/**
 * Base of every typed error a service throws. The exception filter turns it into the error envelope:
 * `{success: false, message, error: {code, details}}` with `status`.
 */
export class DomainError extends Error {
  /** Response headers the error needs (e.g. Retry-After); the exception filter sets them. */
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: unknown, message = 'Validation failed') {
    super('VALIDATION_ERROR', message, HttpStatus.BAD_REQUEST, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what} not found`, HttpStatus.NOT_FOUND);
  }
}

/** A request body in a media type the route does not take (it would be ignored, not parsed). */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(received: string, accepted: string[]) {
    super('UNSUPPORTED_MEDIA_TYPE', `This route takes ${accepted.join(' or ')} bodies, not ${received}`, HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
      accepted,
    });
  }
}

export class DependencyUnavailableError extends DomainError {
  constructor(dependency: 'redis' | 'database', reason?: string) {
    super('SERVICE_UNAVAILABLE', `${dependency === 'redis' ? 'Redis' : 'The database'} is unavailable`, 503, {
      dependency,
      reason,
    });
  }
}

/** A refusal that waiting fixes: Retry-After (whole seconds, at least 1) in the header and the details. */
export class RetryLaterError extends DomainError {
  override readonly headers: Record<string, string>;

  constructor(code: string, message: string, status: HttpStatus, retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(code, message, status, { retry_after_seconds: seconds });
    this.headers = { 'Retry-After': String(seconds) };
  }
}

/** Too many attempts: 429 with Retry-After. */
export class RateLimitedError extends RetryLaterError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts; try again later') {
    super('RATE_LIMITED', message, HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds);
  }
}
