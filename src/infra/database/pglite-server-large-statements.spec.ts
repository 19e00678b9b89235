import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgliteServer } from './pglite-server.js';

const PASSWORD = 'test-password';

const WRITERS = 4;
const WRITES_PER_WRITER = 6;

describe('PgliteServer with statements larger than one socket read (64 KB)', () => {
  let db: PGlite;
  let server: PgliteServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await PGlite.create({ dataDir: 'memory://' });
    await db.exec('create table blobs(id serial primary key, writer int, seq int, body text, tail text)');
    server = new PgliteServer(db, PASSWORD);
    const port = await server.start(0);
    pool = new pg.Pool({ connectionString: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, max: WRITERS + 2 });
  });
  afterAll(async () => {
    await pool.end();
    await server.stop();
    await db.close();
  });

  // Sizes around the 64 KB socket read, so Parse, Bind, Execute and Sync arrive split across reads.
  const bodySize = (writer: number, seq: number) => 60_000 + ((writer * 7 + seq * 3) % 12) * 1_000;

  it('runs every large parameterized insert whole while other connections hold transactions, and each reported write is stored', async () => {
    let holding = true;
    const holder = async () => {
      while (holding) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('select count(*) from blobs');
          await sleep(5);
          await client.query('commit');
        } finally {
          client.release();
        }
      }
    };
    const reported: Array<{ id: number; writer: number; seq: number; size: number }> = [];
    const writer = async (w: number) => {
      for (let seq = 0; seq < WRITES_PER_WRITER; seq++) {
        const size = bodySize(w, seq);
        const { rows } = await pool.query<{ id: number }>(
          'insert into blobs(writer, seq, body, tail) values ($1, $2, $3, $4) returning id',
          [w, seq, 'x'.repeat(size), `${w}:${seq}`],
        );
        reported.push({ id: rows[0].id, writer: w, seq, size });
      }
    };
    const holders = [holder(), holder()];
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    } finally {
      holding = false;
      await Promise.allSettled(holders);
    }

    expect(reported).toHaveLength(WRITERS * WRITES_PER_WRITER);
    const { rows } = await pool.query<{ id: number; writer: number; seq: number; size: number; tail: string }>(
      'select id, writer, seq, length(body) as size, tail from blobs order by id',
    );
    expect(rows).toHaveLength(reported.length);
    const stored = new Map(rows.map((row) => [row.id, row]));
    for (const write of reported) {
      expect(stored.get(write.id)).toEqual({ ...write, tail: `${write.writer}:${write.seq}` });
    }
  }, 60_000);
});
