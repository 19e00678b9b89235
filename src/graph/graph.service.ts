import { Inject, Injectable, Logger } from '@nestjs/common';
import { chunkBatchesOf, chunkCount } from '../files/chunk-source.js';
import { ChunkSource } from '../files/file-core.types.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import { type ExtractOptions, GRAPH_EXTRACTOR, type GraphExtractor } from './extractors/graph-extractor.js';
import { GraphRunSupersededError } from './graph-run-superseded.error.js';
import { stagedExtractionOf } from './graph-stage-rows.js';
import { GraphStagingRepository } from './graph-staging.repository.js';
import { GraphRepository } from './graph.repository.js';

export interface FileGraphResult {
  entities: number;
  relations: number;
  /** Chunks the extractor could not read; the rest of the file's graph is stored. */
  failed_chunk_ids: string[];
}

// Progress is written in steps of 1/PROGRESS_STEPS of the chunks (a write per chunk would flood Redis on big files).
const PROGRESS_STEPS = 20;
// Chunks read and extracted at a time: a page of a large file's chunks, never the whole file.
const EXTRACTION_BATCH = 128;

/** Builds and removes files' contributions to their owner's knowledge graph. */
@Injectable()
export class GraphService {
  private readonly logger = new Logger('Graph');

  constructor(
    @Inject(GRAPH_EXTRACTOR) private readonly extractor: GraphExtractor,
    private readonly staging: GraphStagingRepository,
    private readonly repository: GraphRepository,
    private readonly status: ProcessingStatusService,
    private readonly files: FileRecordsService,
  ) {}

  /**
   * Extracts entities and relations from the chunks, batch by batch (a large file's chunks are read page by page),
   * stages each batch's findings in the database, then merges them there into the file's graph, replacing what the
   * file contributed before in one transaction: memory holds one batch, whatever the file's size. Moves the
   * kg_extraction stage: chunks done / total, then completed (or failed).
   */
  async extractFileGraph(
    file: { id: string; owner_id: string },
    chunks: ChunkSource,
    signal?: AbortSignal,
    extractor: GraphExtractor = this.extractor,
  ): Promise<FileGraphResult> {
    const total = chunkCount(chunks);
    let run: string | undefined;
    try {
      await this.status.updateStage(file.id, 'kg_extraction', { status: 'processing', progress: 0 }, 'Extracting graph');
      run = await this.staging.startRun(file.id);
      let lastStep = 0;
      let done = 0;
      // Stream position of the next entity finding: ties between a name's types and surfaces go to the first seen.
      let seq = 0;
      // One batch's staging write runs while the next batch is extracted; it is awaited before the next write.
      let writing: Promise<void> = Promise.resolve();
      const failed: string[] = [];
      const unsupported = new Map<string, number>();
      const batches = chunkBatchesOf(chunks, EXTRACTION_BATCH, signal);
      // The next page is read before this batch's staging transaction takes the database (the embedded one serves one
      // session): the read would wait for the whole write, and the threads with it.
      let next = batches.next();
      for (let page = await next; !page.done; page = await next) {
        const batch = page.value;
        const before = done;
        const texts = batch.map((c) => ({ id: c.id, text: c.text }));
        const options: ExtractOptions = {
          signal,
          onChunkDone: async (doneInBatch) => {
            const step = Math.floor(((before + doneInBatch) / total) * PROGRESS_STEPS);
            if (step <= lastStep) return;
            lastStep = step;
            // Up to 95: storing the graph is the last step.
            const progress = Math.round(((before + doneInBatch) / total) * 95);
            await this.status.updateStage(file.id, 'kg_extraction', { status: 'processing', progress });
          },
        };
        const result = extractor.extractStaged
          ? await extractor.extractStaged(texts, options)
          : stagedExtractionOf(await extractor.extract(texts, options));
        await writing;
        next = batches.next();
        // Handled here so a failure while this batch is staged is no unhandled rejection; awaited by the loop.
        next.catch(() => undefined);
        writing = this.staging.stage(run, seq, result.packs);
        // Handled here so a failure while the next batch is extracted is no unhandled rejection; awaited below.
        writing.catch(() => undefined);
        for (const pack of result.packs) {
          seq += pack.occurrences;
          for (const language of pack.unsupportedLanguages) unsupported.set(language, (unsupported.get(language) ?? 0) + 1);
        }
        failed.push(...result.failedChunkIds);
        done += batch.length;
      }
      await writing;
      signal?.throwIfAborted();
      const stored = await this.repository.replaceFileGraphFromRun(file.owner_id, file.id, run);
      run = undefined;
      await this.staging.reclaimSpace().catch((error: unknown) => this.logger.warn(`graph staging vacuum failed: ${String(error)}`));
      // The file was deleted while we extracted: take back what we just stored rather than leave it orphaned.
      if (!(await this.files.getFile(file.id))) {
        await this.repository.deleteFileGraph(file.id);
        return { entities: 0, relations: 0, failed_chunk_ids: failed };
      }
      const message =
        `Graph: ${stored.entities} entities, ${stored.relations} relations` +
        (failed.length > 0 ? `; ${failed.length} of ${total} chunks failed extraction` : '') +
        [...unsupported]
          .map(([language, n]) => `; ${language} text is not supported by the ${extractor.name} extractor (${n} of ${total} chunks skipped)`)
          .join('');
      if (failed.length > 0) this.logger.warn(`file ${file.id}: chunks failed extraction: ${failed.join(', ')}`);
      await this.status.updateStage(file.id, 'kg_extraction', { status: 'completed', progress: 100 }, message);
      return { ...stored, failed_chunk_ids: failed };
    } catch (error) {
      if (run) await this.staging.dropRun(run).catch(() => undefined);
      // A newer attempt owns the file's stage now: its status is not ours to mark failed.
      if (error instanceof GraphRunSupersededError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      await this.status
        .updateStage(file.id, 'kg_extraction', { status: 'failed', progress: 0 }, `kg_extraction failed: ${reason}`)
        .catch(() => undefined);
      throw error;
    }
  }

  /** Removes the file's contributions; entities other files still mention stay, with their counts lowered. */
  async deleteFileGraph(fileId: string): Promise<void> {
    await this.repository.deleteFileGraph(fileId);
  }
}
