import { type AppConfig } from '../infra/config/app-config.js';
import { type FileChunksService } from '../files/file-chunks.service.js';
import { type ChunkBatches, type ChunkRecord } from '../files/file-core.types.js';
import { type FileRecordsService } from '../files/file-records.service.js';
import { type ProcessingStatusService } from '../files/processing-status.service.js';
import { type UserTaskQueue } from '../jobs/user-task-queue.js';
import { type EmbeddingService } from './embedding/embedding.service.js';
import { type VectorsRepository } from './vectors.repository.js';
import { VectorsService } from './vectors.service.js';
import { type NewChunkVectorRow } from './vectors.schema.js';

const chunk = (i: number): ChunkRecord => ({
  id: `c${i}`,
  file_id: 'f1',
  chunk_index: i,
  text: `chunk ${i}`,
  start_offset: 0,
  end_offset: 1,
  page: null,
  token_count: 2,
});

function setup(embed: (texts: string[]) => Promise<number[][]> = async (t) => t.map(() => [1, 0])) {
  const stages: string[] = [];
  const written: NewChunkVectorRow[][] = [];
  const promoted: [fileId: string, generation: string, count: number][] = [];
  const discarded: string[] = [];
  const status = {
    updateStage: async (_f: string, stage: string, u: { status: string; progress: number }) => {
      stages.push(`${stage}:${u.status}:${Math.round(u.progress)}`);
    },
  };
  const repository = {
    beginGeneration: async () => 'g1',
    insertVectors: async (rows: NewChunkVectorRow[]) => void written.push(rows),
    promoteGeneration: async (fileId: string, generation: string, count: number) =>
      void promoted.push([fileId, generation, count]),
    discardGeneration: async (_fileId: string, generation: string) => void discarded.push(generation),
  };
  const embeddings = { model: 'm', dimension: 2, embed };
  const config = { embedding: { batchSize: 2, concurrency: 1 } } as AppConfig;
  const service = new VectorsService(
    config,
    embeddings as unknown as EmbeddingService,
    repository as unknown as VectorsRepository,
    {} as FileRecordsService,
    {} as FileChunksService,
    status as unknown as ProcessingStatusService,
    {} as UserTaskQueue,
  );
  return { service, stages, written, promoted, discarded };
}

describe('VectorsService.vectorizeFile', () => {
  it('embeds and writes in steps under a new generation, reports chunks done / total, then promotes it once', async () => {
    const { service, stages, written, promoted } = setup();
    const result = await service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [0, 1, 2, 3, 4].map(chunk));
    expect(result).toEqual({ count: 5 });
    expect(stages).toEqual([
      'vectorization:processing:0',
      'vectorization:processing:40',
      'storage:processing:0',
      'storage:processing:40',
      'vectorization:processing:80',
      'storage:processing:80',
      'vectorization:processing:100',
      'storage:processing:100',
      'vectorization:completed:100',
      'storage:completed:100',
    ]);
    expect(written.map((rows) => rows.length)).toEqual([2, 2, 1]);
    expect(written.flat().map((r) => [r.chunkId, r.generation, r.chunkIndex, r.ownerId, r.model, r.dimension])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`c${i}`, 'g1', i, 'u1', 'm', 2]),
    );
    expect(promoted).toEqual([['f1', 'g1', 5]]);
  });

  it('reads a paged chunk source page by page, never asking for more than one step', async () => {
    const { service, written, promoted } = setup();
    const asked: number[] = [];
    const source: ChunkBatches = {
      total: 3,
      async *batches(size: number) {
        asked.push(size);
        yield [chunk(0), chunk(1)];
        yield [chunk(2)];
      },
    };
    expect(await service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, source)).toEqual({ count: 3 });
    expect(asked).toEqual([2]);
    expect(written.map((rows) => rows.map((r) => r.chunkId))).toEqual([['c0', 'c1'], ['c2']]);
    expect(promoted).toEqual([['f1', 'g1', 3]]);
  });

  it('stops between steps when aborted, drops its generation and marks the stage failed', async () => {
    const controller = new AbortController();
    const { service, stages, written, promoted, discarded } = setup(async (texts) => {
      controller.abort();
      return texts.map(() => [1, 0]);
    });
    await expect(
      service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [0, 1, 2, 3].map(chunk), controller.signal),
    ).rejects.toThrow(/abort/i);
    expect(written).toEqual([]);
    expect(promoted).toEqual([]);
    expect(discarded).toEqual(['g1']);
    expect(stages.at(-1)).toBe('vectorization:failed:0');
  });

  it('replaces with nothing for a file without chunks', async () => {
    const { service, written, promoted } = setup();
    expect(await service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [])).toEqual({ count: 0 });
    expect(written).toEqual([]);
    expect(promoted).toEqual([['f1', 'g1', 0]]);
  });
});
