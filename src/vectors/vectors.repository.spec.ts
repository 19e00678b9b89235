import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { VectorsRepository } from './vectors.repository.js';
import { type NewChunkVectorRow } from './vectors.schema.js';

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

  it('keeps a generation being written invisible until promoted, then shows only it', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['volcano erupts at dawn']));
    const generation = await repository.beginGeneration(file);
    const fresh = rowsFor(file, owner, ['volcano ash cloud', 'volcano lava flow'], { generation });
    await repository.insertVectors(fresh.slice(0, 1));
    await repository.insertVectors(fresh.slice(1));
    expect((await search('volcano', { ownerId: owner })).map((h) => h.text)).toEqual(['volcano erupts at dawn']);
    expect((await repository.fileStats(file, model, 384)).count).toBe(1);
    await repository.promoteGeneration(file, generation, 2);
    expect((await search('volcano', { ownerId: owner })).map((h) => h.text).sort()).toEqual([
      'volcano ash cloud',
      'volcano lava flow',
    ]);
    expect((await repository.fileStats(file, model, 384)).count).toBe(2);
  });

  it('re-embeds the same chunk ids under a new generation without a key conflict', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    const rows = rowsFor(file, owner, ['meadow with poppies']);
    await repository.replaceFileVectors(file, rows);
    const generation = await repository.beginGeneration(file);
    await repository.insertVectors(rows.map((r) => ({ ...r, generation })));
    await repository.promoteGeneration(file, generation, 1);
    expect((await search('meadow poppies', { ownerId: owner })).map((h) => h.chunkId)).toEqual([rows[0].chunkId]);
  });

  it('refuses to promote a generation missing rows, and drops a discarded one', async () => {
    const file = randomUUID();
    const owner = randomUUID();
    await repository.replaceFileVectors(file, rowsFor(file, owner, ['harbour at night']));
    const generation = await repository.beginGeneration(file);
    await repository.insertVectors(rowsFor(file, owner, ['harbour cranes'], { generation }));
    await expect(repository.promoteGeneration(file, generation, 2)).rejects.toMatchObject({ code: 'VECTORS_WRITE_SUPERSEDED' });
    expect((await search('harbour', { ownerId: owner })).map((h) => h.text)).toEqual(['harbour at night']);
    await repository.discardGeneration(file, generation);
    const [{ n }] = (
      await database.pool.query('select count(*)::int as n from chunk_vectors where file_id = $1', [file])
    ).rows as { n: number }[];
    expect(n).toBe(1);
  });
});
