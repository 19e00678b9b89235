import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/** 200 with `{success: true, data: <dto>, message}`: the schema Swagger shows is the real body. */
export function ApiEnvelope(dto: Type, message = 'OK') {
  return applyDecorators(
    ApiExtraModels(dto),
    ApiOkResponse({
      description: 'Success envelope',
      schema: {
        type: 'object',
        required: ['success', 'data', 'message'],
        properties: {
          success: { type: 'boolean', example: true },
          data: { $ref: getSchemaPath(dto) },
          message: { type: 'string', example: message },
        },
      },
    }),
  );
}

export function errorExample(code: string, message: string) {
  return {
    schema: {
      type: 'object',
      properties: {
        success: { type: 'boolean', example: false },
        message: { type: 'string', example: message },
        error: {
          type: 'object',
          properties: { code: { type: 'string', example: code }, details: { nullable: true } },
        },
      },
    },
  };
}

/** The errors every queue-monitor route can answer: no token, not an admin. */
export function ApiAdminErrors() {
  return applyDecorators(
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token', ...errorExample('UNAUTHENTICATED', 'Authentication required') }),
    ApiForbiddenResponse({ description: 'The caller is not an admin', ...errorExample('FORBIDDEN', 'Admin role required') }),
  );
}

export function ApiQueueNotFound() {
  return ApiNotFoundResponse({ description: 'Unknown queue or job', ...errorExample('QUEUE_NOT_FOUND', 'Queue "nope" not found') });
}

export function ApiBadInput() {
  return ApiBadRequestResponse({ description: 'Invalid query or body', ...errorExample('VALIDATION_ERROR', 'Validation failed') });
}

export function ApiStatusConflict() {
  return ApiConflictResponse({
    description: "The job's status does not allow the action",
    ...errorExample('JOB_STATUS_CONFLICT', 'Cannot requeue job "7": its status is finished (allowed: failed)'),
  });
}
