import { type ChunkBatches, type ChunkRecord } from '../files/file-core.types.js';
import { type FileRecordsService } from '../files/file-records.service.js';
import { type ProcessingStatusService } from '../files/processing-status.service.js';
import { type ExtractOptions, type ExtractorResult, type GraphExtractor } from './extractors/graph-extractor.js';
import { RulesGraphExtractor } from './extractors/rules-graph.extractor.js';
import { GraphRunSupersededError } from './graph-run-superseded.error.js';
import { type GraphStagePack } from './graph-stage-rows.js';
import { type GraphStagingRepository } from './graph-staging.repository.js';
import { type GraphRepository } from './graph.repository.js';
import { GraphService } from './graph.service.js';
import { type ChunkText } from './graph.types.js';

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

/** A staged entity row, read back from its pack's JSON. */
interface StagedEntity {
  chunk_id: string;
  normalized_name: string;
  surface: string;
  count: number;
}

function entitiesOf(pack: GraphStagePack): StagedEntity[] {
  const rows = JSON.parse(new TextDecoder().decode(pack.entities)) as { c: number; n: string; s: string; k: number }[];
  return rows.map((row) => ({ chunk_id: pack.chunkIds[row.c], normalized_name: row.n, surface: row.s, count: row.k }));
}

function relationCount(pack: GraphStagePack): number {
  return (JSON.parse(new TextDecoder().decode(pack.relations)) as unknown[]).length;
}

/** Staged rows per run; the fake merge counts a run's distinct names and drops the run, as the repository does. */
function setup(extractor: GraphExtractor, fileExists = true, merge?: () => Promise<never>) {
  const calls: StageCall[] = [];
  const runs = new Map<string, { entities: StagedEntity[]; relations: number }>();
  const merged: StagedEntity[][] = [];
  const deleted: string[] = [];
  const files = { getFile: async (id: string) => (fileExists ? { id } : undefined) } as unknown as FileRecordsService;
  const status = {
    updateStage: async (...args: StageCall) => void calls.push(args),
  } as unknown as ProcessingStatusService;
  const staging = {
    startRun: async () => {
      const id = `run-${runs.size}`;
      runs.set(id, { entities: [], relations: 0 });
      return id;
    },
    stage: async (runId: string, _seq: number, packs: GraphStagePack[]) => {
      for (const pack of packs) {
        runs.get(runId)!.entities.push(...entitiesOf(pack));
        runs.get(runId)!.relations += relationCount(pack);
      }
    },
    dropRun: async (runId: string) => void runs.delete(runId),
    reclaimSpace: async () => undefined,
  } as unknown as GraphStagingRepository;
  const repository = {
    replaceFileGraphFromRun: async (_owner: string, _file: string, runId: string) => {
      if (merge) return merge();
      const staged = runs.get(runId)!;
      runs.delete(runId);
      merged.push(staged.entities);
      return { entities: new Set(staged.entities.map((e) => e.normalized_name)).size, relations: staged.relations };
    },
    deleteFileGraph: async (fileId: string) => void deleted.push(fileId),
  } as unknown as GraphRepository;
  return { service: new GraphService(extractor, staging, repository, status, files), calls, runs, merged, deleted };
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

  it('reads a paged source batch by batch, moving progress steadily, and stages every batch under one run', async () => {
    const { service, calls, merged, runs } = setup(new StubExtractor());
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
    expect(new Set(merged[0].map((row) => row.chunk_id)).size).toBe(300);
    expect(runs.size).toBe(0);
    const progress = calls.map(([, , update]) => update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(10);
  });

  it('stores the rest of the file when chunks fail, and names them in the result and the stage message', async () => {
    const { service, calls, merged } = setup(new StubExtractor(['chunk-1']));
    const result = await service.extractFileGraph(file, [0, 1, 2].map(chunk));
    expect(result.failed_chunk_ids).toEqual(['chunk-1']);
    expect(merged[0].map((row) => [row.normalized_name, row.chunk_id, row.count])).toEqual([
      ['paris', 'chunk-0', 1],
      ['paris', 'chunk-2', 1],
    ]);
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'completed', progress: 100 });
    expect(last[3]).toMatch(/1 of 3 chunks failed/);
  });

  it('says in the stage message which language the extractor could not read, instead of storing garbage', async () => {
    const { service, calls, merged } = setup(new RulesGraphExtractor());
    const texts = ['Компания открыла новый завод в Москве.', 'Tim Cook leads Apple from California.', '서울에 본사를 둔 회사가 새 공장을 열었다.'];
    await service.extractFileGraph(file, texts.map((text, i) => ({ ...chunk(i), text })));
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'completed', progress: 100 });
    expect(last[3]).toMatch(/Cyrillic-script text is not supported by the rules extractor \(1 of 3 chunks skipped\)/);
    expect(last[3]).toMatch(/Korean text is not supported by the rules extractor \(1 of 3 chunks skipped\)/);
    const names = merged[0].map((row) => row.surface);
    expect(names).toEqual(expect.arrayContaining(['Tim Cook', 'Apple']));
    expect(names.every((name) => /^[\p{Script=Latin}\s.]+$/u.test(name))).toBe(true);
  });

  it('takes back what it stored when the file was deleted during extraction', async () => {
    const { service, deleted } = setup(new StubExtractor(), false);
    const result = await service.extractFileGraph(file, [chunk(0)]);
    expect(deleted).toEqual(['file-1']);
    expect(result).toMatchObject({ entities: 0, relations: 0 });
  });

  it('marks the stage failed, drops its staged run and rethrows when extraction fails as a whole', async () => {
    const { service, calls, runs } = setup(new StubExtractor([], new Error('model server down')));
    await expect(service.extractFileGraph(file, [chunk(0)])).rejects.toThrow('model server down');
    const last = calls[calls.length - 1];
    expect(last[2]).toEqual({ status: 'failed', progress: 0 });
    expect(last[3]).toMatch(/model server down/);
    expect(runs.size).toBe(0);
  });

  it('leaves the stage to the newer attempt that replaced its run, and rethrows', async () => {
    const { service, calls } = setup(new StubExtractor(), true, async () => {
      throw new GraphRunSupersededError('file-1');
    });
    await expect(service.extractFileGraph(file, [chunk(0)])).rejects.toBeInstanceOf(GraphRunSupersededError);
    expect(calls.some(([, , update]) => update.status === 'failed')).toBe(false);
  });
});
