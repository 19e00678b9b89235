import { type ChunkBatches, type ChunkRecord } from '../files/file-core.types.js';
import { type FileRecordsService } from '../files/file-records.service.js';
import { type ProcessingStatusService } from '../files/processing-status.service.js';
import { type ExtractOptions, type ExtractorResult, type GraphExtractor } from './extractors/graph-extractor.js';
import { RulesGraphExtractor } from './extractors/rules-graph.extractor.js';
import { GraphMerger } from './graph-merger.js';
import { type GraphRepository } from './graph.repository.js';
import { GraphService } from './graph.service.js';
import { type ChunkText, type FileGraph } from './graph.types.js';

type StageCall = [fileId: string, stage: string, update: { status: string; progress: number }, message?: string];

const chunk = (i: number): ChunkRecord => ({
  id: `chunk-${i}`,
  file_id: 'file-1',
  chunk_index: i,
  text: `Text ${i}`,
  start_offset: 0,
  end_offset: 6,
  page: null,
  token_count: 2,
});

/** An extractor that finds one place per chunk and fails the chunks it is told to. */
class StubExtractor implements GraphExtractor {
  readonly name = 'stub';
  constructor(
    private readonly failing: string[] = [],
    private readonly error?: Error,
  ) {}
  async extract(chunks: ChunkText[], options: ExtractOptions = {}): Promise<ExtractorResult> {
    if (this.error) throw this.error;
    for (let i = 0; i < chunks.length; i++) await options.onChunkDone?.(i + 1, chunks.length);
    const ok = chunks.filter((c) => !this.failing.includes(c.id));
    return {
      chunks: ok.map((c) => ({ chunkId: c.id, entities: [{ name: 'Paris', type: 'place' }], relations: [] })),
      failedChunkIds: this.failing,
    };
  }
}

function setup(extractor: GraphExtractor, fileExists = true) {
  const calls: StageCall[] = [];
  const stored: FileGraph[] = [];
  const deleted: string[] = [];
  const files = { getFile: async (id: string) => (fileExists ? { id } : undefined) } as unknown as FileRecordsService;
  const status = {
    updateStage: async (...args: StageCall) => void calls.push(args),
  } as unknown as ProcessingStatusService;
  const repository = {
    replaceFileGraph: async (_owner: string, _file: string, graph: FileGraph) => {
      stored.push(graph);
      return { entities: graph.entities.size, relations: graph.relations.length };
    },
    deleteFileGraph: async (fileId: string) => void deleted.push(fileId),
  } as unknown as GraphRepository;
  return { service: new GraphService(extractor, new GraphMerger(), repository, status, files), calls, stored, deleted };
}

describe('GraphService.extractFileGraph', () => {
  const file = { id: 'file-1', owner_id: 'owner-1' };

  it('moves the kg_extraction stage by chunks done / total, then completed at 100', async () => {
    const { service, calls } = setup(new StubExtractor());
    const result = await service.extractFileGraph(file, [0, 1, 2, 3].map(chunk));
    expect(result).toEqual({ entities: 1, relations: 0, failed_chunk_ids: [] });
    expect(calls.every(([fileId, stage]) => fileId === 'file-1' && stage === 'kg_extraction')).toBe(true);
    expect(calls.map(([, , update]) => update)).toEqual([
      { status: 'processing', progress: 0 },
      { status: 'processing', progress: 24 },
      { status: 'processing', progress: 48 },
      { status: 'processing', progress: 71 },
      { status: 'processing', progress: 95 },
      { status: 'completed', progress: 100 },
    ]);
  });

  it('reads a paged source batch by batch, moving progress steadily, and merges every batch into one graph', async () => {
    const { service, calls, stored } = setup(new StubExtractor());
    const all = Array.from({ length: 300 }, (_, i) => chunk(i));
    const sizes: number[] = [];
    const source: ChunkBatches = {
      total: all.length,
      async *batches(size: number) {
        for (let i = 0; i < all.length; i += size) {
          sizes.push(Math.min(size, all.length - i));
          yield all.slice(i, i + size);
        }
      },
    };
    const result = await service.extractFileGraph(file, source);
    expect(sizes.length).toBeGreaterThan(1);
    expect(result).toEqual({ entities: 1, relations: 0, failed_chunk_ids: [] });
    expect([...stored[0].entities.values()][0].mentions.size).toBe(300);
    const progress = calls.map(([, , update]) => update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(10);
  });

  it('stores the rest of the file when chunks fail, and names them in the result and the stage message', async () => {
    const { service, calls, stored } = setup(new StubExtractor(['chunk-1']));
    const result = await service.extractFileGraph(file, [0, 1, 2].map(chunk));
    expect(result.failed_chunk_ids).toEqual(['chunk-1']);
    expect([...stored[0].entities.values()][0].mentions).toEqual(new Map([['chunk-0', 1], ['chunk-2', 1]]));
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'completed', progress: 100 });
    expect(last[3]).toMatch(/1 of 3 chunks failed/);
  });

  it('says in the stage message which language the extractor could not read, instead of storing garbage', async () => {
    const { service, calls, stored } = setup(new RulesGraphExtractor());
    const texts = ['Компания открыла новый завод в Москве.', 'Tim Cook leads Apple from California.', '서울에 본사를 둔 회사가 새 공장을 열었다.'];
    await service.extractFileGraph(file, texts.map((text, i) => ({ ...chunk(i), text })));
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'completed', progress: 100 });
    expect(last[3]).toMatch(/Cyrillic-script text is not supported by the rules extractor \(1 of 3 chunks skipped\)/);
    expect(last[3]).toMatch(/Korean text is not supported by the rules extractor \(1 of 3 chunks skipped\)/);
    const names = [...stored[0].entities.values()].map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Tim Cook', 'Apple']));
    expect(names.every((name) => /^[\p{Script=Latin}\s.]+$/u.test(name))).toBe(true);
  });

  it('takes back what it stored when the file was deleted during extraction', async () => {
    const { service, deleted } = setup(new StubExtractor(), false);
    const result = await service.extractFileGraph(file, [chunk(0)]);
    expect(deleted).toEqual(['file-1']);
    expect(result).toMatchObject({ entities: 0, relations: 0 });
  });

  it('marks the stage failed and rethrows when extraction fails as a whole', async () => {
    const { service, calls } = setup(new StubExtractor([], new Error('model server down')));
    await expect(service.extractFileGraph(file, [chunk(0)])).rejects.toThrow('model server down');
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'failed', progress: 0 });
    expect(last[3]).toMatch(/model server down/);
  });
});
