import { SetMetadata } from '@nestjs/common';

export const RESPONSE_MESSAGE = 'response_message';
export const RAW_RESPONSE = 'raw_response';

/** The `message` of a route's success envelope. */
export const ResponseMessage = (message: string) => SetMetadata(RESPONSE_MESSAGE, message);

/** The route writes its own body (SSE, Prometheus text, streams): no envelope. */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);
