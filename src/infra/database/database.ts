import { type NodePgDatabase } from 'drizzle-orm/node-postgres';

/** The Drizzle database (node-postgres driver; the embedded PGlite is reached over its socket server). */
export type Database = NodePgDatabase;
export const DATABASE = Symbol('DATABASE');
export const DATABASE_POOL = Symbol('DATABASE_POOL');

/** A Drizzle transaction, for repositories that take part in one. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
