/**
 * The embedded database served over its socket (PgliteServer: password gate + session queue) against PGlite called
 * in-process, in one run: parameterized inserts of 100 bytes and of 64 KB (larger than one socket read), from one
 * connection and from four at once while a fifth holds short transactions. Prints rows/s, the ratio to in-process,
 * and how many reported writes are missing (must be 0). Each figure is the best of --rounds (the machine is shared).
 *   node scripts/bench/run.mjs pglite-server [--small 1000] [--large 60] [--rounds 3]
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgliteServer } from '../../src/infra/database/pglite-server.js';
import { delay, log } from './bench-util.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SMALL = argument('small', 1000);
const ROUNDS = argument('rounds', 3);
const LARGE = argument('large', 60);
const PASSWORD = 'bench-password';
const SQL = 'insert into rows(body) values ($1) returning id';

interface Figure {
  rowsPerSecond: number;
  missing: number;
}

async function inProcess(db: PGlite, count: number, size: number): Promise<Figure> {
  await db.exec('truncate rows');
  const body = 'x'.repeat(size);
  const started = performance.now();
  for (let i = 0; i < count; i++) await db.query(SQL, [body]);
  return { rowsPerSecond: count / ((performance.now() - started) / 1000), missing: 0 };
}

async function overSocket(db: PGlite, url: string, count: number, size: number, connections: number): Promise<Figure> {
  await db.exec('truncate rows');
  const pool = new pg.Pool({ connectionString: url, max: connections + 1 });
  const body = 'x'.repeat(size);
  const ids: number[] = [];
  let holding = connections > 1;
  const holder = async () => {
    while (holding) {
      const client = await pool.connect();
      await client.query('begin');
      await client.query('select count(*) from rows');
      await client.query('commit');
      client.release();
      await delay(2);
    }
  };
  const writer = async (share: number) => {
    for (let i = 0; i < share; i++) ids.push((await pool.query<{ id: number }>(SQL, [body])).rows[0].id);
  };
  const started = performance.now();
  const holding$ = holder();
  await Promise.all(Array.from({ length: connections }, () => writer(Math.ceil(count / connections))));
  const seconds = (performance.now() - started) / 1000;
  holding = false;
  await holding$;
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from rows where id = any($1)', [ids]);
  await pool.end();
  return { rowsPerSecond: ids.length / seconds, missing: ids.length - rows[0].n };
}

async function bestOf(measure: () => Promise<Figure>): Promise<Figure> {
  const figures: Figure[] = [];
  for (let round = 0; round < ROUNDS; round++) figures.push(await measure());
  return {
    rowsPerSecond: Math.max(...figures.map((f) => f.rowsPerSecond)),
    missing: figures.reduce((sum, f) => sum + f.missing, 0),
  };
}

const db = await PGlite.create({ dataDir: 'memory://' });
await db.exec('create table rows(id serial primary key, body text)');
const server = new PgliteServer(db, PASSWORD);
const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${await server.start(0)}/postgres`;

for (const [label, count, size] of [
  ['100 B', SMALL, 100],
  ['64 KB', LARGE, 64 * 1024],
] as const) {
  await inProcess(db, 20, size); // warm-up
  const baseline = await bestOf(() => inProcess(db, count, size));
  log(`${label} inserts, ${count} rows`);
  log(`  in-process PGlite          ${baseline.rowsPerSecond.toFixed(0).padStart(6)} rows/s`);
  for (const connections of [1, 4]) {
    const figure = await bestOf(() => overSocket(db, url, count, size, connections));
    const ratio = (figure.rowsPerSecond / baseline.rowsPerSecond).toFixed(2);
    const name = connections === 1 ? 'socket, 1 connection' : 'socket, 4 conns + 1 in tx';
    log(`  ${name.padEnd(26)} ${figure.rowsPerSecond.toFixed(0).padStart(6)} rows/s (${ratio}x in-process), missing writes: ${figure.missing}`);
  }
}
await server.stop();
await db.close();
