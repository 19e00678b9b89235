import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import { TEST_REDIS_URL } from './support/require-redis.js';

/** A PostgreSQL server without the pgvector extension (PGlite started without it) at DATABASE_URL. */
describe('DATABASE_URL pointing at a server without pgvector', () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let url: string;

  beforeAll(async () => {
    await compileForProcesses();
    db = await PGlite.create({ dataDir: 'memory://' });
    const port = await freePort();
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 4 });
    await server.start();
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  it('stops the API with exit 1 and one line saying pgvector is missing', async () => {
    const api = startNode('src/main.js', { LOG_LEVEL: 'silent', DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, PORT: '0' });
    expect(await api.exited).toBe(1);
    const lines = api.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL has no pgvector extension/);
  });
});
