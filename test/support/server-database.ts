import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A PostgreSQL server (with pgvector) the tests may use instead of PGlite: TEST_DATABASE_URL, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres. Unset: every test system keeps its own in-memory PGlite.
 */
export const TEST_DATABASE_SERVER_URL: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export interface ServerDatabase {
  /** The new database's URL (the server's URL with the database name replaced). */
  url: string;
  /** Drops the database, ending any connection still open to it (a child process the test left running). */
  drop(): Promise<void>;
}

/** A new, empty database on the server, for one test system or one test file; migrations fill it. */
export async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `docai_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** One statement on the server's own database (create/drop database cannot run inside the database at stake). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * With TEST_DATABASE_URL and no DATABASE_URL given: a database of the caller's own on that server, as env
 * overrides. Otherwise nothing (PGlite, or the given DATABASE_URL) and a drop that does nothing.
 */
export async function ownServerDatabase(
  overrides: Record<string, string> = {},
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!TEST_DATABASE_SERVER_URL || overrides.DATABASE_URL) return { env: {}, drop: async () => undefined };
  const database = await createServerDatabase(TEST_DATABASE_SERVER_URL);
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

/** Set by the per-file setup (test/support/file-database.setup.ts): the database of this test file, if any. */
let fileDatabaseUrl: string | undefined;

export function setFileDatabaseUrl(url: string | undefined): void {
  fileDatabaseUrl = url;
}

export function fileDatabase(): Record<string, string> {
  return fileDatabaseUrl ? { DATABASE_URL: fileDatabaseUrl } : {};
}
