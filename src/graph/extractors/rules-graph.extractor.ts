import { Injectable } from '@nestjs/common';
import nlp from 'compromise';
import { ChunkExtraction, ChunkText, EntityType } from '../graph.types.js';
import { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';

type Doc = ReturnType<typeof nlp>;
/** One match of a view (what `forEach` hands over). */
type Phrase = Parameters<Parameters<Doc['forEach']>[0]>[0];
interface Selection {
  json(options: object): unknown;
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
interface JsonMatch {
  text: string;
  offset: { start: number; length: number };
}
interface JsonVerb extends JsonMatch {
  verb?: { infinitive?: string; negative?: boolean; grammar?: { passive?: boolean; copula?: boolean } };
}

/** Relation name for two entities in one sentence. */
export const CO_OCCURRENCE = 'co_occurs_with';

const NAMED: { select: (doc: Doc) => Selection; type: EntityType }[] = [
  { select: (doc) => doc.people(), type: 'person' },
  { select: (doc) => doc.organizations(), type: 'organization' },
  { select: (doc) => doc.places(), type: 'place' },
];
// Terms that never start, end or make up a concept.
const NOT_CONCEPT =
  '(#Person|#Place|#Organization|#Determiner|#Pronoun|#Possessive|#Value|#Preposition|#Conjunction|#Adverb|#Date)';
const MAX_CONCEPT_WORDS = 4;
const RELATIVE_PRONOUN = /^[\s,]*(who|which|that|whose)\b/i;
const CLAUSE_BOUNDARY = /[,;:]|\b(where|when|while|because|although|after|before|since|and|but|so)\b/gi;

/**
 * The default extractor, no model needed: compromise's people, places and organizations, noun-phrase concepts,
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
      // Yield between chunks so a long file does not starve the event loop (heartbeats, aborts).
      if (index % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
    return { chunks: results, failedChunkIds: [] };
  }

  extractChunk(chunk: ChunkText): ChunkExtraction {
    const doc = nlp(chunk.text);
    doc.compute('root');
    const sentences = this.sentences(doc);
    const named = this.namedEntities(doc);
    const concepts = this.concepts(doc, named, sentences);
    const verbs = this.verbs(doc);
    const extraction: ChunkExtraction = { chunkId: chunk.id, entities: [], relations: [] };
    const found = [...named, ...concepts].sort((a, b) => a.start - b.start);
    for (const entity of found) extraction.entities.push({ name: entity.name, type: entity.type });

    const relations = new Map<string, { source: string; target: string; relation: string; weight: number }>();
    const add = (source: string, target: string, relation: string) => {
      if (source.toLowerCase() === target.toLowerCase()) return;
      const key = `${source}\u0000${target}\u0000${relation}`;
      const existing = relations.get(key);
      if (existing) existing.weight += 1;
      else relations.set(key, { source, target, relation, weight: 1 });
    };
    for (const sentence of sentences) {
      const inSentence = found.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
      for (let i = 0; i < inSentence.length; i++) {
        for (let j = i + 1; j < inSentence.length; j++) {
          const [a, b] = [inSentence[i].name, inSentence[j].name].sort();
          add(a, b, CO_OCCURRENCE);
        }
      }
      const sentenceVerbs = verbs.filter((v) => v.start >= sentence.start && v.end <= sentence.end);
      for (const [index, verb] of sentenceVerbs.entries()) {
        const nextVerbStart = sentenceVerbs[index + 1]?.start ?? sentence.end;
        const subject = this.subjectOf(verb, sentenceVerbs[index - 1], inSentence, chunk.text);
        const object = inSentence.find((e) => e.start >= verb.end && e.start < nextVerbStart);
        if (!subject || !object) continue;
        // "Google was founded by Larry Page": the agent is the subject of "found".
        if (verb.passive) add(object.name, subject.name, verb.lemma);
        else add(subject.name, object.name, verb.lemma);
      }
    }
    extraction.relations = [...relations.values()];
    return extraction;
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
    const firstVerbStart = Math.min(previousVerb.start, verb.start);
    return names.filter((e) => e.end <= firstVerbStart).pop() ?? nearest;
  }

  private namedEntities(doc: Doc): Found[] {
    const found: Found[] = [];
    for (const { select, type } of NAMED) {
      for (const match of select(doc).json({ offset: true }) as JsonMatch[]) {
        const span = toSpan(match);
        // One span gets one type: the first selector (person, then organization, then place) wins.
        if (found.some((f) => overlaps(f, span))) continue;
        found.push({ ...span, name: match.text, type });
      }
    }
    return found;
  }

  private concepts(doc: Doc, named: Found[], sentences: Span[]): Found[] {
    const found: Found[] = [];
    const phrases = doc.nouns().not(NOT_CONCEPT);
    phrases.forEach((phrase) => {
      if (!phrase.has('#Noun') || phrase.has('#Pronoun')) return;
      const match = (phrase.json({ offset: true }) as JsonMatch[])[0];
      if (!match) return;
      const span = toSpan(match);
      if (named.some((n) => overlaps(n, span))) return;
      const words = phrase.terms().length;
      if (words > MAX_CONCEPT_WORDS) return;
      // The root form merges plurals and inflections ("quantum computers" → "quantum computer").
      const name = phrase.text('root').trim();
      if (name.replace(/[^\p{L}]/gu, '').length < 3) return;
      const sentenceStart = sentences.some((s) => s.start === span.start);
      const proper = this.properNounType(phrase, words, sentenceStart);
      found.push({ ...span, name: proper ? match.text : name, type: proper ?? 'concept' });
    });
    return found;
  }

  /**
   * A capitalized name compromise does not know ("Satya Nadella", "SpaceX") is still a name: an acronym or a single
   * word is most often an organization, two or three words a person. The merger folds a lone surname into its person.
   */
  private properNounType(phrase: Phrase, words: number, sentenceStart: boolean): EntityType | undefined {
    const terms = (phrase.json({ terms: { tags: true } }) as { terms: { text: string; tags: string[] }[] }[])[0]?.terms;
    // A capital at the start of a sentence says nothing; "Elon Musk" at the start still counts (every word capital).
    const capitalized = (term: { text: string }) => /^\p{Lu}/u.test(term.text);
    const allProper = terms?.every(
      (term) =>
        term.tags.includes('Acronym') ||
        term.tags.includes('ProperNoun') ||
        (capitalized(term) && (!sentenceStart || words > 1)),
    );
    if (!allProper || (sentenceStart && words === 1 && !phrase.has('#Acronym'))) return undefined;
    if (phrase.has('#Acronym') || words === 1) return 'organization';
    return words <= 3 ? 'person' : undefined;
  }

  private verbs(doc: Doc): VerbFound[] {
    const found: VerbFound[] = [];
    for (const match of doc.verbs().json({ offset: true }) as JsonVerb[]) {
      const verb = match.verb;
      if (!verb?.infinitive || verb.negative || verb.grammar?.copula) continue;
      found.push({ ...toSpan(match), lemma: verb.infinitive.toLowerCase(), passive: verb.grammar?.passive === true });
    }
    return found;
  }

  private sentences(doc: Doc): Span[] {
    return (doc.sentences().json({ offset: true }) as JsonMatch[]).map(toSpan);
  }
}

function toSpan(match: JsonMatch): Span {
  return { start: match.offset.start, end: match.offset.start + match.offset.length };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
