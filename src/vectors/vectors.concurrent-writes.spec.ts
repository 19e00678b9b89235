import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { type FileChunksService } from '../files/file-chunks.service.js';
import { type ChunkRecord } from '../files/file-core.types.js';
import { type FileRecordsService } from '../files/file-records.service.js';
import { type ProcessingStatusService } from '../files/processing-status.service.js';
import { type AppConfig } from '../infra/config/app-config.js';
import { type UserTaskQueue } from '../jobs/user-task-queue.js';
import { type EmbeddingService } from './embedding/embedding.service.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { VectorsRepository } from './vectors.repository.js';
import { VectorsService } from './vectors.service.js';

/**
 * Concurrent writes of one file's vectors (two regenerations at once, a remote worker's result racing a local run)
 * against a real engine: one generation ends up stored whole, the other run ends cleanly (no error, no failed
 * stage), and search never sees rows of two generations or half of one.
 */
describe('VectorsService: concurrent writes of one file (PGlite + pgvector)', () => {
  let database: TestDatabase;
  let repository: VectorsRepository;
  const hash = new HashEmbeddingProvider(384);
  const CHUNKS = 6;

  beforeAll(async () => {
    database = await createTestDatabase();
    repository = new VectorsRepository(database.db);
    await repository.ensureHnswIndex(384);
  });
  afterAll(async () => database.close());

  function serviceWith(stages: string[]): VectorsService {
    const status = {
      updateStage: async (_file: string, stage: string, update: { status: string }) => void stages.push(`${stage}:${update.status}`),
    };
    const embeddings = { model: hash.model, dimension: 384, embed: async (texts: string[]) => texts.map((t) => hash.embedOne(t)) };
    return new VectorsService(
      { embedding: { batchSize: 2, concurrency: 1 }, vectorIndex: {} } as unknown as AppConfig,
      embeddings as unknown as EmbeddingService,
      repository,
      {} as FileRecordsService,
      {} as FileChunksService,
      status as unknown as ProcessingStatusService,
      {} as UserTaskQueue,
    );
  }

  const chunksOf = (fileId: string, label: string): ChunkRecord[] =>
    Array.from({ length: CHUNKS }, (_, i) => ({
      id: randomUUID(),
      file_id: fileId,
      chunk_index: i,
      text: `${label} chunk ${i} about lighthouses`,
      start_offset: 0,
      end_offset: 1,
      page: null,
      token_count: 5,
    }));

  /** What search can see of the file, by generation; and what is left anywhere (hidden rows, marks). */
  async function visibility(fileId: string) {
    const query = async (text: string) => (await database.pool.query(text, [fileId])).rows as { g: string; n: number }[];
    const visible = await query(`select v.generation as g, count(*)::int as n from chunk_vectors v where v.file_id = $1
        and v.generation <> all(array(select generation from chunk_vector_writes)) group by v.generation`);
    const [{ n: rows }] = await query('select count(*)::int as n from chunk_vectors where file_id = $1');
    const [{ n: terms }] = await query('select count(*)::int as n from chunk_search_terms where file_id = $1');
    const [{ n: marks }] = await query('select count(*)::int as n from chunk_vector_writes where file_id = $1');
    return { visible, rows, terms, marks };
  }

  /** A run whose embedding step waits for the test's turn, so the two runs interleave batch by batch. */
  function steppedEmbedder(gate: () => Promise<void>) {
    return async (batch: ChunkRecord[]) => {
      await gate();
      return batch.map((chunk) => hash.embedOne(chunk.text));
    };
  }

  it.each([
    ['the first run ends first', [0, 1, 0, 1, 0, 1]],
    ['the second run ends first', [0, 1, 1, 0, 1, 0]],
    ['both write every batch before either promotes', [0, 0, 0, 1, 1, 1]],
  ])('two runs of one file at once (%s): one generation is stored whole, neither run fails', async (_name, order) => {
    const fileId = randomUUID();
    const owner = randomUUID();
    await serviceWith([]).vectorizeFile({ id: fileId, owner_id: owner }, chunksOf(fileId, 'original'));

    // Each run's embedding waits until `order` gives it the turn; search sees whole generations at every turn.
    const waiting: Array<Array<() => void>> = [[], []];
    const gateOf = (run: number) => () => new Promise<void>((resolve) => waiting[run].push(resolve));
    const snapshots: { g: string; n: number }[][] = [];
    const stagesA: string[] = [];
    const stagesB: string[] = [];
    const file = { id: fileId, owner_id: owner };
    const runA = serviceWith(stagesA).vectorizeFile(file, chunksOf(fileId, 'first'), undefined, steppedEmbedder(gateOf(0)));
    const runB = serviceWith(stagesB).vectorizeFile(file, chunksOf(fileId, 'second'), undefined, steppedEmbedder(gateOf(1)));
    const settled = Promise.allSettled([runA, runB]);
    for (const run of order) {
      while (waiting[run].length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      (waiting[run].shift() as () => void)();
      // Let the released batch reach the database before looking.
      await new Promise((resolve) => setTimeout(resolve, 30));
      snapshots.push((await visibility(fileId)).visible);
    }
    const results = await settled;

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const seen of [...snapshots, (await visibility(fileId)).visible]) {
      expect(seen).toHaveLength(1);
      expect(seen[0].n).toBe(CHUNKS);
    }
    const after = await visibility(fileId);
    expect(after).toEqual({ visible: [{ g: expect.any(String), n: CHUNKS }], rows: CHUNKS, terms: CHUNKS, marks: 0 });
    const texts = (await database.pool.query('select text from chunk_vectors where file_id = $1', [fileId])).rows as { text: string }[];
    expect(new Set(texts.map((t) => t.text.split(' ')[0])).size).toBe(1);
    for (const stages of [stagesA, stagesB]) {
      expect(stages).not.toContain('storage:failed');
      expect(stages).not.toContain('vectorization:failed');
      expect(stages.at(-1)).toBe('storage:completed');
    }
    for (const result of results) {
      expect((result as PromiseFulfilledResult<{ count: number }>).value.count).toBe(CHUNKS);
    }
  });

  it('a run that began later wins over one that began earlier, whichever promotes first', async () => {
    const fileId = randomUUID();
    const owner = randomUUID();
    const older = await repository.beginGeneration(fileId);
    const newer = await repository.beginGeneration(fileId);
    const rows = (generation: string, label: string) =>
      chunksOf(fileId, label).map((chunk) => ({
        chunkId: chunk.id,
        generation,
        fileId,
        ownerId: owner,
        model: hash.model,
        dimension: 384,
        embedding: hash.embedOne(chunk.text),
        chunkIndex: chunk.chunk_index,
        text: chunk.text,
      }));
    await repository.insertVectors(rows(newer, 'newer').slice(0, 3));
    await repository.insertVectors(rows(older, 'older'));
    await repository.promoteGeneration(fileId, older, CHUNKS);
    // The older generation is stored; the newer one, still being written, keeps its rows.
    await repository.insertVectors(rows(newer, 'newer').slice(3));
    await repository.promoteGeneration(fileId, newer, CHUNKS);
    const after = await visibility(fileId);
    expect(after.visible).toEqual([{ g: newer, n: CHUNKS }]);
    expect(after.rows).toBe(CHUNKS);

    // Now an old run still writing after a newer one was stored: its rows never show, its promotion is refused.
    const stale = await repository.beginGeneration(fileId);
    const fresh = await repository.beginGeneration(fileId);
    await repository.insertVectors(rows(fresh, 'fresh'));
    await repository.promoteGeneration(fileId, fresh, CHUNKS);
    await repository.insertVectors(rows(stale, 'stale'));
    expect((await visibility(fileId)).visible).toEqual([{ g: fresh, n: CHUNKS }]);
    await expect(repository.promoteGeneration(fileId, stale, CHUNKS)).rejects.toMatchObject({
      code: 'VECTORS_WRITE_SUPERSEDED',
      status: 409,
    });
    await repository.discardGeneration(fileId, stale);
    expect(await visibility(fileId)).toEqual({ visible: [{ g: fresh, n: CHUNKS }], rows: CHUNKS, terms: CHUNKS, marks: 0 });
  });

  it('a file whose vectors are deleted while a run writes: the run’s later rows never show', async () => {
    const fileId = randomUUID();
    const owner = randomUUID();
    const generation = await repository.beginGeneration(fileId);
    await repository.deleteFileVectors(fileId);
    await repository.insertVectors([
      {
        chunkId: randomUUID(),
        generation,
        fileId,
        ownerId: owner,
        model: hash.model,
        dimension: 384,
        embedding: hash.embedOne('late row'),
        chunkIndex: 0,
        text: 'late row',
      },
    ]);
    expect(await visibility(fileId)).toEqual({ visible: [], rows: 0, terms: 0, marks: 0 });
  });
});
