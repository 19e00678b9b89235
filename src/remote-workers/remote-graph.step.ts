import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { FileRecordsService } from '../files/file-records.service.js';
import { GraphFileGoneError } from '../graph/graph-file-gone.error.js';
import { GraphRunStage } from '../graph/graph-run-stage.service.js';
import type { ExtractGraphPayload } from '../graph/graph.jobs.js';
import { GraphService } from '../graph/graph.service.js';
import type { ChunkExtraction } from '../graph/graph.types.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { RemoteChunkInput } from './remote-chunk-input.js';
import { RemoteFindingsExtractor } from './remote-findings.extractor.js';
import { remoteGraphSchema } from './remote-result.schema.js';
import type { RemoteInputLine, RemoteStep } from './remote-step.js';
import { InvalidRemoteResultError } from './remote-workers.errors.js';
import { parseResult, RemoteVectorsWriter } from './remote-vectors.writer.js';

// A remote write is not aborted midway (the lease's answer is in); the in-house stage takes an AbortSignal.
const NEVER_ABORTED = new AbortController().signal;

/**
 * extract-graph run remotely: the file's chunks out, findings per chunk back, merged and stored by GraphService. A
 * regeneration is written as GraphRegenerationService.regenerateFile writes it (with force_rechunk the file is parsed
 * and chunked again when the job is leased, and the result carries the new chunks' vectors too, written first); an
 * upload run's graph stage (`ends_run`) is written and ends the run through GraphRunStage, as GraphProcessor does.
 * The graph write replaces the file's graph as a whole, so a job leased again after an expiry writes it once.
 */
@Injectable()
export class RemoteGraphStep implements RemoteStep {
  readonly queue = QueueName.KgExtraction;

  constructor(
    private readonly files: FileRecordsService,
    private readonly chunks: RemoteChunkInput,
    private readonly vectors: RemoteVectorsWriter,
    private readonly graph: GraphService,
    private readonly runStage: GraphRunStage,
  ) {}

  accepts(job: Job): boolean {
    return job.name === 'extract-graph';
  }

  async prepare(job: Job): Promise<void> {
    const data = job.data as ExtractGraphPayload;
    if (data.force_rechunk) await this.chunks.current((await this.fileOf(job)).id, true);
  }

  async *input(job: Job): AsyncIterable<RemoteInputLine> {
    const file = await this.fileOf(job);
    yield* this.chunks.lines(file.id, this.forceRechunk(job) ? ['vectors', 'graph'] : ['graph']);
  }

  async write(job: Job, result: unknown): Promise<unknown> {
    const file = await this.fileOf(job);
    const chunks = await this.chunks.current(file.id);
    const body = result as { vectors?: unknown };
    const parsed = parseResult(remoteGraphSchema, result, 'graph');
    const findings = new Map<string, ChunkExtraction>();
    for (const c of parsed.chunks) {
      if (findings.has(c.chunk_id)) throw new InvalidRemoteResultError(`Chunk ${c.chunk_id} has two findings`);
      findings.set(c.chunk_id, {
        chunkId: c.chunk_id,
        entities: c.entities,
        relations: c.relations,
        unsupportedLanguage: c.unsupported_language,
      });
    }
    const failed = new Set(parsed.failed_chunk_ids.filter((id) => !findings.has(id)));
    const covered = new Set([...findings.keys(), ...failed]);
    await this.chunks.assertCovers(chunks, covered);
    if (this.forceRechunk(job)) {
      if (body.vectors === undefined) throw new InvalidRemoteResultError('This job re-chunked the file: its result needs `vectors` too');
      const byChunk = await this.vectors.check(body.vectors, chunks);
      await this.vectors.write(file, chunks, byChunk);
    }
    const extractor = new RemoteFindingsExtractor(`remote ${parsed.extractor}`, findings, failed);
    if ((job.data as ExtractGraphPayload).ends_run) return this.runStage.extract(file.id, await textStageOf(job), NEVER_ABORTED, extractor);
    return this.graph.extractFileGraph(file, chunks, undefined, extractor);
  }

  private forceRechunk(job: Job): boolean {
    return (job.data as ExtractGraphPayload).force_rechunk === true;
  }

  private async fileOf(job: Job): Promise<{ id: string; owner_id: string }> {
    const { file_id } = job.data as ExtractGraphPayload;
    const file = await this.files.getFile(file_id);
    if (!file) throw new GraphFileGoneError(file_id);
    return file;
  }
}

/** What the run's completed `process-file` job returned (the flow's children values), as GraphProcessor reads it. */
async function textStageOf(job: Job): Promise<unknown[]> {
  return Object.values(await job.getChildrenValues());
}
