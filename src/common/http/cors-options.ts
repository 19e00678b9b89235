import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { AppConfig } from '../../infra/config/app-config.js';

/**
 * CORS from CORS_ORIGINS: none by default (browsers then refuse every cross-origin call), `*` for any origin but
 * never with credentials (a page on any site must not act with a user's cookies or HTTP auth), or an explicit list
 * of origins, which may send credentials.
 */
export function corsOptions(config: AppConfig): CorsOptions | undefined {
  const origins = config.http.corsOrigins;
  if (origins === '*') return { origin: '*', credentials: false };
  if (origins.length === 0) return undefined;
  return { origin: origins, credentials: true };
}
