import { Injectable } from '@nestjs/common';
import nlp from 'compromise';
import { ChunkExtraction, ChunkText, EntityType } from '../graph.types.js';
import { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';

/** A term as compromise's `json` gives it (only the fields we read). */
interface Term {
  text: string;
  normal: string;
  post: string;
  root?: string;
  chunk?: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface Sentence {
  offset: { start: number; length: number };
  terms: Term[];
}
interface Span {
  start: number;
  end: number;
}
interface Found extends Span {
  name: string;
  type: EntityType;
}
interface VerbFound extends Span {
  lemma: string;
  passive: boolean;
}

/** Relation name for two entities in one sentence. */
export const CO_OCCURRENCE = 'co_occurs_with';

// A term's named type, in order of precedence.
const NAMED_TAGS: [tag: string, type: EntityType][] = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
];
// Terms that never are part of a concept.
const NOT_CONCEPT = new Set(['Determiner', 'Pronoun', 'Possessive', 'Value', 'Preposition', 'Conjunction', 'Adverb', 'Date', 'QuestionWord']);
const MAX_CONCEPT_WORDS = 4;
const RELATIVE_PRONOUN = /^[\s,]*(who|which|that|whose)\b/i;
const CLAUSE_BOUNDARY = /[,;:]|\b(where|when|while|because|although|after|before|since|and|but|so)\b/gi;

/**
 * The default extractor, no model needed. compromise tags every term once (people, places, organizations, nouns,
 * verbs with their lemma); from those tags, in one pass per sentence: named entities, noun-phrase concepts,
 * co-occurrence in a sentence, and subject-verb-object patterns named by the verb's lemma.
 */
@Injectable()
export class RulesGraphExtractor implements GraphExtractor {
  readonly name = 'rules';

  async extract(chunks: ChunkText[], options: ExtractOptions = {}): Promise<ExtractorResult> {
    const results: ChunkExtraction[] = [];
    for (const [index, chunk] of chunks.entries()) {
      options.signal?.throwIfAborted();
      results.push(this.extractChunk(chunk));
      await options.onChunkDone?.(index + 1, chunks.length);
      // Yield after each chunk (~25 ms of CPU) so HTTP, heartbeats and aborts are not starved by a long file.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { chunks: results, failedChunkIds: [] };
  }

  extractChunk(chunk: ChunkText): ChunkExtraction {
    const doc = nlp(chunk.text);
    // After compute('root') every term carries its root form ("computers" → "computer", "founded" → "found").
    doc.compute('root');
    const sentences = doc.json({ offset: true, terms: { tags: true, offset: true } }) as Sentence[];
    const extraction: ChunkExtraction = { chunkId: chunk.id, entities: [], relations: [] };
    const relations = new Map<string, { source: string; target: string; relation: string; weight: number }>();
    const relate = (source: string, target: string, relation: string) => {
      if (source.toLowerCase() === target.toLowerCase()) return;
      const key = `${source}\u0000${target}\u0000${relation}`;
      const existing = relations.get(key);
      if (existing) existing.weight += 1;
      else relations.set(key, { source, target, relation, weight: 1 });
    };

    for (const sentence of sentences) {
      const terms = sentence.terms;
      const tags = terms.map((t) => new Set(t.tags));
      const entities = [...this.namedEntities(chunk.text, terms, tags), ...this.concepts(chunk.text, terms, tags)];
      entities.sort((a, b) => a.start - b.start);
      for (const entity of entities) extraction.entities.push({ name: entity.name, type: entity.type });

      for (let i = 0; i < entities.length; i++) {
        for (let j = i + 1; j < entities.length; j++) {
          const [a, b] = [entities[i].name, entities[j].name].sort();
          relate(a, b, CO_OCCURRENCE);
        }
      }
      const verbs = this.verbs(terms, tags);
      for (const [index, verb] of verbs.entries()) {
        const nextVerbStart = verbs[index + 1]?.start ?? Number.POSITIVE_INFINITY;
        const subject = this.subjectOf(verb, verbs[index - 1], entities, chunk.text);
        const object = entities.find((e) => e.start >= verb.end && e.start < nextVerbStart);
        if (!subject || !object) continue;
        // "Google was founded by Larry Page": the agent is the subject of "found".
        if (verb.passive) relate(object.name, subject.name, verb.lemma);
        else relate(subject.name, object.name, verb.lemma);
      }
    }
    extraction.relations = [...relations.values()];
    return extraction;
  }

  /** Runs of terms compromise tagged as one person, organization or place, not crossing punctuation. */
  private namedEntities(text: string, terms: Term[], tags: Set<string>[]): Found[] {
    const found: Found[] = [];
    let i = 0;
    while (i < terms.length) {
      const type = namedType(tags[i]);
      if (!type) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < terms.length && namedType(tags[j + 1]) === type && !breaksAfter(terms[j])) j++;
      const span = spanOf(terms[i], terms[j]);
      found.push({ ...span, name: text.slice(span.start, span.end), type });
      i = j + 1;
    }
    return found;
  }

  /** Noun phrases of the chunker without determiners, pronouns, numbers or names, in their root form. */
  private concepts(text: string, terms: Term[], tags: Set<string>[]): Found[] {
    const found: Found[] = [];
    const usable = (k: number) =>
      terms[k].chunk === 'Noun' && !namedType(tags[k]) && ![...tags[k]].some((tag) => NOT_CONCEPT.has(tag));
    let i = 0;
    while (i < terms.length) {
      if (!usable(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < terms.length && usable(j + 1) && !breaksAfter(terms[j])) j++;
      // A noun phrase ends in a noun ("the new policy", not "the policy new").
      let end = j;
      while (end >= i && !tags[end].has('Noun')) end--;
      const words = end - i + 1;
      if (words >= 1 && words <= MAX_CONCEPT_WORDS) {
        const span = spanOf(terms[i], terms[end]);
        const proper = properNounType(terms.slice(i, end + 1), tags.slice(i, end + 1), i === 0);
        const root = terms
          .slice(i, end + 1)
          .map((t) => t.root || t.normal)
          .join(' ');
        const name = proper ? text.slice(span.start, span.end) : root;
        if (name.replace(/[^\p{L}]/gu, '').length >= 3) found.push({ ...span, name, type: proper ?? 'concept' });
      }
      i = j + 1;
    }
    return found;
  }

  /** Verb groups of the chunker: the main verb's lemma (with its particle: "grow up"), passive, negation. */
  private verbs(terms: Term[], tags: Set<string>[]): VerbFound[] {
    const found: VerbFound[] = [];
    let i = 0;
    while (i < terms.length) {
      if (terms[i].chunk !== 'Verb') {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < terms.length && terms[j + 1].chunk === 'Verb' && !breaksAfter(terms[j])) j++;
      const group = tags.slice(i, j + 1);
      let main = -1;
      for (let k = j; k >= i; k--) {
        if (tags[k].has('Verb') && !tags[k].has('Auxiliary') && !tags[k].has('Particle')) {
          main = k;
          break;
        }
      }
      const negative = group.some((t) => t.has('Negative'));
      if (main >= 0 && !negative && !tags[main].has('Copula')) {
        const particles = terms.slice(main + 1, j + 1).filter((_, k) => tags[main + 1 + k].has('Particle'));
        const lemma = [terms[main].root || terms[main].normal, ...particles.map((p) => p.normal)].join(' ').toLowerCase();
        found.push({ ...spanOf(terms[i], terms[j]), lemma, passive: group.some((t) => t.has('Passive')) });
      }
      i = j + 1;
    }
    return found;
  }

  /**
   * The subject of a verb: the first verb's nearest name before it; in a relative clause ("X, who grew up in Y") the
   * name before "who"; in a new clause with a name of its own ("..., where D founded E") that name; otherwise the
   * main clause's subject, so "A founded B and later bought C" and "A visited B before he joined C" both give A.
   */
  private subjectOf(verb: VerbFound, previousVerb: VerbFound | undefined, names: Found[], text: string): Found | undefined {
    const before = names.filter((e) => e.end <= verb.start);
    const nearest = before[before.length - 1];
    if (!nearest || !previousVerb) return nearest;
    if (RELATIVE_PRONOUN.test(text.slice(nearest.end, verb.start))) return nearest;
    const between = text.slice(previousVerb.end, verb.start);
    let boundary = -1;
    for (const match of between.matchAll(CLAUSE_BOUNDARY)) boundary = previousVerb.end + (match.index ?? 0);
    if (boundary >= 0 && nearest.start >= boundary) return nearest;
    return names.filter((e) => e.end <= previousVerb.start).pop() ?? nearest;
  }
}

function namedType(tags: Set<string>): EntityType | undefined {
  return NAMED_TAGS.find(([tag]) => tags.has(tag))?.[1];
}

/** Punctuation after a term ends a name or phrase ("Paris, Berlin" are two places). */
function breaksAfter(term: Term): boolean {
  return /[^\s'’-]/.test(term.post);
}

function spanOf(first: Term, last: Term): Span {
  return { start: first.offset.start, end: last.offset.start + last.offset.length };
}

/**
 * A capitalized name compromise does not know ("Satya Nadella", "SpaceX") is still a name: an acronym or a single
 * word is most often an organization, two or three words a person. The merger folds a lone surname into its person.
 * A capital at the start of a sentence says nothing on its own; "Elon Musk" there still counts (every word capital).
 */
function properNounType(terms: Term[], tags: Set<string>[], sentenceStart: boolean): EntityType | undefined {
  const words = terms.length;
  const acronym = tags.some((t) => t.has('Acronym'));
  const allProper = terms.every(
    (term, k) =>
      tags[k].has('Acronym') ||
      tags[k].has('ProperNoun') ||
      (/^\p{Lu}/u.test(term.text) && (!sentenceStart || words > 1)),
  );
  if (!allProper || (sentenceStart && words === 1 && !acronym)) return undefined;
  if (acronym || words === 1) return 'organization';
  return words <= 3 ? 'person' : undefined;
}
