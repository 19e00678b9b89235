import { HttpStatus } from '@nestjs/common';
import { DomainError, RetryLaterError } from '../common/errors/domain-error.js';

/** The 401 codes a client can act on: refresh on TOKEN_EXPIRED, log in again on the others. */
export type TokenErrorCode = 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'TOKEN_REVOKED';

const TOKEN_ERROR_MESSAGES: Record<TokenErrorCode, string> = {
  UNAUTHENTICATED: 'A bearer access token is required',
  TOKEN_EXPIRED: 'The token has expired',
  TOKEN_INVALID: 'The token is invalid',
  TOKEN_REVOKED: 'The token has been revoked',
};

export class TokenError extends DomainError {
  constructor(code: TokenErrorCode, message = TOKEN_ERROR_MESSAGES[code]) {
    super(code, message, HttpStatus.UNAUTHORIZED);
  }
}

/** Same answer whether the email exists or not. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'Invalid email or password', HttpStatus.UNAUTHORIZED);
  }
}

export class AccountDisabledError extends DomainError {
  constructor() {
    super('ACCOUNT_DISABLED', 'This account is disabled', HttpStatus.FORBIDDEN);
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this email already exists', HttpStatus.CONFLICT);
  }
}

export class ForbiddenRoleError extends DomainError {
  constructor() {
    super('FORBIDDEN', 'Your role does not allow this', HttpStatus.FORBIDDEN);
  }
}

/** An admin may not lock themselves out (demote or disable their own account). */
export class SelfLockoutError extends DomainError {
  constructor() {
    super('SELF_LOCKOUT', 'You cannot demote or disable your own account', HttpStatus.CONFLICT);
  }
}

export class RegistrationClosedError extends DomainError {
  constructor() {
    super('REGISTRATION_CLOSED', 'Registration is closed; ask an admin for an account', HttpStatus.FORBIDDEN);
  }
}

/** The current password given to change it is wrong (a form error, not an authentication failure). */
export class WrongPasswordError extends DomainError {
  constructor() {
    super('WRONG_PASSWORD', 'The current password is wrong', HttpStatus.BAD_REQUEST);
  }
}

/** Every password-hashing slot is busy and the wait line is full: come back later. */
export class HasherBusyError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super('BUSY', 'Too many sign-ins at once; try again shortly', HttpStatus.SERVICE_UNAVAILABLE, retryAfterSeconds);
  }
}
