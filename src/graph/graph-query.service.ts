import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { unifyChineseScript } from '../common/text/search-terms.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { GraphEdgeRow, GraphNodeRow, GraphQueryRepository, NeighborRow } from './graph-query.repository.js';
import { GraphEntityNotFoundError } from './graph.errors.js';

export interface FileGraphView {
  file_id: string;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
}

export interface NeighborhoodView {
  entity: GraphNodeRow & { description: string | null };
  depth: number;
  nodes: NeighborRow[];
  edges: GraphEdgeRow[];
}

/** Reading the graph, with the owner rule: users see their own graph, admins everyone's. */
@Injectable()
export class GraphQueryService {
  constructor(
    private readonly repository: GraphQueryRepository,
    private readonly files: FileRecordsService,
  ) {}

  async fileGraph(fileId: string, user: AuthUser, limit: number): Promise<FileGraphView> {
    await this.files.getOwnedFile(fileId, user);
    const { nodes, edges } = await this.repository.fileGraph(fileId, limit);
    return { file_id: fileId, nodes, edges };
  }

  async searchEntities(user: AuthUser, query: { q?: string; type?: string; limit: number }): Promise<GraphNodeRow[]> {
    const owner = user.role === 'admin' ? null : user.id;
    // Names are stored with Chinese in one script (normalizeEntityName): a query in either script finds them.
    const q = query.q?.trim();
    return this.repository.searchEntities(owner, q ? unifyChineseScript(q) : undefined, query.type, query.limit);
  }

  async neighbors(entityId: string, user: AuthUser, depth: number, limit: number): Promise<NeighborhoodView> {
    const entity = await this.repository.findEntity(entityId);
    if (!entity || (entity.owner_id !== user.id && user.role !== 'admin')) throw new GraphEntityNotFoundError(entityId);
    const { nodes, edges } = await this.repository.neighbors(entityId, depth, limit);
    const { owner_id: _owner, ...shown } = entity;
    return { entity: shown, depth, nodes, edges };
  }
}
