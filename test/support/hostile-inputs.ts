import { createHmac, randomUUID } from 'node:crypto';
import type { JsonSchema } from './openapi-operations.js';

/** Path segment values, sent raw (already percent-encoded where they must be). */
export function hostilePathValues(): string[] {
  const uuid = randomUUID();
  return [
    'not-a-uuid',
    '12345',
    '-1',
    '0',
    '1e309',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    'x'.repeat(3000),
    '..',
    '.',
    '..%2F..%2Fetc%2Fpasswd',
    '..%5C..%5Cwindows%5Cwin.ini',
    '%2e%2e',
    '%00',
    'abc%00def',
    `${uuid}%00`,
    '%ZZ',
    '%',
    '%E0%A4%A',
    '%C0%AF',
    '%27%20OR%20%271%27%3D%271',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '%F0%9F%92%A9',
    '%0D%0ASet-Cookie:%20x=1',
    '%20',
    '*',
    '00000000-0000-0000-0000-000000000000',
    uuid.toUpperCase(),
    `%7B${uuid}%7D`,
    `${uuid}x`,
    uuid.replace(/-/g, ''),
  ];
}

/** Query values for one parameter (the name is added by the caller). */
export const HOSTILE_QUERY_VALUES = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '',
  '%00',
  'a%00b',
  '%ZZ',
  'x'.repeat(5000),
  'true',
  '%5B%5D',
  '%7B%7D',
];

/** Values of a wrong type for a property of this schema (a valid value is never among them). */
export function wrongTypeValues(schema: JsonSchema, required: boolean): unknown[] {
  const values: unknown[] = required ? [null] : [];
  switch (schema.type) {
    case 'string':
      values.push(123, true, [], {}, ['a'], { $gt: '' });
      if (schema.enum) values.push('not-in-enum');
      if (schema.format === 'uuid') values.push('not-a-uuid');
      if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1));
      break;
    case 'number':
    case 'integer':
      values.push('abc', true, [], {}, [1], { $gt: 0 });
      if (schema.minimum !== undefined) values.push(schema.minimum - 1);
      break;
    case 'boolean':
      values.push('maybe', 2, [], {}, [true]);
      break;
    case 'array':
      values.push('x', 1, {}, [{}], [[]]);
      if (schema.items?.format === 'uuid') values.push(['not-a-uuid'], ['../../etc/passwd']);
      break;
  }
  return values;
}

/** Values of a plausible type that are hostile anyway: NUL bytes, huge, deeply nested, unicode. */
export function nastyValues(): unknown[] {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 2000; i++) deep = [deep];
  return [
    'a\u0000b',
    '\u0000',
    'x'.repeat(60_000),
    '\ud800',
    '😀'.repeat(500),
    "'; DROP TABLE users; --",
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    deep,
    { a: { b: { c: { d: [1, { e: null }] } } } },
  ];
}

/** A HS256 JWT over any header and claims (an expired, mistyped or forged token). */
export function signJwt(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** Authorization header values that must all answer 401 on a guarded route. */
export function hostileAuthorizations(secret: string, validToken: string, user: { id: string; email: string }): (string | undefined)[] {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: user.id, email: user.email, role: 'admin', typ: 'access', fam: randomUUID(), jti: randomUUID() };
  const [head, body] = validToken.split('.');
  return [
    undefined,
    'Bearer',
    'Bearer ',
    'Bearer garbage',
    'Bearer a.b.c',
    'Basic dXNlcjpwYXNz',
    `Token ${validToken}`,
    `Bearer ${validToken} extra`,
    `Bearer ${validToken.slice(0, -2)}xx`,
    `Bearer ${head}.${body}.`,
    `Bearer ${'A'.repeat(8000)}`,
    `Bearer ${Buffer.from('{not json').toString('base64url')}.${body}.sig`,
    `Bearer ${signJwt(secret, { ...claims, iat: now - 3600, exp: now - 60 })}`,
    `Bearer ${signJwt(secret, { ...claims, iat: now, exp: now + 600, typ: 'refresh' })}`,
    `Bearer ${signJwt(secret, { sub: user.id, iat: now, exp: now + 600 })}`,
    `Bearer ${signJwt('not-the-secret', { ...claims, iat: now, exp: now + 600 })}`,
    `Bearer ${signJwt(secret, { ...claims, iat: now, exp: now + 600 }, { alg: 'none', typ: 'JWT' }).split('.').slice(0, 2).join('.')}.`,
    `Bearer ${signJwt(secret, { ...claims, iat: now, exp: now + 600 }, { alg: 'HS512', typ: 'JWT' })}`,
  ];
}
