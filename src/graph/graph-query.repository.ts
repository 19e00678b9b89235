import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, ilike, SQL, sql } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { graphEntities } from './graph.schema.js';

export interface GraphNodeRow {
  id: string;
  name: string;
  type: string;
  mention_count: number;
}
export interface GraphEdgeRow {
  source: string;
  target: string;
  relation: string;
  weight: number;
}
export interface NeighborRow extends GraphNodeRow {
  depth: number;
}
export interface EntityRow extends GraphNodeRow {
  owner_id: string;
  description: string | null;
}

/** Reads of the graph store. */
@Injectable()
export class GraphQueryRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The `limit` entities a file mentions most (count within the file), and the file's relations among them. */
  async fileGraph(fileId: string, limit: number): Promise<{ nodes: GraphNodeRow[]; edges: GraphEdgeRow[] }> {
    const nodes = await this.rows<GraphNodeRow>(sql`
      select e.id, e.name, e.type, sum(m.count)::int as mention_count
      from graph_mentions m join graph_entities e on e.id = m.entity_id
      where m.file_id = ${fileId}
      group by e.id, e.name, e.type
      order by mention_count desc, e.name, e.id
      limit ${limit}`);
    if (nodes.length === 0) return { nodes, edges: [] };
    const ids = sql.join(nodes.map((n) => sql`${n.id}::uuid`), sql`, `);
    const edges = await this.rows<GraphEdgeRow>(sql`
      select r.source_id as source, r.target_id as target, r.type as relation, r.weight
      from graph_relations r
      where r.file_id = ${fileId} and r.source_id in (${ids}) and r.target_id in (${ids})
      order by r.weight desc, r.source_id, r.target_id, r.type`);
    return { nodes, edges: edges.map(numericWeight) };
  }

  /** Entities by name (case-insensitive substring) and type, most mentioned first; `ownerId` null means all owners. */
  async searchEntities(ownerId: string | null, q: string | undefined, type: string | undefined, limit: number) {
    const conditions: SQL[] = [];
    if (ownerId) conditions.push(eq(graphEntities.owner_id, ownerId));
    if (q) conditions.push(ilike(graphEntities.normalized_name, `%${escapeLike(q.toLowerCase())}%`));
    if (type) conditions.push(eq(graphEntities.type, type));
    return this.db
      .select({
        id: graphEntities.id,
        name: graphEntities.name,
        type: graphEntities.type,
        mention_count: graphEntities.mention_count,
      })
      .from(graphEntities)
      .where(and(...conditions))
      .orderBy(desc(graphEntities.mention_count), graphEntities.name, graphEntities.id)
      .limit(limit);
  }

  async findEntity(id: string): Promise<EntityRow | undefined> {
    const [row] = await this.db
      .select({
        id: graphEntities.id,
        owner_id: graphEntities.owner_id,
        name: graphEntities.name,
        type: graphEntities.type,
        description: graphEntities.description,
        mention_count: graphEntities.mention_count,
      })
      .from(graphEntities)
      .where(eq(graphEntities.id, id));
    return row;
  }

  /**
   * Entities within `depth` relations of `entityId` (either direction), nearest first, at most `limit`, and the
   * relations among them summed over files. A recursive CTE: each step follows the edges of the last frontier.
   */
  async neighbors(entityId: string, depth: number, limit: number): Promise<{ nodes: NeighborRow[]; edges: GraphEdgeRow[] }> {
    const nodes = await this.rows<NeighborRow>(sql`
      with recursive walk(id, depth) as (
        select ${entityId}::uuid, 0
        union
        select n.id, w.depth + 1
        from walk w
        cross join lateral (
          select r.target_id as id from graph_relations r where r.source_id = w.id
          union
          select r.source_id as id from graph_relations r where r.target_id = w.id
        ) n
        where w.depth < ${depth}
      ),
      reached as (select id, min(depth) as depth from walk group by id)
      select e.id, e.name, e.type, e.mention_count, r.depth
      from reached r join graph_entities e on e.id = r.id
      where r.depth > 0
      order by r.depth, e.mention_count desc, e.name, e.id
      limit ${limit}`);
    if (nodes.length === 0) return { nodes, edges: [] };
    const ids = sql.join([sql`${entityId}::uuid`, ...nodes.map((n) => sql`${n.id}::uuid`)], sql`, `);
    const edges = await this.rows<GraphEdgeRow>(sql`
      select r.source_id as source, r.target_id as target, r.type as relation, sum(r.weight)::float8 as weight
      from graph_relations r
      where r.source_id in (${ids}) and r.target_id in (${ids})
      group by r.source_id, r.target_id, r.type
      order by weight desc, source, target, relation`);
    return { nodes: nodes.map((n) => ({ ...n, depth: Number(n.depth) })), edges: edges.map(numericWeight) };
  }

  private async rows<T>(query: SQL): Promise<T[]> {
    const result = await this.db.execute(query);
    return result.rows as T[];
  }
}

function numericWeight(edge: GraphEdgeRow): GraphEdgeRow {
  return { ...edge, weight: Number(edge.weight) };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}
