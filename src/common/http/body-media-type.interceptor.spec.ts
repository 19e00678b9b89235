import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import { UnsupportedMediaTypeError } from '../errors/domain-error.js';
import { of } from 'rxjs';
import { BodyMediaTypeInterceptor } from './body-media-type.interceptor.js';

class Routes {
  json(): void {}

  @ApiConsumes('multipart/form-data')
  upload(): void {}
}

/** A request whose body is of `type` (undefined: no body), with express's `req.is` semantics for exact types. */
function contextFor(handler: keyof Routes, type: string | undefined, headers: Record<string, string> = {}): ExecutionContext {
  const request = {
    headers: type ? { 'content-type': type, ...headers } : headers,
    is: (accepted: string[]) => (type === undefined ? null : accepted.includes(type) ? type : false),
  };
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('BodyMediaTypeInterceptor', () => {
  const interceptor = new BodyMediaTypeInterceptor(new Reflector());
  const next: CallHandler = { handle: () => of('handled') };
  /** True when the request reaches the handler; throws what the interceptor throws. */
  const passes = (context: ExecutionContext) => interceptor.intercept(context, next) !== undefined;

  it('lets requests without a body through', () => {
    expect(passes(contextFor('json', undefined))).toBe(true);
    expect(passes(contextFor('json', undefined, { 'transfer-encoding': 'chunked' }))).toBe(true);
  });

  it('refuses a body without a content type', () => {
    expect(() => passes(contextFor('json', undefined, { 'content-length': '12' }))).toThrow(UnsupportedMediaTypeError);
  });

  it('takes JSON bodies on routes that document nothing else', () => {
    expect(passes(contextFor('json', 'application/json'))).toBe(true);
    expect(() => passes(contextFor('json', 'text/plain'))).toThrow(UnsupportedMediaTypeError);
    expect(() => passes(contextFor('json', 'multipart/form-data'))).toThrow(UnsupportedMediaTypeError);
  });

  it('leaves routes with @ApiConsumes (they read their own body) alone', () => {
    expect(passes(contextFor('upload', 'multipart/form-data'))).toBe(true);
    expect(passes(contextFor('upload', 'application/json'))).toBe(true);
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE naming the accepted types', () => {
    try {
      passes(contextFor('json', 'text/plain'));
      throw new Error('no error');
    } catch (error) {
      expect(error).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: { accepted: ['application/json'] } });
    }
  });
});
