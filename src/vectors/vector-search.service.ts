import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { VectorsRepository } from './vectors.repository.js';

export interface VectorSearchResult {
  file_id: string;
  filename: string;
  chunk_id: string;
  chunk_index: number;
  text: string;
  score: number;
}

/** Semantic (or, with the hash provider, lexical) search over the caller's chunk vectors of the configured model. */
@Injectable()
export class VectorSearchService {
  constructor(
    private readonly embeddings: EmbeddingService,
    private readonly repository: VectorsRepository,
    private readonly files: FileRecordsService,
  ) {}

  async search(
    user: AuthUser,
    request: { query: string; topK: number; fileIds?: string[] },
  ): Promise<{ results: VectorSearchResult[] }> {
    const [vector] = await this.embeddings.embed([request.query]);
    const hits = await this.repository.search({
      model: this.embeddings.model,
      dimension: this.embeddings.dimension,
      vector,
      topK: request.topK,
      ownerId: user.role === 'admin' ? undefined : user.id,
      fileIds: request.fileIds,
    });
    const filenames = await this.files.filenames([...new Set(hits.map((hit) => hit.fileId))]);
    const results = hits
      // A file deleted between its vectors' deletion and this search: not a result any more.
      .filter((hit) => filenames.has(hit.fileId))
      .map((hit) => ({
        file_id: hit.fileId,
        filename: filenames.get(hit.fileId) as string,
        chunk_id: hit.chunkId,
        chunk_index: hit.chunkIndex,
        text: hit.text,
        score: hit.score,
      }));
    return { results };
  }
}
