import { PGlite } from '@electric-sql/pglite';
import { cstring, int32, typedMessage } from './postgres-wire.js';
import { PgliteSessionQueue } from './pglite-session-queue.js';

const int16 = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
const query = (sql: string) => typedMessage('Q', cstring(sql));
const parse = (sql: string) => typedMessage('P', cstring(''), cstring(sql), int16(0));
const bind = (value: string) => {
  const text = new TextEncoder().encode(value);
  return typedMessage('B', cstring(''), cstring(''), int16(0), int16(1), int32(text.length), text, int16(0));
};
const execute = () => typedMessage('E', cstring(''), int32(0));
const sync = () => typedMessage('S');
const terminate = () => typedMessage('X');

/** The backend message types of a response, e.g. ['1', '2', 'C', 'Z']. */
function messageTypes(response: Uint8Array[]): string[] {
  const bytes = Buffer.concat(response);
  const types: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 1 + bytes.readInt32BE(offset + 1)) {
    types.push(String.fromCharCode(bytes[offset]));
  }
  return types;
}

describe('PgliteSessionQueue', () => {
  let db: PGlite;
  let queue: PgliteSessionQueue;
  const responses = new Map<number, Uint8Array[]>();
  const send = (handlerId: number, message: Uint8Array) =>
    queue.enqueue(handlerId, message, (data) => responses.get(handlerId)?.push(data.slice()));
  const labels = async () => (await db.query<{ label: string }>('select label from items order by id')).rows.map((r) => r.label);

  beforeAll(async () => {
    db = await PGlite.create({ dataDir: 'memory://' });
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.exec('drop table if exists items; create table items(id serial primary key, label text)');
    responses.clear();
    for (const id of [1, 2]) responses.set(id, []);
    queue = new PgliteSessionQueue(db);
  });

  it("runs a message enqueued behind another of the same connection after it, even when the earlier one waited for the session", async () => {
    await send(1, query('begin'));
    const parsed = send(2, parse('insert into items(label) values ($1)'));
    const bound = send(2, bind('two'));
    await send(1, query("insert into items(label) values ('one')"));
    await send(1, query('commit'));
    await parsed;
    // The Bind is still queued behind the Parse: the socket handler frames each read in its own task.
    await Promise.all([bound, send(2, execute()), send(2, sync())]);

    expect(messageTypes(responses.get(2) ?? [])).toEqual(['1', '2', 'C', 'Z']);
    expect(await labels()).toEqual(['one', 'two']);
  });

  it('keeps other connections out until the owner is idle again', async () => {
    await send(1, query('begin'));
    const other = send(2, query("insert into items(label) values ('outside')"));
    await send(1, query("insert into items(label) values ('inside')"));
    await send(1, query('rollback'));
    await other;
    expect(await labels()).toEqual(['outside']);
  });

  it('aborts a request a dropped connection left without Sync, runs none of it, and frees the session', async () => {
    await send(1, parse('insert into items(label) values ($1)'));
    await send(1, bind('half-sent'));
    await send(1, execute());
    queue.clearQueueForHandler(1);
    await queue.clearTransactionIfNeeded(1);

    await send(2, query('select 1'));
    expect(messageTypes(responses.get(2) ?? [])).toEqual(['T', 'D', 'C', 'Z']);
    expect(await labels()).toEqual([]);
    await expect(send(1, query('select 1'))).rejects.toThrow('Handler disconnected');
  });

  it('rolls back the transaction of a connection that dropped or sent Terminate inside it', async () => {
    await send(1, query('begin'));
    await send(1, query("insert into items(label) values ('dropped')"));
    queue.clearQueueForHandler(1);
    await queue.clearTransactionIfNeeded(1);
    await send(2, query('begin'));
    await send(2, query("insert into items(label) values ('terminated')"));
    await expect(send(2, terminate())).resolves.toBe(0);

    expect(db.isInTransaction()).toBe(false);
    expect(await labels()).toEqual([]);
  });

  it('releases a connection that dropped while its last message ran, and serves the next one', async () => {
    const running = send(1, query('select 1'));
    queue.clearQueueForHandler(1);
    await Promise.all([running, queue.clearTransactionIfNeeded(1)]);
    await send(2, query("insert into items(label) values ('next')"));
    expect(await labels()).toEqual(['next']);
  });
});
