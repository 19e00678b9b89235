import pg from 'pg';
import { type AppConfig } from '../config/app-config.js';

/**
 * The process's pg pool, sized by DATABASE_POOL_SIZE. The statement timeout travels in the startup message, so
 * every connection has it from its first statement with no extra round trip (PGlite ignores it: its single
 * WASM session cannot interrupt a statement).
 */
export function createDatabasePool(url: string, settings: AppConfig['database']): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.poolSize,
    ...(settings.statementTimeoutMs > 0 ? { statement_timeout: settings.statementTimeoutMs } : {}),
  });
  pool.on('error', () => undefined); // an idle client lost its server: the pool replaces it; requests see the error
  return pool;
}
