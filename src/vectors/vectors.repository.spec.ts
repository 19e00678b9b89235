import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { VectorsRepository } from './vectors.repository.js';
import { NewChunkVectorRow } from './vectors.schema.js';

describe('VectorsRepository (PGlite + pgvector)', () => {
  let database: TestDatabase;
  let repository: VectorsRepository;
  const hash = new HashEmbeddingProvider(384);
  const model = hash.model;

  beforeAll(async () => {
    database = await createTestDatabase();
    repository = new VectorsRepository(database.db);
    await repository.ensureHnswIndex(384);
  });
  afterAll(async () => database.close());

  const rowsFor = (fileId: string, ownerId: string, texts: string[], overrides: Partial<NewChunkVectorRow> = {}) =>
    texts.map((text, i) => ({
      chunkId: randomUUID(),
      fileId,
      ownerId,
      model,
      dimension: 384,
      embedding: hash.embedOne(text),
      chunkIndex: i,
      text,
      ...overrides,
    }));
  const search = async (text: string, extra: { ownerId?: string; fileIds?: string[]; topK?: number } = {}) =>
    repository.search({ model, dimension: 384, vector: hash.embedOne(text), topK: extra.topK ?? 5, ...extra });

  it('replaces a file’s vectors: a second write leaves only the new ones', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['penguins waddle on ice', 'glaciers melt slowly']));
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['penguins waddle on ice', 'glaciers melt slowly']));
    expect((await repository.fileStats(file, model, 384)).count).toBe(2);
    const hits = await search('penguins waddle', { ownerId: owner });
    expect(hits.map((h) => h.text)).toEqual(['penguins waddle on ice', 'glaciers melt slowly']);
    expect(hits[0].score).toBeGreaterThan(0.3);
  });

  it('keeps the old vectors when a replacement fails half-way', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['original chunk about tea']));
    const broken = rowsFor(file, owner, ['new chunk', 'duplicate id']);
    broken[1].chunkId = broken[0].chunkId;
    await expect(repository.replaceFileVectors(file, broken)).rejects.toThrow();
    const hits = await search('tea', { ownerId: owner });
    expect(hits.map((h) => h.text)).toEqual(['original chunk about tea']);
  });

  it("searches only the owner's vectors, everyone's without an owner", async () => {
    const [fileA, fileB, ownerA, ownerB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await repository.replaceFileVectors(fileA, rowsFor(fileA, ownerA, ['saxophone jazz improvisation']));
    await repository.replaceFileVectors(fileB, rowsFor(fileB, ownerB, ['saxophone jazz quartet']));
    expect((await search('saxophone jazz', { ownerId: ownerA })).map((h) => h.fileId)).toEqual([fileA]);
    expect((await search('saxophone jazz', { ownerId: ownerB })).map((h) => h.fileId)).toEqual([fileB]);
    const all = (await search('saxophone jazz', { fileIds: [fileA, fileB] })).map((h) => h.fileId);
    expect(all.sort()).toEqual([fileA, fileB].sort());
  });

  it('searches only vectors of the given model and dimension', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['lighthouse keeper'], { model: 'other-model' }));
    expect(await search('lighthouse keeper', { ownerId: owner })).toEqual([]);
    expect((await repository.fileStats(file, model, 384)).count).toBe(0);
  });

  it('deletes a file’s vectors', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['orchids bloom']));
    await repository.deleteFileVectors(file);
    expect(await search('orchids', { ownerId: owner })).toEqual([]);
  });

  it('uses the per-dimension HNSW index for a global search', async () => {
    const vector = JSON.stringify(hash.embedOne('anything'));
    const client = await database.pool.connect();
    // The table is tiny: forbid the sequential scan so the plan shows whether the index can serve this query.
    await client.query('set enable_seqscan = off');
    const plan = await client.query(
      `explain select chunk_id from chunk_vectors where model = $1 and dimension = 384
       order by embedding::vector(384) <=> $2::vector(384) limit 5`,
      [model, vector],
    );
    await client.query('reset enable_seqscan');
    client.release();
    expect(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toMatch(/chunk_vectors_hnsw_384/);
  });
});
