import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { UnsupportedMediaTypeError } from '../errors/domain-error.js';

/** Where @ApiConsumes() keeps its media types (@nestjs/swagger does not export its DECORATORS constants). */
export const API_CONSUMES_METADATA = 'swagger/apiConsumes';
const JSON_ONLY = ['application/json'];

/**
 * A JSON route (one without @ApiConsumes: those read their own body, like the multipart upload, and answer for it)
 * must get its body as JSON. Otherwise the body would silently be left unparsed and the route would run with its
 * defaults (a text/plain `{"count": 5}` to requeue-failed requeued every failed job); now it is a 415 in the error
 * envelope. An interceptor, not a guard, so that authentication (401/403) is answered first.
 */
@Injectable()
export class BodyMediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ownMediaTypes = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType() === 'http' && !ownMediaTypes) {
      const request = context.switchToHttp().getRequest<Request>();
      if (sendsNonJsonBody(request)) {
        throw new UnsupportedMediaTypeError(request.headers['content-type'] ?? 'a body without a content type', JSON_ONLY);
      }
    }
    return next.handle();
  }
}

function sendsNonJsonBody(request: Request): boolean {
  // Without a content type only a declared length counts: Node clients send an empty POST chunked.
  if (!request.headers['content-type']) return Number(request.headers['content-length'] ?? 0) > 0;
  // null: no body at all; false: a body of another type (express.json() parses application/json only).
  return request.is(JSON_ONLY) === false;
}
