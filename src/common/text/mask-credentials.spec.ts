import { maskCredentials, maskCredentialsIn } from './mask-credentials.js';

describe('maskCredentials', () => {
  it.each([
    ['redis://:s3cret@127.0.0.1:6379/0', 'redis://:***@127.0.0.1:6379/0'],
    ['redis://default:s3cret@redis:6379', 'redis://default:***@redis:6379'],
    ['rediss://user:p%40ss%2Fword@cache.example.com:6380/2', 'rediss://user:***@cache.example.com:6380/2'],
    ['postgres://app:pw@db:5432/docai?sslmode=require', 'postgres://app:***@db:5432/docai?sslmode=require'],
    ['postgresql://app:pw@db/docai?password=other&sslmode=require', 'postgresql://app:***@db/docai?password=***&sslmode=require'],
    ['Redis  redis://a:b@h:1/0 (configured); database postgres://c:d@h:2/x', 'Redis  redis://a:***@h:1/0 (configured); database postgres://c:***@h:2/x'],
    ['{"msg":"GET /api?access_token=abc.def&page=2"}', '{"msg":"GET /api?access_token=***&page=2"}'],
    ['password=hunter2 api_key=k1 apiKey=k2', 'password=*** api_key=*** apiKey=***'],
  ])('masks %s', (text, masked) => {
    expect(maskCredentials(text)).toBe(masked);
  });

  it.each([
    'redis://127.0.0.1:6379/0',
    'redis://user@host:6379',
    'http://localhost:3000/api/v1/files?page=2',
    'mail admin@example.com at http://localhost:3000/docs',
    'Redis unavailable (connect ECONNREFUSED 127.0.0.1:6379)',
  ])('leaves %s as it is', (text) => {
    expect(maskCredentials(text)).toBe(text);
  });

  it('masks strings nested in error details', () => {
    expect(maskCredentialsIn({ reason: 'redis://:x@h:1', list: ['pwd=y', 3], none: null })).toEqual({
      reason: 'redis://:***@h:1',
      list: ['pwd=***', 3],
      none: null,
    });
  });

  // A backtracking pattern took minutes on these (request bodies echoed in validation errors).
  it.each([
    ['dotted words', 'a.'.repeat(100_000)],
    ['dashed words', ` ${'a-'.repeat(100_000)}`],
    ['repeated scheme separators', '://:'.repeat(50_000)],
  ])('leaves a 200 KB hostile text of %s unchanged', (_, text) => {
    expect(maskCredentials(text)).toBe(text);
  });
});
