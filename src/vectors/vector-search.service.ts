import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { searchTerms } from '../common/text/search-terms.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { AppConfig } from '../infra/config/app-config.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { FusedChunk, fuseByReciprocalRank, RankedChunk, SearchList } from './reciprocal-rank-fusion.js';
import { TextSearchRepository } from './text-search.repository.js';
import { VectorsRepository } from './vectors.repository.js';

export const SEARCH_MODES = ['vector', 'text', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchRequest {
  query: string;
  topK: number;
  mode: SearchMode;
  fileIds?: string[];
}

export interface VectorSearchResult {
  file_id: string;
  filename: string;
  chunk_id: string;
  chunk_index: number;
  text: string;
  score: number;
  found_by: SearchList[];
  vector_score: number | null;
  text_score: number | null;
}

// How deep each list is read before fusion: a chunk ranked 20th by one list and 3rd by the other can still win.
const FUSION_DEPTH = 20;

/**
 * Search over the caller's chunks (admin: everyone's): nearest embeddings of the configured model (semantic, or
 * lexical with the hash provider), full-text over the words, or both fused by reciprocal rank.
 */
@Injectable()
export class VectorSearchService {
  constructor(
    private readonly config: AppConfig,
    private readonly embeddings: EmbeddingService,
    private readonly vectors: VectorsRepository,
    private readonly texts: TextSearchRepository,
    private readonly files: FileRecordsService,
  ) {}

  async search(user: AuthUser, request: SearchRequest): Promise<{ mode: SearchMode; results: VectorSearchResult[] }> {
    const scope = { ownerId: user.role === 'admin' ? undefined : user.id, fileIds: request.fileIds };
    const depth = request.mode === 'hybrid' ? Math.max(request.topK, FUSION_DEPTH) : request.topK;
    const [vector, text] = await Promise.all([
      request.mode === 'text' ? undefined : this.nearest(request.query, depth, scope),
      request.mode === 'vector' ? undefined : this.texts.search({ terms: searchTerms(request.query), topK: depth, ...scope }),
    ]);
    const ranked = fuseByReciprocalRank({ vector, text }, request.topK);
    if (request.mode !== 'hybrid') for (const hit of ranked) hit.score = hit.scores[request.mode] ?? 0;
    return { mode: request.mode, results: await this.withFilenames(ranked) };
  }

  private async nearest(
    query: string,
    topK: number,
    scope: { ownerId?: string; fileIds?: string[] },
  ): Promise<RankedChunk[]> {
    const [vector] = await this.embeddings.embed([query]);
    const { model, dimension } = this.embeddings;
    const { efSearch, exactScanMaxRows } = this.config.vectorIndex;
    return this.vectors.search({ model, dimension, vector, topK, efSearch, exactScanMaxRows, ...scope });
  }

  private async withFilenames(hits: FusedChunk[]): Promise<VectorSearchResult[]> {
    const filenames = await this.files.filenames([...new Set(hits.map((hit) => hit.fileId))]);
    return (
      hits
        // A file deleted between its vectors' deletion and this search: not a result any more.
        .filter((hit) => filenames.has(hit.fileId))
        .map((hit) => ({
          file_id: hit.fileId,
          filename: filenames.get(hit.fileId) as string,
          chunk_id: hit.chunkId,
          chunk_index: hit.chunkIndex,
          text: hit.text,
          score: hit.score,
          found_by: hit.foundBy,
          vector_score: hit.scores.vector ?? null,
          text_score: hit.scores.text ?? null,
        }))
    );
  }
}
