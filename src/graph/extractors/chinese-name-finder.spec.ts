import { CO_OCCURRENCE, RulesGraphExtractor } from './rules-graph.extractor.js';
import { ChineseNameFinder } from './chinese-name-finder.js';
import { rulesLanguage } from './text-language.js';

describe('ChineseNameFinder', () => {
  const finder = new ChineseNameFinder();
  const names = (text: string) => finder.find(text).flat().map((n) => `${n.name}/${n.type}`);

  it.each([
    ['遠航海運公司宣布裁員。', '遠航海運公司/organization'],
    ['他畢業於國立臺灣大學。', '國立臺灣大學/organization'],
    ['交通部昨天發布新規定。', '交通部/organization'],
    ['台北市政府與中國信託銀行簽約。', '台北市政府/organization'],
    ['民眾可向啟明教育基金會申請補助。', '啟明教育基金會/organization'],
    ['新工廠位於廣東省東莞市。', '東莞市/place'],
    ['她來自新竹縣。', '新竹縣/place'],
    ['李大同教授認為風險很高。', '李大同/person'],
    ['董事長陳美玲表示營收成長。', '陳美玲/person'],
    ['總統府發言人表示，林佳慧女士將出席。', '林佳慧/person'],
    ['這種做法稱為「滾動式更新」。', '滾動式更新/concept'],
  ])('finds the name in %j', (text, expected) => {
    expect(names(text)).toContain(expected);
  });

  it.each(['全部員工都參加了。', '這個結局讓人意外。', '城市的地區發展不均。', '公司表示會改進。', '他們都在上海。'])(
    'finds no organization, person or ordinary word in %j',
    (text) => {
      const found = finder.find(text).flat();
      expect(found.filter((n) => n.type !== 'place')).toEqual([]);
      for (const { name } of found) expect(Array.from(name).length).toBeGreaterThanOrEqual(2);
    },
  );

  it('finds a name again where the chunk repeats it without a cue', () => {
    const sentences = finder.find('星河動力公司在蘇州設廠。外界認為星河動力公司的速度很快。');
    expect(sentences[1].map((n) => n.name)).toContain('星河動力公司');
  });
});

describe('RulesGraphExtractor on Chinese, Japanese and other languages', () => {
  const extractor = new RulesGraphExtractor();

  it('relates the names of one Chinese sentence by co-occurrence', () => {
    const result = extractor.extractChunk({ id: 'c', text: '星河動力公司董事長劉建國在深圳市宣布投資。' });
    expect(result.entities).toEqual(
      expect.arrayContaining([
        { name: '星河動力公司', type: 'organization' },
        { name: '劉建國', type: 'person' },
        { name: '深圳市', type: 'place' },
      ]),
    );
    expect(result.relations).toContainEqual({ source: '劉建國', target: '星河動力公司', relation: CO_OCCURRENCE, weight: 1 });
    expect(result.unsupportedLanguage).toBeUndefined();
  });

  it('reads a Japanese chunk with Japanese cues', () => {
    const result = extractor.extractChunk({ id: 'j', text: '東京都の株式会社さくら精機は、山本健一氏を社長に任命した。' });
    expect(result.entities).toEqual([
      { name: '東京都', type: 'place' },
      { name: '株式会社さくら精機', type: 'organization' },
      { name: '山本健一', type: 'person' },
    ]);
    expect(result.relations).toHaveLength(3);
  });

  it('reads nothing of a Korean or Russian chunk and says which language it is', () => {
    expect(extractor.extractChunk({ id: 'k', text: '서울에 본사를 둔 회사가 새 공장을 열었다.' })).toEqual({
      chunkId: 'k',
      entities: [],
      relations: [],
      unsupportedLanguage: 'Korean',
    });
    expect(extractor.extractChunk({ id: 'r', text: 'Компания открыла завод в Москве.' }).unsupportedLanguage).toBe('Cyrillic-script');
  });

  it('tells the language of a chunk by its letters', () => {
    expect(rulesLanguage('Tim Cook leads Apple.')).toBe('latin');
    expect(rulesLanguage('使用 Redis Cluster 時，每個節點都需要開放連接埠。')).toBe('chinese');
    expect(rulesLanguage('数据库 backup and restore procedures for production clusters')).toBe('latin');
    expect(rulesLanguage('東京都の株式会社さくら精機は新工場を発表した。')).toBe('japanese');
    expect(rulesLanguage('Москва — столица России.')).toEqual({ unsupported: 'Cyrillic-script' });
    expect(rulesLanguage('12345 !!!')).toBe('latin');
  });
});
