import { AppConfig } from '../infra/config/app-config.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import { ChunkRecord } from '../files/file-core.types.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { VectorsRepository } from './vectors.repository.js';
import { VectorsService } from './vectors.service.js';
import { NewChunkVectorRow } from './vectors.schema.js';

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
  const written: { fileId: string; rows: NewChunkVectorRow[] }[] = [];
  const status = {
    updateStage: async (_f: string, stage: string, u: { status: string; progress: number }) => {
      stages.push(`${stage}:${u.status}:${Math.round(u.progress)}`);
    },
  };
  const repository = {
    replaceFileVectors: async (fileId: string, rows: NewChunkVectorRow[]) => void written.push({ fileId, rows }),
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
    {} as TaskQueueService,
  );
  return { service, stages, written };
}

describe('VectorsService.vectorizeFile', () => {
  it('embeds in steps, reports chunks embedded / total, then stores all vectors in one replacement', async () => {
    const { service, stages, written } = setup();
    const result = await service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [0, 1, 2, 3, 4].map(chunk));
    expect(result).toEqual({ count: 5 });
    expect(stages).toEqual([
      'vectorization:processing:0',
      'vectorization:processing:40',
      'vectorization:processing:80',
      'vectorization:processing:100',
      'vectorization:completed:100',
      'storage:processing:0',
      'storage:completed:100',
    ]);
    expect(written).toHaveLength(1);
    expect(written[0].rows.map((r) => [r.chunkId, r.chunkIndex, r.ownerId, r.model, r.dimension])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`c${i}`, i, 'u1', 'm', 2]),
    );
  });

  it('stops between steps when aborted and marks the stage failed', async () => {
    const controller = new AbortController();
    const { service, stages, written } = setup(async (texts) => {
      controller.abort();
      return texts.map(() => [1, 0]);
    });
    await expect(
      service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [0, 1, 2, 3].map(chunk), controller.signal),
    ).rejects.toThrow(/abort/i);
    expect(written).toEqual([]);
    expect(stages.at(-1)).toBe('vectorization:failed:0');
  });

  it('replaces with nothing for a file without chunks', async () => {
    const { service, written } = setup();
    expect(await service.vectorizeFile({ id: 'f1', owner_id: 'u1' }, [])).toEqual({ count: 0 });
    expect(written).toEqual([{ fileId: 'f1', rows: [] }]);
  });
});
