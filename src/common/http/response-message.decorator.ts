import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { RAW_RESPONSE_EXTENSION } from './swagger-envelope.js';

export const RESPONSE_MESSAGE = 'response_message';
export const RAW_RESPONSE = 'raw_response';

/** The `message` of a route's success envelope. */
export const ResponseMessage = (message: string) => SetMetadata(RESPONSE_MESSAGE, message);

/** The route writes its own body (SSE, Prometheus text, streams): no envelope. */
export const RawResponse = () => applyDecorators(SetMetadata(RAW_RESPONSE, true), ApiExtension(RAW_RESPONSE_EXTENSION, true));
