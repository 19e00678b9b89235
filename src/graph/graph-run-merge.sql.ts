import { type SQL, sql } from 'drizzle-orm';
import { ORG_SUFFIXES } from './file-graph.accumulator.js';

/*
 * The statements that merge a staged extraction run into a file's graph, in SQL: the same rules as
 * FileGraphAccumulator.finish (the reference, compared with this in graph-run-merge.spec.ts), with ties broken by
 * the stream position of the first occurrence, as the accumulator's insertion-ordered maps break them.
 */

/**
 * One row per name of the run: its type (a named type beats concept and other; then the most frequent; then, between
 * concept and other only, other; then the first seen), its most frequent surface (then the first seen), its first
 * description. Every name counts for itself until aliases are resolved.
 */
export function resolveNames(runId: string): SQL {
  return sql`
    insert into graph_stage_names (run_id, name, type, surface, first_seq, description, canonical, key_type)
    select ${runId}::uuid, n.name, t.type, s.surface, n.first_seq, n.description, n.name, t.type
    from (
      select normalized_name as name, min(first_seq) as first_seq,
        (array_agg(description order by description_seq) filter (where description is not null))[1] as description
      from graph_stage_entities where run_id = ${runId} group by normalized_name
    ) n
    join (
      select distinct on (normalized_name) normalized_name as name, type
      from (
        select normalized_name, type, sum(count) as total, min(first_seq) as first
        from graph_stage_entities where run_id = ${runId} group by normalized_name, type
      ) by_type
      order by normalized_name, (type not in ('concept', 'other')) desc, total desc, (type = 'other') desc, first
    ) t on t.name = n.name
    join (
      select distinct on (normalized_name) normalized_name as name, surface
      from (
        select normalized_name, surface, sum(count) as total, min(first_seq) as first
        from graph_stage_entities where run_id = ${runId} group by normalized_name, surface
      ) by_surface
      order by normalized_name, total desc, first
    ) s on s.name = n.name`;
}

/**
 * A name stands for the one longer name it abbreviates, when exactly one candidate exists: a lone word (not a place)
 * for the person whose first or last word it is, an organization or concept for the organization it is without its
 * company suffix. The name then counts for that name's entity (its canonical name and type).
 */
export function resolveAliases(runId: string): SQL {
  const orgSuffix = ` +(${ORG_SUFFIXES.join('|')})$`;
  return sql`
    update graph_stage_names n set canonical = a.canonical, key_type = c.type
    from (
      select name, min(other) as canonical
      from (
        select n.name, o.name as other
        from graph_stage_names n join graph_stage_names o
          on o.run_id = n.run_id and o.type = 'person' and position(' ' in o.name) > 0 and split_part(o.name, ' ', 1) = n.name
        where n.run_id = ${runId} and position(' ' in n.name) = 0 and n.type <> 'place'
        union
        select n.name, o.name
        from graph_stage_names n join graph_stage_names o
          on o.run_id = n.run_id and o.type = 'person' and position(' ' in o.name) > 0
            and reverse(split_part(reverse(o.name), ' ', 1)) = n.name
        where n.run_id = ${runId} and position(' ' in n.name) = 0 and n.type <> 'place'
        union
        select n.name, o.name
        from graph_stage_names n join graph_stage_names o
          on o.run_id = n.run_id and o.type = 'organization' and o.name <> n.name
            and regexp_replace(o.name, ${orgSuffix}, '') = n.name
        where n.run_id = ${runId} and n.type in ('organization', 'concept')
      ) candidates
      group by name
      having count(*) = 1
    ) a
    join graph_stage_names c on c.run_id = ${runId} and c.name = a.canonical
    where n.run_id = ${runId} and n.name = a.name`;
}

/**
 * Merges the run's entities into the owner's (by normalized name and type): shown name and description of the
 * canonical name (else the first description of a name counting for it), mentions summed. Answers `{ n }`, the
 * file's entity count.
 */
export function upsertEntities(runId: string, ownerId: string): SQL {
  return sql`
    with groups as (
      select canonical, key_type,
        (array_agg(description order by first_seq) filter (where description is not null))[1] as any_description
      from graph_stage_names where run_id = ${runId} group by canonical, key_type
    ),
    counts as (
      select n.canonical, n.key_type, sum(s.count)::int as mentions
      from graph_stage_entities s join graph_stage_names n on n.run_id = s.run_id and n.name = s.normalized_name
      where s.run_id = ${runId} group by n.canonical, n.key_type
    ),
    saved as (
      insert into graph_entities (owner_id, name, normalized_name, type, description, mention_count)
      select ${ownerId}::uuid, c.surface, g.canonical, g.key_type, coalesce(c.description, g.any_description), k.mentions
      from groups g
      join graph_stage_names c on c.run_id = ${runId} and c.name = g.canonical
      join counts k on k.canonical = g.canonical and k.key_type = g.key_type
      on conflict (owner_id, normalized_name, type) do update set
        mention_count = graph_entities.mention_count + excluded.mention_count,
        description = coalesce(graph_entities.description, excluded.description),
        updated_at = now()
      returning 1
    )
    select count(*)::int as n from saved`;
}

/** The file's mentions: per entity and chunk, the occurrences of every name counting for the entity. */
export function insertMentions(runId: string, ownerId: string, fileId: string): SQL {
  return sql`
    insert into graph_mentions (entity_id, file_id, chunk_id, count)
    select e.id, ${fileId}::uuid, s.chunk_id, sum(s.count)::int
    from graph_stage_entities s
    join graph_stage_names n on n.run_id = s.run_id and n.name = s.normalized_name
    join graph_entities e on e.owner_id = ${ownerId} and e.normalized_name = n.canonical and e.type = n.key_type
    where s.run_id = ${runId}
    group by e.id, s.chunk_id`;
}

/**
 * The file's relations between entities (an endpoint that is no entity, or an entity related to itself, is
 * dropped), weights summed, chunk ids sorted. A co-occurrence has no direction: one edge per unordered pair, from the
 * lower entity key (type, then name; the accumulator compares "type\0name" strings) to the higher. Answers `{ n }`.
 */
export function insertRelations(runId: string, ownerId: string, fileId: string): SQL {
  return sql`
    with mapped as (
      select sn.canonical as sc, sn.key_type as st, tn.canonical as tc, tn.key_type as tt, r.relation, r.chunk_id, r.weight,
        r.relation = 'co_occurs_with' and (
          sn.key_type collate "C" > tn.key_type collate "C"
          or (sn.key_type = tn.key_type and sn.canonical collate "C" > tn.canonical collate "C")
        ) as swap
      from graph_stage_relations r
      join graph_stage_names sn on sn.run_id = r.run_id and sn.name = r.source
      join graph_stage_names tn on tn.run_id = r.run_id and tn.name = r.target
      where r.run_id = ${runId} and (sn.canonical, sn.key_type) is distinct from (tn.canonical, tn.key_type)
    ),
    oriented as (
      select
        case when swap then tc else sc end as sc, case when swap then tt else st end as st,
        case when swap then sc else tc end as tc, case when swap then st else tt end as tt,
        relation, chunk_id, weight
      from mapped
    ),
    saved as (
      insert into graph_relations (owner_id, source_id, target_id, type, weight, file_id, chunk_ids)
      select ${ownerId}::uuid, se.id, te.id, o.relation, sum(o.weight)::real, ${fileId}::uuid, array_agg(distinct o.chunk_id order by o.chunk_id)
      from oriented o
      join graph_entities se on se.owner_id = ${ownerId} and se.normalized_name = o.sc and se.type = o.st
      join graph_entities te on te.owner_id = ${ownerId} and te.normalized_name = o.tc and te.type = o.tt
      group by se.id, te.id, o.relation
      returning 1
    )
    select count(*)::int as n from saved`;
}
