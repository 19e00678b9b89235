import { readFileSync } from 'node:fs';
import { RulesGraphExtractor } from './rules-graph.extractor.js';
import { type HeldOutText, organization, person, place } from './testing/held-out-corpus.js';
import { CHINESE_HELD_OUT_TEXTS } from './testing/held-out-corpus.zh.js';
import { scoreSet } from './testing/held-out-scoring.js';
import { precision, recall } from './testing/ner-score.js';

/** The texts the Chinese rules were written against (the e2e fixtures), scored apart from the held-out set. */
const DEVELOPMENT_TEXTS: HeldOutText[] = [
  {
    style: 'news fixture (Simplified)',
    text: readFileSync(new URL('../../../test/fixtures/cjk/news.zh-Hans.txt', import.meta.url), 'utf8'),
    gold: [
      organization('星河动力公司'),
      organization('苏州市政府'),
      organization('清华大学能源研究所', '清华大学', '能源研究所'),
      organization('中国建设银行'),
      organization('国家开发银行'),
      organization('华能储能公司'),
      organization('绿色未来基金会'),
      place('深圳市'),
      place('江苏省'),
      place('苏州市'),
      place('浙江省'),
      place('宁波市'),
      place('德国'),
      place('慕尼黑'),
      person('刘建国'),
      person('孙晓梅'),
      person('李振华'),
      person('王丽娟'),
      person('陈海涛'),
    ],
    ignore: ['苏州工业园区', '长三角', '长三角地区'],
  },
];

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
