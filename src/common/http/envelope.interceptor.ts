import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { SuccessEnvelope } from './envelope.js';
import { RAW_RESPONSE, RESPONSE_MESSAGE } from './response-message.decorator.js';

/** Wraps every route's result in `{success: true, data, message}`. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType() !== 'http' || this.reflector.getAllAndOverride<boolean>(RAW_RESPONSE, targets)) {
      return next.handle();
    }
    const message = this.reflector.getAllAndOverride<string>(RESPONSE_MESSAGE, targets) ?? 'OK';
    return next.handle().pipe(map((data): SuccessEnvelope<unknown> => ({ success: true, data: data ?? null, message })));
  }
}
