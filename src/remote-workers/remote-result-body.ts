import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../infra/config/app-config.js';

const CODE_BY_STATUS: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

interface ParserError {
  type?: string;
  status?: number;
}

/**
 * The lease routes take results far larger than the API's default JSON limit (a large file's vectors): their own
 * JSON parser, up to REMOTE_RESULT_MAX_BYTES, mounted before the global one (which then skips a parsed body). Its
 * refusals are answered in the error envelope here: Nest's exception filter never sees errors of such middleware.
 */
export function useRemoteResultBodyParser(app: INestApplication, config: AppConfig, apiPrefix: string): void {
  const path = `/${apiPrefix}/remote-workers/leases`;
  const parse = express.json({ limit: config.remoteWorkers.resultMaxBytes });
  // Wrapped under a name of its own: Nest skips its global JSON parser when it finds a middleware named jsonParser.
  const remoteResultJson = (req: Request, res: Response, next: NextFunction) => parse(req, res, next);
  app.use(path, remoteResultJson);
  app.use(path, (error: ParserError, _req: Request, res: Response, next: NextFunction) => {
    if (!error || typeof error.status !== 'number') {
      next(error);
      return;
    }
    const [status, code, message] =
      error.type === 'entity.too.large'
        ? [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large (REMOTE_RESULT_MAX_BYTES)']
        : error.type === 'entity.parse.failed'
          ? [400, 'MALFORMED_JSON', 'The request body is not valid JSON']
          : [error.status, CODE_BY_STATUS[error.status] ?? 'BAD_REQUEST', 'The request body could not be read'];
    res.status(status).json({ success: false, message, error: { code } });
  });
}
