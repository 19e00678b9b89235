import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgliteServer } from './pglite-server.js';
import { cstring, int32, typedMessage } from './postgres-wire.js';

const PASSWORD = 'test-password';
const WRITERS = 4;
const WRITES_PER_WRITER = 6;

describe('PgliteServer', () => {
  let db: PGlite;
  let server: PgliteServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await PGlite.create({ dataDir: 'memory://' });
    await db.exec(
      'create table items(id serial primary key, label text); create table tags(u uuid primary key, n int); ' +
        'create table blobs(id serial primary key, writer int, seq int, body text, tail text);',
    );
    server = new PgliteServer(db, PASSWORD);
    const port = await server.start(0);
    pool = new pg.Pool({ connectionString: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, max: 10 });
  });
  afterAll(async () => {
    await pool.end();
    await server.stop();
    await db.close();
  });

  // The library's own queue interleaves connections message by message: this fails there with
  // "portal does not exist" or parameters bound to another connection's statement.
  it('keeps concurrent connections apart: parameterized queries and transactions from ten connections', async () => {
    const inTransaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { rows } = await client.query('insert into items(label) values ($1) returning id', [`item-${i}`]);
        await client.query('select * from items where id = $1 limit $2', [rows[0].id, 1]);
        await client.query('commit');
      } finally {
        client.release();
      }
    };
    const outside = () => pool.query('select * from tags where u = $1', ['47e06912-7a27-40a6-b80e-934d4f76df78']);
    await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? inTransaction(i) : outside())));
    const { rows } = await pool.query('select count(*)::int as n from items');
    expect(rows[0].n).toBe(100);
  });

  it('rolls back a transaction whose connection dropped, and frees the session for others', async () => {
    const client = new pg.Client({ connectionString: (pool as unknown as { options: { connectionString: string } }).options.connectionString });
    await client.connect();
    await client.query('begin');
    await client.query("insert into items(label) values ('lost')");
    await client.end();
    const { rows } = await pool.query("select count(*)::int as n from items where label = 'lost'");
    expect(rows[0].n).toBe(0);
  });

  it('refuses a wrong password (28P01), and answers a client that skips authentication with an error, never a result', async () => {
    const url = new URL((pool as unknown as { options: { connectionString: string } }).options.connectionString);
    const wrong = new pg.Client({ connectionString: url.toString().replace(`:${PASSWORD}@`, ':wrong-password@') });
    wrong.on('error', () => undefined);
    await expect(wrong.connect()).rejects.toMatchObject({ code: '28P01' });
    await wrong.end().catch(() => undefined);

    const replies = await rawExchange(Number(url.port), [startupMessage('postgres'), typedMessage('Q', cstring('select 42'))]);
    expect(replies.map((reply) => String.fromCharCode(reply[0]))).toEqual(['R', 'E']);
    expect(Buffer.from(replies[1]).toString()).toContain('28P01');
    const { rows } = await pool.query('select 1 as ok');
    expect(rows[0].ok).toBe(1);
  });

  it('refuses to listen anywhere but loopback', async () => {
    const other = new PgliteServer(db, PASSWORD);
    await expect(other.start(0, '0.0.0.0')).rejects.toThrow('loopback only');
    await expect(other.start(0, '::')).rejects.toThrow('loopback only');
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

function startupMessage(user: string): Uint8Array {
  const body = Buffer.concat([int32(196608), cstring('user'), cstring(user), new Uint8Array(1)]);
  return Buffer.concat([int32(body.length + 4), body]);
}

/** Sends each message after the previous one was answered; resolves with the answers (until the server closes). */
async function rawExchange(port: number, messages: Uint8Array[]): Promise<Uint8Array[]> {
  const socket = connect(port, '127.0.0.1');
  const replies: Uint8Array[] = [];
  const next = () => once(socket, 'data').then(([data]) => replies.push(data as Buffer));
  await once(socket, 'connect');
  for (const message of messages) {
    socket.write(message);
    await next();
  }
  socket.destroy();
  return replies;
}
