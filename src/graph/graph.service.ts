import { Inject, Injectable, Logger } from '@nestjs/common';
import { chunkBatchesOf, chunkCount } from '../files/chunk-source.js';
import { ChunkSource } from '../files/file-core.types.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import { GRAPH_EXTRACTOR, type GraphExtractor } from './extractors/graph-extractor.js';
import { GraphMerger } from './graph-merger.js';
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
    private readonly merger: GraphMerger,
    private readonly repository: GraphRepository,
    private readonly status: ProcessingStatusService,
    private readonly files: FileRecordsService,
  ) {}

  /**
   * Extracts entities and relations from the chunks, batch by batch (a large file's chunks are read page by page;
   * only the merged findings accumulate, a file's graph being small beside its text), then replaces what the file
   * contributed before in one transaction. Moves the kg_extraction stage: chunks done / total, then completed (or
   * failed).
   */
  async extractFileGraph(
    file: { id: string; owner_id: string },
    chunks: ChunkSource,
    signal?: AbortSignal,
  ): Promise<FileGraphResult> {
    const total = chunkCount(chunks);
    try {
      await this.status.updateStage(file.id, 'kg_extraction', { status: 'processing', progress: 0 }, 'Extracting graph');
      let lastStep = 0;
      let done = 0;
      const accumulator = this.merger.accumulator();
      const failed: string[] = [];
      const unsupported = new Map<string, number>();
      for await (const batch of chunkBatchesOf(chunks, EXTRACTION_BATCH, signal)) {
        const before = done;
        const result = await this.extractor.extract(
          batch.map((c) => ({ id: c.id, text: c.text })),
          {
            signal,
            onChunkDone: async (doneInBatch) => {
              const step = Math.floor(((before + doneInBatch) / total) * PROGRESS_STEPS);
              if (step <= lastStep) return;
              lastStep = step;
              // Up to 95: storing the graph is the last step.
              const progress = Math.round(((before + doneInBatch) / total) * 95);
              await this.status.updateStage(file.id, 'kg_extraction', { status: 'processing', progress });
            },
          },
        );
        accumulator.add(result.chunks);
        for (const { unsupportedLanguage: language } of result.chunks) {
          if (language) unsupported.set(language, (unsupported.get(language) ?? 0) + 1);
        }
        failed.push(...result.failedChunkIds);
        done += batch.length;
      }
      signal?.throwIfAborted();
      const graph = accumulator.finish(failed);
      const stored = await this.repository.replaceFileGraph(file.owner_id, file.id, graph);
      // The file was deleted while we extracted: take back what we just stored rather than leave it orphaned.
      if (!(await this.files.getFile(file.id))) {
        await this.repository.deleteFileGraph(file.id);
        return { entities: 0, relations: 0, failed_chunk_ids: failed };
      }
      const message =
        `Graph: ${stored.entities} entities, ${stored.relations} relations` +
        (failed.length > 0 ? `; ${failed.length} of ${total} chunks failed extraction` : '') +
        [...unsupported]
          .map(([language, n]) => `; ${language} text is not supported by the ${this.extractor.name} extractor (${n} of ${total} chunks skipped)`)
          .join('');
      if (failed.length > 0) this.logger.warn(`file ${file.id}: chunks failed extraction: ${failed.join(', ')}`);
      await this.status.updateStage(file.id, 'kg_extraction', { status: 'completed', progress: 100 }, message);
      return { ...stored, failed_chunk_ids: failed };
    } catch (error) {
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
