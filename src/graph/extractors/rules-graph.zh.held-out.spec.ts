import { readFileSync } from 'node:fs';
import { GraphMerger } from '../graph-merger.js';
import { RulesGraphExtractor } from './rules-graph.extractor.js';
import type { HeldOutText } from './testing/held-out-corpus.js';
import { CHINESE_HELD_OUT_TEXTS } from './testing/held-out-corpus.zh.js';
import { addScores, formatScore, GOLD_TYPES, type Prediction, precision, recall, type Score, scoreText, zeroScore } from './testing/ner-score.js';

/** The texts the Chinese rules were written against (the e2e fixtures), scored apart from the held-out set. */
const DEVELOPMENT_TEXTS: HeldOutText[] = [
  {
    style: 'news fixture (Simplified)',
    text: readFileSync(new URL('../../../test/fixtures/cjk/news.zh-Hans.txt', import.meta.url), 'utf8'),
    gold: [
      { type: 'organization', names: ['星河动力公司'] },
      { type: 'organization', names: ['苏州市政府'] },
      { type: 'organization', names: ['清华大学能源研究所', '清华大学', '能源研究所'] },
      { type: 'organization', names: ['中国建设银行'] },
      { type: 'organization', names: ['国家开发银行'] },
      { type: 'organization', names: ['华能储能公司'] },
      { type: 'organization', names: ['绿色未来基金会'] },
      { type: 'place', names: ['深圳市'] },
      { type: 'place', names: ['江苏省'] },
      { type: 'place', names: ['苏州市'] },
      { type: 'place', names: ['浙江省'] },
      { type: 'place', names: ['宁波市'] },
      { type: 'place', names: ['德国'] },
      { type: 'place', names: ['慕尼黑'] },
      { type: 'person', names: ['刘建国'] },
      { type: 'person', names: ['孙晓梅'] },
      { type: 'person', names: ['李振华'] },
      { type: 'person', names: ['王丽娟'] },
      { type: 'person', names: ['陈海涛'] },
    ],
    ignore: ['苏州工业园区', '长三角', '长三角地区'],
  },
];

async function predictions(text: string): Promise<Prediction[]> {
  const result = await new RulesGraphExtractor().extract([{ id: 'chunk-0', text }]);
  const graph = new GraphMerger().merge(result.chunks, result.failedChunkIds);
  return [...graph.entities.values()].map((e) => ({ name: e.name, type: e.type }));
}

async function scoreSet(title: string, samples: HeldOutText[]): Promise<Score> {
  let total = zeroScore();
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

describe('RulesGraphExtractor on Chinese texts', () => {
  it('finds people, organizations and places of the held-out Chinese texts with precision ≥ 0.8 and recall ≥ 0.7', async () => {
    const total = await scoreSet('the Chinese held-out set (written before the rules)', CHINESE_HELD_OUT_TEXTS);
    expect(precision(total.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.overall)).toBeGreaterThanOrEqual(0.7);
  });

  it('finds the names of the texts the rules were written against (scored apart)', async () => {
    const total = await scoreSet('the Chinese development set (the rules were written against it)', DEVELOPMENT_TEXTS);
    expect(precision(total.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.overall)).toBeGreaterThanOrEqual(0.8);
  });

  it('emits no single character, punctuation or stop-word as an entity', async () => {
    const texts = [...CHINESE_HELD_OUT_TEXTS, ...DEVELOPMENT_TEXTS].map((t) => t.text);
    const result = await new RulesGraphExtractor().extract(texts.map((text, i) => ({ id: `chunk-${i}`, text })));
    const names = result.chunks.flatMap((c) => c.entities.map((e) => e.name));
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      expect(Array.from(name).length).toBeGreaterThanOrEqual(2);
      expect(name).toMatch(/^[\p{L}\p{N}]+$/u);
      expect(['公司', '政府', '我們', '他們', '的', '我们']).not.toContain(name);
    }
  });
});
