import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { DomainError } from '../common/errors/domain-error.js';
import { isDependencyOutage } from '../common/http/error-envelope.filter.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { DashboardAuthenticator } from './dashboard-authenticator.js';
import { assertRedisAvailable } from './redis-availability.js';

export const DASHBOARD_PATH = '/admin/queues';

type BoardErrorResponse = ReturnType<Parameters<ExpressAdapter['setErrorHandler']>[0]>;

/**
 * Bull Board at /admin/queues, outside the /api/v1 prefix, for admins only: it shows every user's jobs (payloads,
 * results, failures). Any other signed-in user gets 403 (pages, assets and its JSON API alike); no credentials → 401
 * with a Basic challenge, so a browser asks for an admin's email and password. Bull Board itself (about 45 MiB) loads
 * at the first admin request, not at start.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');
  private board?: Promise<RequestHandler>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tasks: TaskQueueService,
    private readonly authenticator: DashboardAuthenticator,
    private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return; // an application context without HTTP
    const app = httpAdapter.getInstance<Express>();
    app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.route(req, res, next).catch((error: unknown) => this.fail(res, error));
    });
  }

  /** Bull Board's router, made once; a failed load is not kept (the next request tries again). */
  private loadBoard(): Promise<RequestHandler> {
    this.board ??= this.createBoard().catch((error: unknown) => {
      this.board = undefined;
      throw error;
    });
    return this.board;
  }

  private async createBoard(): Promise<RequestHandler> {
    const [{ createBullBoard }, { ExpressAdapter }, queues] = await Promise.all([
      import('@bull-board/api'),
      import('@bull-board/express'),
      this.adapters(),
    ]);
    const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues,
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Queues' } },
    });
    // Bull Board's own handler adds the error's stack when NODE_ENV=development; same shape (its UI reads it), no stack.
    serverAdapter.setErrorHandler((error: Error & { statusCode?: number }) => ({
      status: (error.statusCode ?? 500) as BoardErrorResponse['status'],
      body: { error: { key: 'ERRORS.INTERNAL_SERVER_ERROR' }, message: error.message },
    }));
    return serverAdapter.getRouter() as RequestHandler;
  }

  /** Every queue's pools on every shard; with QUEUE_SHARDS each named after its shard (`<queue> [shard 1]`). */
  private async adapters(): Promise<BullMQAdapter[]> {
    const { shards } = this.tasks;
    if (!shards.sharded) {
      const { BullMQAdapter } = await import('@bull-board/api/bullMQAdapter');
      return this.tasks.allQueues().map((queue) => new BullMQAdapter(queue));
    }
    const { ShardQueueAdapter } = await import('./shard-queue-adapter.js');
    return shards.all.flatMap((shard) => this.tasks.allQueues(shard).map((queue) => new ShardQueueAdapter(queue, shard.name)));
  }

  private async route(req: Request, res: Response, next: NextFunction) {
    assertRedisAvailable(this.redis);
    const caller = await this.authenticator.authenticate(req.headers.authorization, req.ip ?? '');
    if (!caller) {
      res.setHeader('WWW-Authenticate', 'Basic realm="Queue dashboard", charset="UTF-8"');
      res.status(401).json(errorBody('UNAUTHENTICATED', 'Sign in with an admin account (HTTP Basic) or a bearer token'));
      return;
    }
    if (caller.role === 'admin') {
      const board = await this.loadBoard();
      return board(req, res, next);
    }
    this.logger.warn({ dashboard: 'refused', email: caller.email, method: req.method, path: req.originalUrl });
    res.status(403).json(errorBody('FORBIDDEN', 'The queue dashboard is for admins only'));
  }

  /** Express middleware is outside Nest's exception filter: answer in the error envelope here. */
  private fail(res: Response, error: unknown): void {
    const status = (error as { status?: unknown }).status;
    if (res.headersSent) {
      res.end();
    } else if (typeof status === 'number' && status >= 400 && status < 600) {
      const code = (error as { code?: string }).code ?? 'ERROR';
      if (error instanceof DomainError && error.headers) res.set(error.headers);
      res.status(status).json(errorBody(code, (error as Error).message));
    } else if (isDependencyOutage(error)) {
      res.status(503).json(errorBody('SERVICE_UNAVAILABLE', 'Redis is unavailable'));
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.status(500).json(errorBody('INTERNAL_ERROR', 'Internal server error'));
    }
  }
}

function errorBody(code: string, message: string) {
  return { success: false, message, error: { code } };
}
