import { cjkBigrams, hasCjk, normalizeText, searchTerms, unifyChineseScript, wordTokens } from './search-terms.js';

describe('search terms', () => {
  it('cuts Latin text on letters and digits, without case or accents', () => {
    expect(wordTokens('Größe: 42 km/h — naïve Ölçü')).toEqual(['große', '42', 'km', 'h', 'naive', 'olcu']);
  });

  it('turns full-width Latin letters and digits into ASCII', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
  });

  it('maps Traditional Chinese characters and Taiwan phrases to Simplified', () => {
    expect(unifyChineseScript('臺灣的軟體與資料庫')).toBe('台湾的软件与数据库');
    expect(unifyChineseScript('Hello 世界')).toBe('Hello 世界');
  });

  it('cuts Chinese into dictionary words', () => {
    expect(wordTokens('我们在上海市设立研发中心')).toEqual(expect.arrayContaining(['上海市', '设立', '研发', '中心']));
  });

  it('gives every character bigram of a CJK run, and a lone character for itself', () => {
    expect(cjkBigrams('研发中心 A 字')).toEqual(['研发', '发中', '中心', '字']);
  });

  it('gives the same terms to a Traditional and a Simplified spelling', () => {
    expect(searchTerms('資料庫備份')).toEqual(searchTerms('数据库备份'));
  });

  it('keeps the Latin words of a mixed text and cuts its Japanese (its kanji mapped like Chinese, query and passage alike)', () => {
    const terms = searchTerms('Redis の設定ファイル');
    expect(terms).toEqual(expect.arrayContaining(['redis', 'ファイル']));
    expect(terms).toEqual(expect.arrayContaining(searchTerms('設定')));
    expect(hasCjk('Redis の')).toBe(true);
    expect(hasCjk('Redis only')).toBe(false);
  });
});
