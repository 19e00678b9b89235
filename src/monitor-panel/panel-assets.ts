import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type Request, type Response } from 'express';

export const PANEL_PATH = '/monitor';

/**
 * Serves the monitoring panel's built files (`npm run build` puts them in dist/monitor) at /monitor, outside the API
 * prefix. The page itself is public: it holds no data, signs in through /api/v1/auth/login and reads only
 * admin-only routes, so a non-admin sees nothing but the sign-in form.
 */
@Injectable()
export class PanelAssets implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return; // an application context without HTTP
    const app = httpAdapter.getInstance<Express>();
    const dir = panelBuildDir();
    app.use(PANEL_PATH, (req: Request, res: Response, next) => {
      // The page's relative asset URLs need the trailing slash (Express matches /monitor and /monitor/ alike).
      if (req.originalUrl.split('?')[0] === PANEL_PATH) return res.redirect(301, `${PANEL_PATH}/`);
      if (!existsSync(join(dir, 'index.html'))) {
        res.status(503).json({
          success: false,
          message: 'The monitoring panel is not built: run `npm run build`',
          error: { code: 'PANEL_NOT_BUILT' },
        });
        return;
      }
      next();
    });
    // max-age=0 (serve-static's default): browsers revalidate, so a new build shows at the next load.
    app.use(PANEL_PATH, express.static(dir, { index: 'index.html', redirect: false }));
  }
}

/** dist/monitor of the project (found from this file whether it runs from src/, dist/ or a test build). */
export function panelBuildDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'monitor');
}
