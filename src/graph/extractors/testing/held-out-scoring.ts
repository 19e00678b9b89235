import { GraphMerger } from '../../graph-merger.js';
import { RulesGraphExtractor } from '../rules-graph.extractor.js';
import type { HeldOutText } from './held-out-corpus.js';
import { addScores, formatScore, GOLD_TYPES, type Prediction, type Score, scoreText, zeroScore } from './ner-score.js';

/** The entities one text yields as a file graph would store them (extracted, then merged within the file). */
export async function predictions(text: string): Promise<Prediction[]> {
  const result = await new RulesGraphExtractor().extract([{ id: 'chunk-0', text }]);
  const graph = new GraphMerger().merge(result.chunks, result.failedChunkIds);
  return [...graph.entities.values()].map((e) => ({ name: e.name, type: e.type }));
}

/** Scores a set of texts, logs the names found and P/R per type of each text and of the set. */
export async function scoreSet(title: string, samples: HeldOutText[]): Promise<Score> {
  let total: Score = zeroScore();
  const report: string[] = [];
  for (const sample of samples) {
    const predicted = await predictions(sample.text);
    const score = scoreText(predicted, sample.gold, sample.ignore);
    total = addScores(total, score);
    const named = predicted.filter((p) => (GOLD_TYPES as string[]).includes(p.type));
    report.push(formatScore(`${sample.style}: ${named.map((p) => `${p.name}/${p.type}`).join(', ')}`, score));
  }
  report.push(formatScore(`ALL of ${title}`, total));
  console.log(report.join('\n'));
  return total;
}
