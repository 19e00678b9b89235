import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { chunkVectorWrites } from './vectors.schema.js';

/**
 * Rows whose generation is not being written any more. An uncorrelated sub-select (one InitPlan: the few generations
 * in progress, nearly always none) compared per row, never a join: whatever the statistics say, the planner keeps
 * walking the HNSW or GIN index and applies this as a filter. (`NOT EXISTS` here was planned as an anti-join that
 * PostgreSQL, with chunk_vector_writes never analyzed, ran as a comparison with every row.)
 */
export function visibleGeneration(generation: SQLWrapper): SQL {
  return sql`${generation} <> all(array(select ${chunkVectorWrites.generation} from ${chunkVectorWrites}))`;
}
