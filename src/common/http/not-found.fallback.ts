import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { ErrorEnvelope } from './envelope.js';

/**
 * Nest answers unknown paths with its 404 only under the global prefix; any other path (`/`, `/metrics/x`, a path
 * the Bull Board router passes on) reached Express's default HTML page. Appended after every route and Nest's own
 * handlers (bootstrap runs after route registration), this answers those with the error envelope.
 */
@Injectable()
export class NotFoundFallback implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return; // an application context without HTTP
    httpAdapter.getInstance<Express>().use((req: Request, res: Response) => {
      const body: ErrorEnvelope = {
        success: false,
        message: `Cannot ${req.method} ${req.path}`,
        error: { code: 'NOT_FOUND' },
      };
      res.status(404).json(body);
    });
  }
}
