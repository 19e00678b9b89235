import { cleanEntityName, isUsefulName, normalizeEntityName, normalizeRelationName } from './entity-name.js';
import { type ChunkExtraction, entityKey, type EntityType, type FileEntity, type FileGraph, type FileRelation } from './graph.types.js';

/** Company-form suffixes an organization's short name drops ("apple inc" → "apple"); the staged merge's SQL uses them too. */
export const ORG_SUFFIXES = ['inc', 'incorporated', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'co', 'company', 'ag', 'sa'];
const ORG_SUFFIX = new RegExp(`\\s+(${ORG_SUFFIXES.join('|')})$`);

interface NameStats {
  /** The normalized name (the copy relations keep). */
  name: string;
  types: Map<EntityType, number>;
  surfaces: Map<string, number>;
  description?: string;
  mentions: Map<string, number>;
}

/** Relations by (normalized source, normalized target, relation name), before names are resolved to entities. */
interface RawRelation {
  source: string;
  target: string;
  relation: string;
  weight: number;
  chunkIds: string[];
}

/**
 * One file's graph built up chunk by chunk (see GraphMerger for the rules): `add` keeps only per-name statistics and
 * per-name-pair relation totals, never the chunks' text or raw findings, so a large file is merged while streaming.
 * `finish` resolves types and aliases, which need every name, and gives the same graph as merging all at once.
 */
export class FileGraphAccumulator {
  private readonly byName = new Map<string, NameStats>();
  private readonly rawRelations = new Map<string, RawRelation>();

  add(chunks: ChunkExtraction[]): void {
    for (const chunk of chunks) {
      for (const entity of chunk.entities) {
        const normalized = normalizeEntityName(entity.name);
        if (!isUsefulName(normalized)) continue;
        let stats = this.byName.get(normalized);
        if (!stats) {
          stats = { name: normalized, types: new Map(), surfaces: new Map(), mentions: new Map() };
          this.byName.set(normalized, stats);
        }
        increment(stats.types, entity.type);
        increment(stats.surfaces, cleanEntityName(entity.name));
        increment(stats.mentions, chunk.chunkId);
        stats.description ??= entity.description?.trim() || undefined;
      }
      for (const relation of chunk.relations) {
        // Relations share byName's copy of each name (most endpoints are names of the chunk's own entities).
        const source = this.shared(normalizeEntityName(relation.source));
        const target = this.shared(normalizeEntityName(relation.target));
        const name = normalizeRelationName(relation.relation);
        if (!name) continue;
        const key = `${source}\u0001${target}\u0001${name}`;
        const weight = relation.weight > 0 ? relation.weight : 1;
        const existing = this.rawRelations.get(key);
        if (existing) {
          existing.weight += weight;
          if (existing.chunkIds[existing.chunkIds.length - 1] !== chunk.chunkId) existing.chunkIds.push(chunk.chunkId);
        } else {
          this.rawRelations.set(key, { source, target, relation: name, weight, chunkIds: [chunk.chunkId] });
        }
      }
    }
  }

  /** The copy of the name byName already holds, else the name itself. */
  private shared(normalized: string): string {
    return this.byName.get(normalized)?.name ?? normalized;
  }

  finish(failedChunkIds: string[] = []): FileGraph {
    const byName = this.byName;
    const typeOf = new Map<string, EntityType>();
    for (const [name, stats] of byName) typeOf.set(name, pickType(stats.types));
    const alias = aliases(typeOf);

    const entities = new Map<string, FileEntity>();
    const keyOfName = new Map<string, string>();
    for (const [name, stats] of byName) {
      const canonical = alias.get(name) ?? name;
      const type = typeOf.get(canonical) ?? 'concept';
      const key = entityKey(canonical, type);
      keyOfName.set(name, key);
      let entity = entities.get(key);
      if (!entity) {
        const canonicalStats = byName.get(canonical) ?? stats;
        entity = {
          name: mostFrequent(canonicalStats.surfaces),
          normalizedName: canonical,
          type,
          description: canonicalStats.description,
          mentions: new Map(),
        };
        entities.set(key, entity);
      }
      for (const [chunkId, count] of stats.mentions) entity.mentions.set(chunkId, (entity.mentions.get(chunkId) ?? 0) + count);
      entity.description ??= stats.description;
    }

    const relations = new Map<string, FileRelation>();
    for (const raw of this.rawRelations.values()) {
      let sourceKey = keyOfName.get(raw.source);
      let targetKey = keyOfName.get(raw.target);
      if (!sourceKey || !targetKey || sourceKey === targetKey) continue;
      // Co-occurrence has no direction: one edge per unordered pair.
      if (raw.relation === 'co_occurs_with' && sourceKey > targetKey) [sourceKey, targetKey] = [targetKey, sourceKey];
      const key = `${sourceKey}\u0001${targetKey}\u0001${raw.relation}`;
      const existing = relations.get(key);
      if (existing) {
        existing.weight += raw.weight;
        for (const chunkId of raw.chunkIds) if (!existing.chunkIds.includes(chunkId)) existing.chunkIds.push(chunkId);
      } else {
        relations.set(key, {
          sourceKey,
          targetKey,
          relation: raw.relation,
          weight: raw.weight,
          chunkIds: [...raw.chunkIds],
        });
      }
    }
    return { entities, relations: [...relations.values()], failedChunkIds };
  }
}

/** name → the longer name it stands for, when exactly one candidate of a compatible type exists. */
function aliases(typeOf: Map<string, EntityType>): Map<string, string> {
  const alias = new Map<string, string>();
  const names = [...typeOf.keys()];
  for (const [name, type] of typeOf) {
    const candidates = names.filter((other) => {
      if (other === name) return false;
      const otherType = typeOf.get(other);
      // A lone capitalized word was typed by a guess (see RulesGraphExtractor): a person's surname overrides it.
      if (otherType === 'person' && !name.includes(' ') && type !== 'place') {
        const parts = other.split(' ');
        return parts.length > 1 && (parts[parts.length - 1] === name || parts[0] === name);
      }
      if (otherType === 'organization' && (type === 'organization' || type === 'concept')) {
        return other.replace(ORG_SUFFIX, '') === name;
      }
      return false;
    });
    if (candidates.length === 1) alias.set(name, candidates[0]);
  }
  return alias;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * A typed name (person, organization ...) beats `other` and `concept`, then the most frequent. An untyped capitalized
 * name (`other`) beats a concept only when written capitalized more often: "source code" once in a heading is still
 * a concept.
 */
function pickType(types: Map<EntityType, number>): EntityType {
  const typed = [...types.entries()].filter(([type]) => type !== 'concept' && type !== 'other');
  const pool = typed.length > 0 ? typed : [...types.entries()];
  return pool.reduce((best, current) => (current[1] > best[1] || (current[1] === best[1] && current[0] === 'other') ? current : best))[0];
}

function mostFrequent(counts: Map<string, number>): string {
  return [...counts.entries()].reduce((best, current) => (current[1] > best[1] ? current : best))[0];
}
