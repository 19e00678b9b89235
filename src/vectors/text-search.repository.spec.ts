import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { searchTerms } from '../common/text/search-terms.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { TEXT_CANDIDATES_MAX, TextSearchRepository } from './text-search.repository.js';
import { VectorsRepository } from './vectors.repository.js';
import { type NewChunkVectorRow } from './vectors.schema.js';

describe('TextSearchRepository (PGlite full-text)', () => {
  let database: TestDatabase;
  let vectors: VectorsRepository;
  let texts: TextSearchRepository;
  const hash = new HashEmbeddingProvider(384);

  beforeAll(async () => {
    database = await createTestDatabase();
    vectors = new VectorsRepository(database.db);
    texts = new TextSearchRepository(database.db);
  });
  afterAll(async () => database.close());

  const rowsFor = (fileId: string, ownerId: string, passages: string[], generation = ''): NewChunkVectorRow[] =>
    passages.map((text, i) => ({
      chunkId: randomUUID(),
      generation,
      fileId,
      ownerId,
      model: hash.model,
      dimension: 384,
      embedding: hash.embedOne(text),
      chunkIndex: i,
      text,
    }));
  const find = (query: string, ownerId?: string, topK = 5) => texts.search({ terms: searchTerms(query), topK, ownerId });

  it('finds the chunk holding the exact words first, ranking more matched words higher', async () => {
    const [file, owner] = [randomUUID(), randomUUID()];
    await vectors.replaceFileVectors(
      file,
      rowsFor(file, owner, [
        'The quarterly ledger was reconciled by the auditor.',
        'The auditor visited the warehouse.',
        'Nothing relevant here at all.',
      ]),
    );
    const hits = await find('auditor ledger', owner);
    expect(hits.map((h) => h.text)).toEqual([
      'The quarterly ledger was reconciled by the auditor.',
      'The auditor visited the warehouse.',
    ]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits[0]).toMatchObject({ fileId: file, chunkIndex: 0 });
  });

  it('matches Chinese text by its words and character bigrams', async () => {
    const [file, owner] = [randomUUID(), randomUUID()];
    await vectors.replaceFileVectors(
      file,
      rowsFor(file, owner, ['数据库备份每天凌晨两点自动执行。', '员工每年享有二十五天带薪年假。']),
    );
    expect((await find('数据库备份', owner)).map((h) => h.chunkIndex)).toEqual([0]);
    expect((await find('带薪年假', owner)).map((h) => h.chunkIndex)).toEqual([1]);
  });

  it("searches only the owner's chunks, everyone's without an owner, and returns nothing for no terms", async () => {
    const [fileA, fileB, ownerA, ownerB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await vectors.replaceFileVectors(fileA, rowsFor(fileA, ownerA, ['zebra crossing rules']));
    await vectors.replaceFileVectors(fileB, rowsFor(fileB, ownerB, ['zebra stripes pattern']));
    expect((await find('zebra', ownerA)).map((h) => h.fileId)).toEqual([fileA]);
    expect((await find('zebra')).map((h) => h.fileId).sort()).toEqual([fileA, fileB].sort());
    expect(await texts.search({ terms: [], topK: 5 })).toEqual([]);
    expect(await find("zebra's \\ 'quote' | & !", ownerA)).toHaveLength(1);
  });

  it('keeps a generation being written invisible, then shows only it, and forgets deleted files', async () => {
    const [file, owner] = [randomUUID(), randomUUID()];
    await vectors.replaceFileVectors(file, rowsFor(file, owner, ['old kayak manual']));
    const generation = await vectors.beginGeneration(file);
    await vectors.insertVectors(rowsFor(file, owner, ['new kayak manual'], generation));
    expect((await find('kayak', owner)).map((h) => h.text)).toEqual(['old kayak manual']);
    await vectors.promoteGeneration(file, generation, 1);
    expect((await find('kayak', owner)).map((h) => h.text)).toEqual(['new kayak manual']);
    await vectors.deleteFileVectors(file);
    expect(await find('kayak', owner)).toEqual([]);
    const left = await database.pool.query('select count(*)::int as n from chunk_search_terms where file_id = $1', [file]);
    expect(left.rows[0]).toEqual({ n: 0 });
  });

  it('fills the terms of rows stored before full-text search existed', async () => {
    const [file, owner] = [randomUUID(), randomUUID()];
    await vectors.replaceFileVectors(file, rowsFor(file, owner, ['legacy trombone notes', 'legacy tuba notes']));
    await database.pool.query('delete from chunk_search_terms where file_id = $1', [file]);
    expect(await find('trombone', owner)).toEqual([]);
    let written = 0;
    for (let batch = await texts.fillMissingTerms(1); batch > 0; batch = await texts.fillMissingTerms(1)) written += batch;
    expect(written).toBe(2);
    expect((await find('trombone', owner)).map((h) => h.text)).toEqual(['legacy trombone notes']);
  });

  it('selects by the rare terms of a query when a term is in a thousand chunks or more, still ranking by all', async () => {
    const [file, owner] = [randomUUID(), randomUUID()];
    const common = Array.from({ length: 1000 }, (_, i) => `boilerplate footer line ${i}`);
    await vectors.insertVectors(rowsFor(file, owner, [...common, 'boilerplate footer about a narwhal']), 500);
    const hits = await find('narwhal boilerplate', owner, 3);
    expect(hits.map((h) => h.text)).toEqual(['boilerplate footer about a narwhal']);
    // Every term common: chunks holding all of them.
    expect(await find('boilerplate footer', owner, 3)).toHaveLength(3);
    expect(await find('boilerplate unknownword', owner, 3)).toEqual([]);
  });

  it('reads a bounded candidate set: the GIN scan under a limit of TEXT_CANDIDATES_MAX, ranked after', async () => {
    const plan = await texts.explainSearch({ terms: ['boilerplate', 'footer'], topK: 3, ownerId: randomUUID() });
    // Outer limit (top_k) over the ranking sort, then the candidate limit right above the GIN-driven scan.
    expect(plan).toMatch(/Limit[\s\S]*Sort[\s\S]*Limit[\s\S]*Bitmap Heap Scan on chunk_search_terms[\s\S]*chunk_search_terms_terms_idx/);
    expect(TEXT_CANDIDATES_MAX).toBeGreaterThanOrEqual(1000);
  });
});
