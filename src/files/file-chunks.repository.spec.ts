import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { ChunkGenerationChangedError } from './file-core.errors.js';
import { FileChunksRepository, type NewChunk } from './file-chunks.repository.js';
import { FilesRepository } from './files.repository.js';

const draft = (index: number, text = `chunk ${index}`): NewChunk => ({
  chunk_index: index,
  text,
  start_offset: index * 10,
  end_offset: index * 10 + 9,
  page: null,
  token_count: 3,
});

/** Chunk generations on PGlite: written batch by batch out of sight, promoted in one step, never mixed. */
describe('FileChunksRepository (PGlite)', () => {
  let database: TestDatabase;
  let chunks: FileChunksRepository;
  let files: FilesRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    chunks = new FileChunksRepository(database.db);
    files = new FilesRepository(database.db);
  });
  afterAll(async () => database.close());

  async function newFile(): Promise<string> {
    const id = randomUUID();
    await files.insert({
      id,
      owner_id: randomUUID(),
      filename: 'a.txt',
      content_type: 'text/plain',
      file_type: 'txt',
      size_bytes: 10,
      sha256: randomUUID(),
      blob_id: randomUUID(),
    });
    return id;
  }

  it('keeps a generation being written invisible, then promotes it and drops the old one', async () => {
    const fileId = await newFile();
    await chunks.insertBatch(fileId, 'g1', [draft(0), draft(1)]);
    await chunks.insertBatch(fileId, 'g1', [draft(2)]);
    expect(await chunks.list(fileId)).toEqual([]);
    await chunks.promote(fileId, 'g1', 3);
    expect((await chunks.list(fileId)).map((c) => c.text)).toEqual(['chunk 0', 'chunk 1', 'chunk 2']);
    expect(await chunks.current(fileId)).toEqual({ generation: 'g1', total: 3 });
    expect((await files.findById(fileId))?.chunk_count).toBe(3);

    await chunks.insertBatch(fileId, 'g2', [draft(0, 'new 0'), draft(1, 'new 1')]);
    expect(await chunks.count(fileId)).toBe(3);
    await chunks.promote(fileId, 'g2', 2);
    expect((await chunks.list(fileId)).map((c) => c.text)).toEqual(['new 0', 'new 1']);
    const { rows } = await database.pool.query('select count(*)::int as n from file_chunks where file_id = $1', [fileId]);
    expect(rows[0].n).toBe(2);
  });

  it('reads a generation in keyset pages', async () => {
    const fileId = await newFile();
    await chunks.insertBatch(fileId, 'g', [0, 1, 2, 3, 4].map((i) => draft(i)));
    await chunks.promote(fileId, 'g', 5);
    const first = await chunks.pageOf(fileId, 'g', -1, 2);
    const second = await chunks.pageOf(fileId, 'g', first[1].chunk_index, 2);
    const third = await chunks.pageOf(fileId, 'g', second[1].chunk_index, 2);
    expect([first, second, third].map((page) => page.map((c) => c.chunk_index))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('refuses to promote a generation missing chunks and leaves the current one in place', async () => {
    const fileId = await newFile();
    await chunks.insertBatch(fileId, 'g1', [draft(0)]);
    await chunks.promote(fileId, 'g1', 1);
    await chunks.insertBatch(fileId, 'g2', [draft(0, 'partial')]);
    await expect(chunks.promote(fileId, 'g2', 2)).rejects.toBeInstanceOf(ChunkGenerationChangedError);
    expect((await chunks.list(fileId)).map((c) => c.text)).toEqual(['chunk 0']);
    await chunks.discard(fileId, 'g2');
    const { rows } = await database.pool.query('select count(*)::int as n from file_chunks where file_id = $1', [fileId]);
    expect(rows[0].n).toBe(1);
  });
});
