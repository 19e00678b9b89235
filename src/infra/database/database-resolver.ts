import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { type AppConfig } from '../config/app-config.js';
import { type DatabaseTarget } from './database-target.js';
import { embeddedDbPassword, ephemeralPassword } from './embedded-db-password.js';
import { EmbeddedDbOwnership, type EmbeddedDbOwner } from './embedded-db-ownership.js';
import { initdbInChildProcess } from './pglite-initdb.js';
import { PgliteServer } from './pglite-server.js';

const embeddedUrl = (port: number, password: string) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
const OWNER_POLL_MS = 500;
const PROBE_TIMEOUT_MS = 2_000;
const logger = new Logger('Database');
/**
 * Postgres settings of the embedded database, given at every start. PGlite's WASM heap holds shared_buffers, touched
 * whole at start: initdb's default 128 MB was most of an idle `npm start`'s memory, so the default is 16 MB (the
 * files stay in the OS page cache). A large vector table searches faster with more (EMBEDDED_DB_SHARED_BUFFERS_MB):
 * every buffer miss is a read through PGlite's file system. `idle-memory` and `pipeline` benches measure both sides.
 */
const embeddedSettings = (sharedBuffersMb: number) => ['-c', `shared_buffers=${sharedBuffersMb}MB`];

/**
 * DATABASE_URL wins. Without it we use PGlite (Postgres in WASM, with pgvector) under DATA_DIR/pgdata. PGlite's
 * folder can only be opened by one process: the first process of a DATA_DIR claims it (EmbeddedDbOwnership),
 * serves it on 127.0.0.1 behind DATA_DIR's password and records the port in DATA_DIR; the other processes of that
 * DATA_DIR read the record and connect, waiting (never giving up) while the owner starts or is busy.
 * EMBEDDED_DB_PORT=0 (tests) means an in-memory database on a random port, never shared.
 */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseTarget> {
  if (config.database.url) return { url: config.database.url, source: 'configured', stop: async () => undefined };
  if (config.database.embeddedPort === 0) return serveEmbedded('memory://', 0, ephemeralPassword(), embeddedSettings(config.database.embeddedSharedBuffersMb));
  await mkdir(config.dataDir, { recursive: true });
  const password = await embeddedDbPassword(config.dataDir);
  const ownership = new EmbeddedDbOwnership(config.dataDir);
  let waitingSince: number | undefined;
  for (;;) {
    const owner = await ownership.claim();
    if (!owner) return serveOwnedFolder(config, password, ownership);
    const problem = owner.port === undefined ? 'not serving it yet' : await probe(embeddedUrl(owner.port, password));
    if (!problem) {
      if (waitingSince !== undefined) logger.log(`Embedded database answers after ${secondsSince(waitingSince)} s`);
      return { url: embeddedUrl(owner.port ?? 0, password), source: 'embedded-shared', stop: async () => undefined };
    }
    if (waitingSince === undefined) {
      waitingSince = Date.now();
      logger.warn(`Embedded database of ${config.dataDir} is held by ${describe(owner)}, ${problem}; waiting for it`);
    }
    await sleep(OWNER_POLL_MS);
  }
}

async function serveOwnedFolder(config: AppConfig, password: string, ownership: EmbeddedDbOwnership): Promise<DatabaseTarget> {
  try {
    const settings = embeddedSettings(config.database.embeddedSharedBuffersMb);
    const target = await serveEmbedded(join(config.dataDir, 'pgdata'), config.database.embeddedPort, password, settings);
    const port = Number(new URL(target.url).port);
    if (port !== config.database.embeddedPort) {
      logger.warn(
        `EMBEDDED_DB_PORT ${config.database.embeddedPort} is in use by another process: serving the embedded ` +
          `database on 127.0.0.1:${port} instead (this DATA_DIR's processes find it there)`,
      );
    }
    await ownership.publish(port);
    return {
      ...target,
      stop: async () => {
        await target.stop();
        await ownership.release();
      },
    };
  } catch (error) {
    await ownership.release();
    throw error;
  }
}

async function serveEmbedded(dataDir: string, port: number, password: string, settings: string[]): Promise<DatabaseTarget> {
  const inFolder = !dataDir.startsWith('memory://');
  const initdb = inFolder && (await isMissingOrEmpty(dataDir)) ? initdbInChildProcess(dataDir, settings) : undefined;
  const [{ PGlite }, { vector }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    initdb,
  ]);
  if (inFolder) await mkdir(dataDir, { recursive: true });
  const initdbHere = inFolder && !existsSync(join(dataDir, 'PG_VERSION'));
  const db = await PGlite.create({ dataDir, extensions: { vector }, startParams: [...PGlite.defaultStartParams, ...settings] });
  if (initdbHere) collectGarbageNow();
  const server = new PgliteServer(db, password);
  const actualPort = await server.start(port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') return server.start(0);
    throw error;
  });
  return {
    url: embeddedUrl(actualPort, password),
    source: 'embedded',
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * initdb in-process (a folder holding something else than a database, left as it is) runs in a second PGlite whose
 * WASM memories (about 300 MB) are garbage once it is done; V8 kept them for minutes, so they are collected once, now.
 */
function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function isMissingOrEmpty(folder: string): Promise<boolean> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.length === 0;
}

/** undefined when the database at `url` answers a query; else why not. */
async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `which does not answer (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describe(owner: EmbeddedDbOwner): string {
  return owner.port === undefined ? `process ${owner.pid}` : `process ${owner.pid} (127.0.0.1:${owner.port})`;
}

function secondsSince(start: number): string {
  return ((Date.now() - start) / 1000).toFixed(1);
}
