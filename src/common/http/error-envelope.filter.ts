import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isConnectionError } from '../../infra/redis/redis-outage.js';
import { DomainError } from '../errors/domain-error.js';
import { maskCredentials, maskCredentialsIn } from '../text/mask-credentials.js';
import { ErrorEnvelope } from './envelope.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

/** Turns every error into the error envelope: right status, an UPPER_SNAKE code, never a stack trace. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toEnvelope(exception);
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof DomainError && exception.headers) response.set(exception.headers);
    response.status(status).json(body);
  }

  private toEnvelope(exception: unknown): { status: number; body: ErrorEnvelope } {
    if (exception instanceof DomainError) {
      return envelope(exception.status, exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const cause = (exception as { cause?: BodyParserError }).cause;
      if (cause?.type === 'entity.parse.failed' || cause instanceof SyntaxError) {
        return envelope(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
      }
      if (cause?.type === 'entity.too.large') {
        return envelope(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      }
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return envelope(status, CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message);
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return envelope(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    }
    if (parserError?.type === 'entity.too.large') {
      return envelope(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    }
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return envelope(parserError.status, CODE_BY_STATUS[parserError.status] ?? 'BAD_REQUEST', parserError.message);
    }
    if (isDependencyOutage(exception)) {
      return envelope(503, 'SERVICE_UNAVAILABLE', 'A backing service (Redis or the database) is unavailable');
    }
    return envelope(500, 'INTERNAL_ERROR', 'Internal server error');
  }
}

function envelope(status: number, code: string, message: string, details?: unknown) {
  const body: ErrorEnvelope = {
    success: false,
    message: maskCredentials(message),
    error: { code, details: maskCredentialsIn(details) },
  };
  return { status, body };
}

/** Connection failures of ioredis or pg: the request was fine, a dependency is down. */
export function isDependencyOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '08006', '08001', '08003'].includes(code ?? '') ||
    error.name === 'MaxRetriesPerRequestError' ||
    isConnectionError(error) ||
    /Connection is closed|Stream isn't writeable|Connection terminated|connect ECONNREFUSED/i.test(error.message)
  );
}
