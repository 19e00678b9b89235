import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { type AppConfig } from '../config/app-config.js';
import { type DatabaseTarget } from './database-target.js';
import { PgliteServer } from './pglite-server.js';

const EMBEDDED_USER_URL = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

/**
 * DATABASE_URL wins. Without it we use PGlite (Postgres in WASM, with pgvector) under DATA_DIR/pgdata, served on
 * 127.0.0.1:EMBEDDED_DB_PORT so a separate worker process can share it: PGlite's data directory can only be opened
 * by one process, so a second process finds the socket already served and connects to it instead.
 * EMBEDDED_DB_PORT=0 (tests) means an in-memory database on a random port, never shared.
 */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseTarget> {
  if (config.database.url) return { url: config.database.url, source: 'configured', stop: async () => undefined };
  const port = config.database.embeddedPort;
  if (port !== 0 && (await answersQuery(EMBEDDED_USER_URL(port)))) {
    return { url: EMBEDDED_USER_URL(port), source: 'embedded-shared', stop: async () => undefined };
  }
  return startEmbedded(port === 0 ? 'memory://' : join(config.dataDir, 'pgdata'), port);
}

async function startEmbedded(dataDir: string, port: number): Promise<DatabaseTarget> {
  const [{ PGlite }, { vector }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
  ]);
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  const server = new PgliteServer(db);
  const actualPort = await server.start(port);
  return {
    url: EMBEDDED_USER_URL(actualPort),
    source: 'embedded',
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

async function answersQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
