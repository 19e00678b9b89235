import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { searchTerms } from '../common/text/search-terms.js';
import { tsvectorLiteral } from './tsvector-literal.js';

describe('tsvectorLiteral', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  /** Whether PostgreSQL reads the literal as the very tsvector to_tsvector('simple', …) makes of the same terms. */
  const sameAsPostgres = async (terms: string[]): Promise<boolean> => {
    const literal = tsvectorLiteral(terms);
    const result = await database.db.execute<{ same: boolean }>(
      sql`select to_tsvector('simple', ${terms.join(' ')}) = ${literal}::tsvector as same`,
    );
    return result.rows[0]?.same === true;
  };

  it("equals to_tsvector's tsvector on prose, numbers, mixed words and repeated terms", async () => {
    const texts = [
      'The quarterly revenue of Acme Corporation rose 12% in Q3 2026; see report ab12-7 and 0x1f.',
      'Café naïve résumé: accents are folded, ＡＢＣ full-width letters too. 1e5 007 123abc',
      Array.from({ length: 250 }, (_, i) => `word${i % 7} the`).join(' '),
      '',
    ];
    for (const text of texts) {
      const terms = searchTerms(text);
      expect(tsvectorLiteral(terms)).toBeDefined();
      await expect(sameAsPostgres(terms)).resolves.toBe(true);
    }
    await expect(sameAsPostgres(Array<string>(255).fill('x'))).resolves.toBe(true);
  });

  it('leaves to to_tsvector what its literal could not match: non-ASCII terms, a 256th position of a term', () => {
    expect(tsvectorLiteral(searchTerms('我们的公司在柏林'))).toBeUndefined();
    expect(tsvectorLiteral(['straße'])).toBeUndefined();
    expect(tsvectorLiteral(Array<string>(256).fill('x'))).toBeUndefined();
    expect(tsvectorLiteral(Array<string>(16_384).fill('y').map((t, i) => `${t}${i}`))).toBeUndefined();
  });
});
