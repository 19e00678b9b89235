import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { type AppConfig } from '../infra/config/app-config.js';
import type { Database } from '../infra/database/database.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { VectorIndexer } from './vector-indexer.service.js';
import { VectorsRepository } from './vectors.repository.js';
import { type NewChunkVectorRow } from './vectors.schema.js';

/**
 * Rows written outside the HNSW graph (pending) are searchable at once and moved into the graph in the background:
 * exactly once, nothing lost by a crash mid-batch, nothing indexed for a generation still written or deleted.
 */
describe('VectorIndexer: pending rows into the HNSW graph (PGlite + pgvector)', () => {
  let database: TestDatabase;
  let repository: VectorsRepository;
  let indexer: VectorIndexer;
  const hash = new HashEmbeddingProvider(384);
  const owner = randomUUID();
  const words = ['amber', 'beacon', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper'];

  beforeAll(async () => {
    database = await createTestDatabase();
    repository = new VectorsRepository(database.db);
    await repository.ensureHnswIndex(384);
    indexer = new VectorIndexer({ runsQueue: () => false } as unknown as AppConfig, repository);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await indexer.drain();
  });

  function rows(fileId: string, n: number, generation = '', indexed = false): NewChunkVectorRow[] {
    return Array.from({ length: n }, (_, i) => {
      const text = `${words[i % 10]} ${words[(i * 7 + 3) % 10]} ${words[(i * 3 + 1) % 10]} ${fileId.slice(0, 4)} ${i}`;
      return { chunkId: randomUUID(), generation, fileId, ownerId: owner, model: hash.model, dimension: 384, embedding: hash.embedOne(text), chunkIndex: i, text, indexed };
    });
  }
  const query = (topK: number) => ({ model: hash.model, dimension: 384, vector: hash.embedOne('cobalt fjord'), topK, ownerId: owner, exactScanMaxRows: 0 });

  it('finds pending rows through the graph plan, then indexes each exactly once with the same results', async () => {
    await repository.insertVectors(rows(randomUUID(), 30, '', true), 500);
    const file = randomUUID();
    await repository.insertVectors(rows(file, 40), 500);
    expect(await repository.pendingCount()).toBe(40);
    const before = await repository.search(query(10));
    expect(before.some((hit) => hit.fileId === file)).toBe(true);

    // Two indexers at once (two processes): disjoint rows, every row once.
    const [a, b] = await Promise.all([repository.indexPending(25), repository.indexPending(25)]);
    expect(a + b).toBeLessThanOrEqual(40);
    expect((await indexer.drain()) + a + b).toBe(40);
    expect(await repository.pendingCount()).toBe(0);
    expect(await repository.indexPending(100)).toBe(0);
    const after = await repository.search(query(10));
    // Same nearest distances before and after, and as an exact scan (ties may come in either order).
    const scores = (hits: { score: number }[]) => hits.map((hit) => hit.score.toFixed(6));
    expect(scores(after)).toEqual(scores(before));
    expect(scores(before)).toEqual(scores(await repository.exactSearch(query(10))));
    expect(await repository.fileStats(file, hash.model, 384)).toMatchObject({ count: 40 });
  });

  it('loses nothing when a batch dies mid-way: its rows stay pending', async () => {
    await repository.insertVectors(rows(randomUUID(), 12), 500);
    await expect(
      database.db.transaction(async (tx) => {
        expect(await new VectorsRepository(tx as unknown as Database).indexPending(12)).toBe(12);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await repository.pendingCount()).toBe(12);
    expect(await indexer.drain()).toBe(12);
  });

  it('leaves a generation being written pending until it is promoted, and indexes nothing of a deleted file', async () => {
    const file = randomUUID();
    const generation = await repository.beginGeneration(file);
    await repository.insertVectors(rows(file, 8, generation), 500);
    expect(await repository.indexPending(100)).toBe(0);
    await repository.promoteGeneration(file, generation, 8);
    const hits = await repository.search({ ...query(50), fileIds: [file] });
    expect(hits).toHaveLength(8);
    expect(await indexer.drain()).toBe(8);

    const deleted = randomUUID();
    await repository.insertVectors(rows(deleted, 5), 500);
    await repository.deleteFileVectors(deleted);
    expect(await repository.pendingCount()).toBe(0);
    expect(await repository.indexPending(100)).toBe(0);
  });

  it('replaces a regenerated file whole, whether its old rows were indexed or still pending', async () => {
    const file = randomUUID();
    await repository.insertVectors(rows(file, 6), 500);
    await repository.indexPending(3);
    const generation = await repository.beginGeneration(file);
    await repository.insertVectors(rows(file, 4, generation), 500);
    await repository.promoteGeneration(file, generation, 4);
    expect(await repository.fileStats(file, hash.model, 384)).toMatchObject({ count: 4 });
    const hits = await repository.search({ ...query(100), fileIds: [file] });
    expect(hits).toHaveLength(4);
    await indexer.drain();
    const again = await repository.search({ ...query(100), fileIds: [file] });
    expect(again.map((h) => h.chunkId).sort()).toEqual(hits.map((h) => h.chunkId).sort());
  });
});
