import { Injectable } from '@nestjs/common';
import { cleanEntityName, normalizeEntityName, normalizeRelationName } from './entity-name.js';
import { ChunkExtraction, entityKey, EntityType, FileEntity, FileGraph, FileRelation } from './graph.types.js';

const ORG_SUFFIX = /\s+(inc|incorporated|corp|corporation|ltd|limited|llc|plc|gmbh|co|company|ag|sa)$/;

interface NameStats {
  types: Map<EntityType, number>;
  surfaces: Map<string, number>;
  description?: string;
  mentions: Map<string, number>;
}

/**
 * Turns an extractor's per-chunk findings into one file's graph: names normalized, one type per name (a named type
 * beats "concept", then the most frequent), short names folded into the one longer name they abbreviate
 * ("Curie" → "Marie Curie", "Apple" → "Apple Inc."), relations summed over chunks.
 */
@Injectable()
export class GraphMerger {
  merge(chunks: ChunkExtraction[], failedChunkIds: string[] = []): FileGraph {
    const byName = new Map<string, NameStats>();
    for (const chunk of chunks) {
      for (const entity of chunk.entities) {
        const normalized = normalizeEntityName(entity.name);
        if (!isUsefulName(normalized)) continue;
        const stats: NameStats = byName.get(normalized) ?? { types: new Map(), surfaces: new Map(), mentions: new Map() };
        byName.set(normalized, stats);
        increment(stats.types, entity.type);
        increment(stats.surfaces, cleanEntityName(entity.name));
        increment(stats.mentions, chunk.chunkId);
        stats.description ??= entity.description?.trim() || undefined;
      }
    }

    const typeOf = new Map<string, EntityType>();
    for (const [name, stats] of byName) typeOf.set(name, pickType(stats.types));
    const alias = this.aliases(typeOf);

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
    for (const chunk of chunks) {
      for (const relation of chunk.relations) {
        let sourceKey = keyOfName.get(normalizeEntityName(relation.source));
        let targetKey = keyOfName.get(normalizeEntityName(relation.target));
        const name = normalizeRelationName(relation.relation);
        if (!sourceKey || !targetKey || sourceKey === targetKey || !name) continue;
        // Co-occurrence has no direction: one edge per unordered pair.
        if (name === 'co_occurs_with' && sourceKey > targetKey) [sourceKey, targetKey] = [targetKey, sourceKey];
        const key = `${sourceKey}\u0001${targetKey}\u0001${name}`;
        const existing = relations.get(key);
        const weight = relation.weight > 0 ? relation.weight : 1;
        if (existing) {
          existing.weight += weight;
          if (!existing.chunkIds.includes(chunk.chunkId)) existing.chunkIds.push(chunk.chunkId);
        } else {
          relations.set(key, { sourceKey, targetKey, relation: name, weight, chunkIds: [chunk.chunkId] });
        }
      }
    }
    return { entities, relations: [...relations.values()], failedChunkIds };
  }

  /** name → the longer name it stands for, when exactly one candidate of a compatible type exists. */
  private aliases(typeOf: Map<string, EntityType>): Map<string, string> {
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
}

function isUsefulName(normalized: string): boolean {
  return normalized.replace(/[^\p{L}]/gu, '').length >= 2;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function pickType(types: Map<EntityType, number>): EntityType {
  const named = [...types.entries()].filter(([type]) => type !== 'concept');
  const pool = named.length > 0 ? named : [...types.entries()];
  return pool.reduce((best, current) => (current[1] > best[1] ? current : best))[0];
}

function mostFrequent(counts: Map<string, number>): string {
  return [...counts.entries()].reduce((best, current) => (current[1] > best[1] ? current : best))[0];
}
