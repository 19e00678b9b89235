import { normalizeEntityName } from '../../entity-name.js';
import { type GoldEntity, type GoldType } from './held-out-corpus.js';

export const GOLD_TYPES: GoldType[] = ['person', 'organization', 'place'];

export interface Prediction {
  name: string;
  type: string;
}

/** Counts of one entity type: true positives, false positives, gold entities missed. */
export interface TypeCounts {
  tp: number;
  fp: number;
  fn: number;
}

export type Score = Record<GoldType | 'overall', TypeCounts>;

const emptyScore = (): Score => ({
  person: { tp: 0, fp: 0, fn: 0 },
  organization: { tp: 0, fp: 0, fn: 0 },
  place: { tp: 0, fp: 0, fn: 0 },
  overall: { tp: 0, fp: 0, fn: 0 },
});

function isGoldType(type: string): type is GoldType {
  return (GOLD_TYPES as string[]).includes(type);
}

/**
 * Scores predictions of one text against its gold list, typed. A prediction is right when its name is one of a
 * gold entity's names and its type is that entity's type; a second right prediction of an already found entity
 * ("Fernandes" after "Maria Fernandes") counts neither way. A name of the ignore list counts neither way. Every
 * other person/organization/place prediction (unknown name, or a known name with the wrong type) is a false
 * positive of its predicted type; every gold entity not found is a false negative of its type.
 */
export function scoreText(predictions: Prediction[], gold: GoldEntity[], ignore: string[] = []): Score {
  const score = emptyScore();
  const ignored = new Set(ignore.map(normalizeEntityName));
  const found = new Set<GoldEntity>();
  const seen = new Set<string>();
  for (const prediction of predictions) {
    if (!isGoldType(prediction.type)) continue;
    const name = normalizeEntityName(prediction.name);
    const key = `${prediction.type}:${name}`;
    if (seen.has(key) || ignored.has(name)) continue;
    seen.add(key);
    const match = gold.find((g) => g.type === prediction.type && g.names.some((n) => normalizeEntityName(n) === name));
    if (!match) score[prediction.type].fp += 1;
    else if (!found.has(match)) {
      found.add(match);
      score[prediction.type].tp += 1;
    }
  }
  for (const entity of gold) if (!found.has(entity)) score[entity.type].fn += 1;
  for (const type of GOLD_TYPES) {
    score.overall.tp += score[type].tp;
    score.overall.fp += score[type].fp;
    score.overall.fn += score[type].fn;
  }
  return score;
}

export function addScores(a: Score, b: Score): Score {
  const sum = emptyScore();
  for (const key of [...GOLD_TYPES, 'overall'] as const) {
    sum[key] = { tp: a[key].tp + b[key].tp, fp: a[key].fp + b[key].fp, fn: a[key].fn + b[key].fn };
  }
  return sum;
}

export const zeroScore = emptyScore;

export function precision(c: TypeCounts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: TypeCounts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

/** A small table: one line per type, P and R with their counts. */
export function formatScore(title: string, score: Score): string {
  const lines = [...GOLD_TYPES, 'overall' as const].map((key) => {
    const c = score[key];
    const p = precision(c).toFixed(2);
    const r = recall(c).toFixed(2);
    return `  ${key.padEnd(12)} P=${p} (${c.tp}/${c.tp + c.fp})  R=${r} (${c.tp}/${c.tp + c.fn})`;
  });
  return [title, ...lines].join('\n');
}
