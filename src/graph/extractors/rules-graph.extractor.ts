import { Injectable } from '@nestjs/common';
import nlp from 'compromise';
import { ChunkExtraction, ChunkText, EntityType } from '../graph.types.js';
import { breaksAfter, Span, spanOf, Term } from './compromise-term.js';
import './compromise-sweep.js';
import { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';
import { ChineseNameFinder } from './chinese-name-finder.js';
import type { CjkName } from './cjk-names.js';
import { JapaneseNameFinder } from './japanese-name-finder.js';
import { FoundName, NameFinder } from './name-finder.js';
import { rulesLanguage } from './text-language.js';

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

// Terms compromise knows as (part of) a name never are part of a concept.
const NAMED_TAGS: [tag: string, type: EntityType][] = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
];
// Terms that never are part of a concept.
const NOT_CONCEPT = new Set(['Determiner', 'Pronoun', 'Possessive', 'Value', 'Preposition', 'Conjunction', 'Adverb', 'Date', 'QuestionWord']);
// A lone noun ("term", "copy", "part") is too generic to be a concept: it would outrank a text's named entities.
const MIN_CONCEPT_WORDS = 2;
const MAX_CONCEPT_WORDS = 4;
const RELATIVE_PRONOUN = /^[\s,]*(who|which|that|whose)\b/i;
const CLAUSE_BOUNDARY = /[,;:]|\b(where|when|while|because|although|after|before|since|and|but|so)\b/gi;

/**
 * The default extractor, no model needed. compromise tags every term once (people, places, organizations, nouns,
 * verbs with their lemma); from those tags, in one pass per sentence: capitalized names typed by evidence only
 * (see NameFinder), noun-phrase concepts, co-occurrence in a sentence, and subject-verb-object patterns named by
 * the verb's lemma. A name with no evidence of its own takes the type of the same word in a typed name of the
 * chunk ("Natarajan" after "Priya Natarajan"), else stays `other`. Chinese and Japanese chunks are read with their own
 * cues (ChineseNameFinder, JapaneseNameFinder); chunks in a language none reads (Korean, Cyrillic ...) yield nothing
 * and say so.
 */
@Injectable()
export class RulesGraphExtractor implements GraphExtractor {
  readonly name = 'rules';
  private readonly chinese = new ChineseNameFinder();
  private readonly japanese = new JapaneseNameFinder();

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
    const language = rulesLanguage(chunk.text);
    if (language === 'chinese') return this.extractCjkChunk(chunk, this.chinese);
    if (language === 'japanese') return this.extractCjkChunk(chunk, this.japanese);
    if (language !== 'latin') return { chunkId: chunk.id, entities: [], relations: [], unsupportedLanguage: language.unsupported };
    const sentences = this.tagSentences(chunk.text);
    const extraction: ChunkExtraction = { chunkId: chunk.id, entities: [], relations: [] };
    const relations = new Map<string, { source: string; target: string; relation: string; weight: number }>();
    const relate = (source: string, target: string, relation: string) => {
      if (source.toLowerCase() === target.toLowerCase()) return;
      const key = `${source}\u0000${target}\u0000${relation}`;
      const existing = relations.get(key);
      if (existing) existing.weight += 1;
      else relations.set(key, { source, target, relation, weight: 1 });
    };

    const names: FoundName[] = [];
    for (const terms of sentences) {
      const tags = terms.map((t) => t.tags);
      const sentenceNames = new NameFinder(chunk.text, terms, tags).find();
      names.push(...sentenceNames);
      const entities: Found[] = [...sentenceNames, ...this.concepts(chunk.text, terms, tags, sentenceNames)];
      entities.sort((a, b) => a.start - b.start);
      for (const entity of entities) extraction.entities.push(entity);

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
    typeByKnownNames(names);
    extraction.entities = extraction.entities.map((e) => ({ name: e.name, type: e.type }));
    extraction.relations = [...relations.values()];
    return extraction;
  }

  /**
   * compromise's sentences of the text, each a list of tagged terms. After compute('root') every term carries its
   * root form ("computers" → "computer", "founded" → "found"), after compute('offset') its place in the text. The
   * terms are read in place (doc.json() would copy every one).
   */
  protected tagSentences(text: string): Term[][] {
    const doc = nlp(text);
    doc.compute(['root', 'offset']);
    return (doc as unknown as { document: Term[][] }).document;
  }

  /** Chinese or Japanese text: names by that language's cues, related by co-occurrence in a sentence. */
  private extractCjkChunk(chunk: ChunkText, finder: { find(text: string): CjkName[][] }): ChunkExtraction {
    const extraction: ChunkExtraction = { chunkId: chunk.id, entities: [], relations: [] };
    const relations = new Map<string, ChunkExtraction['relations'][number]>();
    for (const names of finder.find(chunk.text)) {
      for (const { name, type } of names) extraction.entities.push({ name, type });
      const distinct = [...new Set(names.map((n) => n.name))].sort();
      for (let i = 0; i < distinct.length; i++) {
        for (let j = i + 1; j < distinct.length; j++) {
          const key = `${distinct[i]}\u0000${distinct[j]}`;
          const existing = relations.get(key);
          if (existing) existing.weight += 1;
          else relations.set(key, { source: distinct[i], target: distinct[j], relation: CO_OCCURRENCE, weight: 1 });
        }
      }
    }
    extraction.relations = [...relations.values()];
    return extraction;
  }

  /** Noun phrases of two to four words of the chunker without determiners, pronouns, numbers or names, in root form. */
  private concepts(text: string, terms: Term[], tags: ReadonlySet<string>[], names: FoundName[]): Found[] {
    const found: Found[] = [];
    // A word of a name's run (a title left out of a person's name included) is part of that name, not a concept.
    const inName = (k: number) => names.some((n) => terms[k].offset.start >= n.runStart && terms[k].offset.start < n.end);
    const usable = (k: number) =>
      terms[k].chunk === 'Noun' &&
      !namedType(tags[k]) &&
      ![...tags[k]].some((tag) => NOT_CONCEPT.has(tag)) &&
      !inName(k);
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
      if (words >= MIN_CONCEPT_WORDS && words <= MAX_CONCEPT_WORDS) {
        const span = spanOf(terms[i], terms[end]);
        const name = terms
          .slice(i, end + 1)
          .map((t) => t.root || t.normal)
          .join(' ');
        if (name.replace(/[^\p{L}]/gu, '').length >= 3) found.push({ ...span, name, type: 'concept' });
      }
      i = j + 1;
    }
    return found;
  }

  /** Verb groups of the chunker: the main verb's lemma (with its particle: "grow up"), passive, negation. */
  private verbs(terms: Term[], tags: ReadonlySet<string>[]): VerbFound[] {
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

function namedType(tags: ReadonlySet<string>): EntityType | undefined {
  return NAMED_TAGS.find(([tag]) => tags.has(tag))?.[1];
}

/**
 * Names nothing typed, or only a preposition ("Natarajan said", "from Babbage's drawings"), take the type a typed
 * name of the same chunk gives that word: the whole name, or a word of a person's name. A word two typed names
 * disagree on stays `other`.
 */
function typeByKnownNames(names: FoundName[]): void {
  const known = new Map<string, EntityType | null>();
  const learn = (word: string, type: EntityType) => {
    const existing = known.get(word);
    known.set(word, existing === undefined || existing === type ? type : null);
  };
  for (const name of names) {
    if (name.evidence !== 'strong') continue;
    learn(name.words.join(' '), name.type);
    // A person's first name or surname stands for them; a word of an organization's name often is a place.
    if (name.type === 'person') for (const word of name.words) learn(word, name.type);
  }
  for (const name of names) {
    if (name.evidence === 'strong') continue;
    const type = known.get(name.words.join(' '));
    if (type) name.type = type;
  }
}
