import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import {
  HOSTILE_QUERY_VALUES,
  hostileAuthorizations,
  hostilePathValues,
  nastyValues,
  signJwt,
  wrongTypeValues,
} from './support/hostile-inputs.js';
import { type ApiOperation, listOperations, type OpenApiDocument, validBody } from './support/openapi-operations.js';
import { RawHttpClient, type RawRequest, type RawResponse } from './support/raw-http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** One hostile request and what must come back (beyond "no 5xx, the envelope, no stack trace"). */
interface Probe extends RawRequest {
  label: string;
  /** Allowed statuses (and error codes); when absent any status below 500 passes. */
  expect?: (status: number, errorCode?: string) => boolean;
  expectText?: string;
  /** Bull Board's own JSON API answers its errors in its own shape (its UI reads it): only status and stack checked. */
  foreignErrorShape?: boolean;
}

const STACK_TRACE = /\bat .*\.(js|ts):\d+/;
const is4xx = (status: number) => status >= 400 && status < 500;
const oneOf = (...statuses: number[]) => (status: number) => statuses.includes(status);
const JSON_TYPE = 'application/json';
/** 20 MB of JSON whitespace in a few kB of gzip: the body limit must apply to the inflated size. */
const GZIP_BOMB = gzipSync(Buffer.concat([Buffer.from('{"a":1'), Buffer.alloc(20_000_000, 0x20), Buffer.from('}')]));

/** Valid values of path parameters, so only the parameter under test is hostile. */
const PATH_DEFAULTS: Record<string, () => string> = {
  key: () => 'robustness.key',
  queue_name: () => 'file_processing',
  job_id: () => 'no-such-job',
};

function buildPath(op: ApiOperation, overrides: Record<string, string> = {}, query = ''): string {
  const path = op.template.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? (PATH_DEFAULTS[name]?.() ?? randomUUID()));
  return query ? `${path}?${query}` : path;
}

/** Every way a response breaks the contract. */
function violations(probe: Probe, res: RawResponse, cwd: string): string[] {
  const found: string[] = [];
  let errorCode: string | undefined;
  if (res.status >= 500) found.push(`status ${res.status}`);
  if (STACK_TRACE.test(res.text)) found.push('stack trace in body');
  if (res.text.includes(cwd)) found.push('server path in body');
  if (res.status >= 400 && !probe.foreignErrorShape) {
    let body: { success?: unknown; message?: unknown; error?: { code?: unknown } } | undefined;
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      body = undefined;
    }
    const code = body?.error?.code;
    if (typeof code === 'string') errorCode = code;
    if (body?.success !== false || typeof body.message !== 'string' || typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) {
      found.push('not the error envelope');
    }
  }
  if (probe.expect && !probe.expect(res.status, errorCode)) found.push(`unexpected status ${res.status}`);
  if (probe.expectText && !res.text.includes(probe.expectText)) found.push(`body lacks ${probe.expectText}`);
  return found;
}

describe('API robustness: hostile input gets a clear 4xx in the envelope, never a 500 (e2e)', () => {
  let t: TestApp;
  let client: RawHttpClient;
  let operations: ApiOperation[];
  let user: { token: string; user: { id: string; email: string } };
  let adminToken: string;
  /** Operations that answer a user's token with 403 (admin only). */
  const adminOnly = new Set<ApiOperation>();
  let sent = 0;
  /** A file of the user's, so hostile queries also reach routes past their 404. */
  let realFileId: string;

  /** A remote-worker token: the protocol routes take it instead of a JWT. */
  let remoteWorkerToken: string;
  const isRemoteWorkerRoute = (op: ApiOperation) => /^\/api\/v1\/remote-workers\/(claim|leases\/)/.test(op.template);
  const bearer = (op: ApiOperation) => (isRemoteWorkerRoute(op) ? remoteWorkerToken : adminOnly.has(op) ? adminToken : user.token);
  const expiredAdminToken = () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: randomUUID(), email: 'admin@example.com', role: 'admin', typ: 'access', fam: randomUUID(), jti: randomUUID() };
    return signJwt(t.config.auth.jwtSecret ?? '', { ...claims, iat: now - 3600, exp: now - 60 });
  };

  async function expectNoViolations(probes: Probe[]): Promise<void> {
    sent += probes.length;
    const results = await client.sendAll(probes);
    const cwd = process.cwd();
    const report = results.flatMap(({ req, res }) => {
      const found = violations(req, res, cwd);
      return found.length
        ? [`${req.method} ${req.path.slice(0, 140)} [${req.label}] → ${found.join(', ')}: ${res.text.slice(0, 200)}`]
        : [];
    });
    expect(report).toEqual([]);
  }

  beforeAll(async () => {
    // Remote-worker claims answer at once (no long poll), results above 1 MB are refused, and no probe is rate limited.
    t = await createTestApp({ REMOTE_CLAIM_MAX_WAIT_MS: '0', REMOTE_RESULT_MAX_BYTES: '1000000', REMOTE_RATE_LIMIT_PER_MINUTE: '1000000' });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new RawHttpClient('127.0.0.1', (server.address() as AddressInfo).port);
    user = await registerAndLogin(t);
    adminToken = await loginAdmin(t);
    const issued = await t
      .http()
      .post('/api/v1/remote-workers/tokens')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ name: 'robustness', pool: 'robustness' })
      .expect(201);
    remoteWorkerToken = (issued.body.data as { token: string }).token;
    const uploaded = await t
      .http()
      .post('/api/v1/files')
      .set('authorization', `Bearer ${user.token}`)
      .attach('file', Buffer.from(`robustness ${randomUUID()}: Ada Lovelace met Charles Babbage in London.`), 'notes.txt')
      .expect(202);
    realFileId = (uploaded.body.data as { file_id: string }).file_id;
    const docs = await t.http().get('/docs-json').expect(200);
    operations = listOperations(docs.body as OpenApiDocument);
    // Which guarded routes are admin-only: ask each once with the user's token (logout would revoke it).
    const guarded = operations.filter((op) => op.guarded && !op.template.endsWith('/auth/logout') && op.template !== '/metrics');
    const answers = await client.sendAll(
      guarded.map((op) => ({ method: op.method, path: buildPath(op), headers: { authorization: `Bearer ${user.token}` } })),
    );
    answers.forEach(({ res }, i) => {
      if (res.status === 403) adminOnly.add(guarded[i]);
    });
  });

  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it('walks every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(45);
    const routes = operations.map((op) => `${op.method} ${op.template}`);
    for (const route of ['POST /api/v1/files', 'PUT /api/v1/memory/{key}', 'POST /api/v1/rq/queues/{queue_name}/clean', 'GET /metrics']) {
      expect(routes).toContain(route);
    }
    // The admin routes were recognised (a user's token gets 403 there).
    expect([...adminOnly].map((op) => op.template)).toEqual(
      expect.arrayContaining(['/api/v1/auth/users', '/api/v1/rq/queues', '/api/v1/rq/metrics']),
    );
  });

  it('answers malformed, oversized and traversing path parameters with 4xx', async () => {
    const probes = operations.flatMap((op) =>
      op.pathParams.flatMap((param) =>
        hostilePathValues().map((value): Probe => ({
          label: `path ${param}=${value.slice(0, 30)}`,
          method: op.method,
          path: buildPath(op, { [param]: value }),
          headers: { authorization: `Bearer ${bearer(op)}` },
          // A memory key may be any [A-Za-z0-9._:-]+, so "null" or "12345" are real keys there.
          expect: param === 'key' ? (s) => s < 500 : is4xx,
        })),
      ),
    );
    // Raw `../` segments change the route itself.
    for (const op of operations.filter((o) => o.pathParams.length)) {
      probes.push({
        label: 'raw ../',
        method: op.method,
        path: buildPath(op, { [op.pathParams[0]]: '../../../../etc/passwd' }),
        headers: { authorization: `Bearer ${bearer(op)}` },
        expect: is4xx,
      });
    }
    await expectNoViolations(probes);
  });

  it('answers query parameters of the wrong type, range or shape, and unknown ones, with 4xx', async () => {
    const probes: Probe[] = [];
    for (const op of operations.filter((o) => o.queryParams.length && o.template !== '/metrics')) {
      const headers = { authorization: `Bearer ${bearer(op)}` };
      const existing = { file_id: realFileId };
      for (const { name, schema } of op.queryParams) {
        const numeric = schema.type === 'number' || schema.type === 'integer';
        for (const value of HOSTILE_QUERY_VALUES) {
          const invalid =
            (numeric && ['abc', 'NaN', 'Infinity', '1e309', 'true', '%5B%5D', '%7B%7D'].includes(value)) ||
            (numeric && value === '-1' && (schema.minimum ?? -Infinity) >= 0) ||
            (schema.enum !== undefined && !schema.enum.includes(value));
          probes.push({
            label: `query ${name}=${value.slice(0, 20)}`,
            method: op.method,
            path: buildPath(op, existing, `${name}=${value}`),
            headers,
            expect: invalid ? is4xx : undefined,
          });
        }
        // The edges of the valid range are valid: a success (or the 404 of a missing resource), never a 400 or 500.
        const edges = numeric ? [schema.minimum, schema.maximum ?? Number.MAX_SAFE_INTEGER] : [];
        for (const edge of edges.filter((e): e is number => e !== undefined)) {
          probes.push({ label: `query ${name} at ${edge}`, method: op.method, path: buildPath(op, existing, `${name}=${edge}`), headers, expect: (st) => st < 300 || st === 404 });
        }
        for (const query of [`${name}=1&${name}=2`, `${name}[]=1`, `${name}[a]=1`, `${name}`]) {
          probes.push({ label: `query ${query}`, method: op.method, path: buildPath(op, existing, query), headers, expect: numeric && query.includes('&') ? is4xx : undefined });
        }
      }
      probes.push({ label: 'unknown query param', method: op.method, path: buildPath(op, {}, 'unknown_param=1'), headers, expect: oneOf(400) });
      for (const query of ['__proto__=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1']) {
        probes.push({ label: `query ${query}`, method: op.method, path: buildPath(op, {}, query), headers });
      }
    }
    // Routes without query parameters: unknown ones must not break them either.
    for (const op of operations.filter((o) => !o.queryParams.length && o.method === 'GET' && !o.template.endsWith('/events'))) {
      probes.push({ label: 'query on a route without any', method: op.method, path: buildPath(op, {}, 'x=%ZZ&__proto__[a]=1&y=1&y=2'), headers: { authorization: `Bearer ${bearer(op)}` } });
    }
    await expectNoViolations(probes);
  });

  it('answers malformed, mistyped, unknown and oversized JSON bodies with 4xx', async () => {
    const probes: Probe[] = [];
    for (const op of operations.filter((o) => o.bodies[JSON_TYPE])) {
      const schema = op.bodies[JSON_TYPE];
      const valid = validBody(schema);
      const required = new Set(schema.required ?? []);
      const headers = { authorization: `Bearer ${bearer(op)}`, 'content-type': JSON_TYPE };
      const probe = (label: string, body: string | Buffer, expect?: Probe['expect']): Probe => ({
        label,
        method: op.method,
        path: buildPath(op),
        headers,
        body,
        expect,
      });
      for (const text of ['{bad', '{"a":', '{"a":1}}', "{'a':1}", '\u0000', 'NaN', 'null', '"string"', '123', 'true', '{"a":1,"a":']) {
        probes.push(probe(`malformed ${JSON.stringify(text)}`, text, oneOf(400)));
      }
      for (const value of [[], [1, 2], [valid]]) {
        probes.push(probe(`array body ${JSON.stringify(value).slice(0, 40)}`, JSON.stringify(value), oneOf(400)));
      }
      probes.push(probe('empty object', '{}', required.size ? oneOf(400) : undefined));
      probes.push(probe('unknown field', JSON.stringify({ ...valid, unknown_field: 1 }), oneOf(400)));
      // Ignored or refused; either way nothing may be polluted (checked at the end: the app runs in this process).
      probes.push(probe('__proto__ field', `{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`));
      probes.push(probe('constructor field', JSON.stringify({ ...valid, constructor: { prototype: { polluted: true } } })));
      probes.push(probe('2 MB body', JSON.stringify({ ...valid, pad: 'x'.repeat(2_000_000) }), oneOf(413)));
      probes.push({ ...probe('gzip bomb', GZIP_BOMB, oneOf(413)), headers: { ...headers, 'content-encoding': 'gzip' } });
      probes.push({ ...probe('asks for HTML', '{bad', oneOf(400)), headers: { ...headers, accept: 'text/html' } });
      probes.push({ ...probe('garbage X-Forwarded-For', JSON.stringify(valid)), headers: { ...headers, 'x-forwarded-for': 'garbage, 999.1.1.1, ::zz' } });
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        // The memory value is any JSON value by design; only its size is limited.
        const anyJson = op.template === '/api/v1/memory/{key}' && name === 'value';
        const wrong = anyJson ? [] : wrongTypeValues(prop, required.has(name));
        for (const value of wrong) {
          probes.push(probe(`${name}=${JSON.stringify(value).slice(0, 30)}`, JSON.stringify({ ...valid, [name]: value }), oneOf(400)));
        }
        // Valid edges (minimum, maximum, maxLength) pass validation, and nothing further down breaks on them.
        const edges = [prop.minimum, prop.maximum, prop.maxLength === undefined ? undefined : 'x'.repeat(prop.maxLength)];
        for (const edge of edges.filter((e) => e !== undefined)) {
          // A domain refusal (e.g. WRONG_PASSWORD for the made-up current password) is fine: validation passed.
          const passesValidation = (st: number, code?: string) => !(st === 400 && code === 'VALIDATION_ERROR');
          probes.push(probe(`${name} at the edge ${String(edge).slice(0, 12)}`, JSON.stringify({ ...valid, [name]: edge }), passesValidation));
        }
        for (const value of nastyValues()) {
          probes.push(probe(`${name}=nasty ${JSON.stringify(value).slice(0, 20)}`, JSON.stringify({ ...valid, [name]: value })));
        }
      }
    }
    await expectNoViolations(probes);
  });

  it('answers wrong content types, multipart for JSON and JSON for multipart with 4xx', async () => {
    const probes: Probe[] = [];
    const boundary = 'robustnessboundary';
    const multipart = (parts: string, close = true) =>
      `${parts}${close ? `--${boundary}--\r\n` : ''}`;
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const filePart = (filename: string, content: string, type = 'application/octet-stream') =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
    const multipartType = `multipart/form-data; boundary=${boundary}`;

    for (const op of operations.filter((o) => o.bodies[JSON_TYPE])) {
      const valid = JSON.stringify(validBody(op.bodies[JSON_TYPE]));
      const auth = `Bearer ${bearer(op)}`;
      const variants: [string, Record<string, string>, string][] = [
        ['text/plain JSON', { 'content-type': 'text/plain' }, valid],
        ['urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }, 'query=x&value=1&status=failed'],
        ['multipart', { 'content-type': multipartType }, multipart(field('query', 'x'))],
        ['xml', { 'content-type': 'application/xml' }, '<a>1</a>'],
        ['no content type', {}, valid],
        ['json latin1 charset', { 'content-type': 'application/json; charset=latin1' }, valid],
        ['json gzip garbage', { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }, 'not gzip'],
        ['json unknown encoding', { 'content-type': JSON_TYPE, 'content-encoding': 'x-unknown' }, valid],
        ['content type garbage', { 'content-type': ';;;==/' }, valid],
      ];
      for (const [label, headers, body] of variants) {
        // A body the route would leave unparsed is refused, never ignored; a gzip body that is not gzip is a 400.
        const expected = label === 'json gzip garbage' ? oneOf(400) : oneOf(415);
        probes.push({ label, method: op.method, path: buildPath(op), headers: { ...headers, authorization: auth }, body, expect: expected });
      }
    }
    // JSON bodies on routes that take none still go through the body parser.
    for (const op of operations.filter((o) => !Object.keys(o.bodies).length && !o.template.endsWith('/logout') && !o.template.endsWith('/events'))) {
      const headers = { authorization: `Bearer ${bearer(op)}`, 'content-type': JSON_TYPE };
      probes.push({ label: 'malformed JSON on a bodiless route', method: op.method, path: buildPath(op), headers, body: '{bad', expect: oneOf(400) });
      probes.push({ label: 'array JSON on a bodiless route', method: op.method, path: buildPath(op), headers, body: '[1]' });
      probes.push({ label: 'text on a bodiless route', method: op.method, path: buildPath(op), headers: { ...headers, 'content-type': 'text/plain' }, body: 'x', expect: oneOf(415) });
    }
    // The multipart upload (a batch answers a bad file part in its list instead: only broken requests are refused).
    const upload = operations.find((op) => op.method === 'POST' && op.template === '/api/v1/files');
    const batch = operations.find((op) => op.method === 'POST' && op.template === '/api/v1/files/batch');
    expect(batch).toBeDefined();
    expect(upload).toBeDefined();
    if (upload) {
      const auth = `Bearer ${user.token}`;
      const uploads: [string, Record<string, string>, string | Buffer][] = [
        ['JSON instead of multipart', { 'content-type': JSON_TYPE }, '{"file":"x"}'],
        ['malformed JSON instead of multipart', { 'content-type': JSON_TYPE }, '{bad'],
        ['urlencoded instead of multipart', { 'content-type': 'application/x-www-form-urlencoded' }, 'file=x'],
        ['text/plain instead of multipart', { 'content-type': 'text/plain' }, 'hello'],
        ['no content type', {}, 'hello'],
        ['multipart without boundary', { 'content-type': 'multipart/form-data' }, multipart(filePart('a.txt', 'hello'))],
        ['multipart, wrong boundary', { 'content-type': 'multipart/form-data; boundary=other' }, multipart(filePart('a.txt', 'hello'))],
        ['multipart garbage', { 'content-type': multipartType }, 'garbage garbage'],
        ['multipart, no parts', { 'content-type': multipartType }, multipart('')],
        ['multipart, no file part', { 'content-type': multipartType }, multipart(field('file_id', randomUUID()))],
        ['multipart, file as a plain field', { 'content-type': multipartType }, multipart(field('file', 'hello'))],
        ['multipart, file_id not a uuid', { 'content-type': multipartType }, multipart(field('file_id', '../../etc/passwd') + filePart('a.txt', 'hello'))],
        ['multipart, truncated', { 'content-type': multipartType }, multipart(filePart('a.txt', 'hello'), false).slice(0, -10)],
        ['multipart, empty file', { 'content-type': multipartType }, multipart(filePart('empty.txt', ''))],
        ['multipart, executable', { 'content-type': multipartType }, Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.exe"\r\n\r\n`), Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.from(`\r\n--${boundary}--\r\n`)])],
        ['multipart, traversing filename', { 'content-type': multipartType }, multipart(filePart('../../../../etc/passwd', '\u0000\u0001\u0002'))],
        ['multipart, NUL in filename', { 'content-type': multipartType }, multipart(filePart(`a\u0000${randomUUID()}.txt`, `nul name ${randomUUID()}`))],
        ['multipart, invalid UTF-8 filename', { 'content-type': multipartType }, Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from(`.txt"\r\n\r\ninvalid name ${randomUUID()}\r\n--${boundary}--\r\n`)])],
        ['multipart, huge filename', { 'content-type': multipartType }, multipart(filePart(`${'n'.repeat(5000)}.txt`, `long name ${randomUUID()}`))],
        ['multipart, X-File-Id not a uuid', { 'content-type': multipartType, 'x-file-id': 'not-a-uuid' }, multipart(filePart('a.txt', 'hello'))],
        ['multipart, X-File-Id traversing', { 'content-type': multipartType, 'x-file-id': '../../etc/passwd' }, multipart(filePart('a.txt', 'hello'))],
        ['multipart, X-File-Id huge', { 'content-type': multipartType, 'x-file-id': 'x'.repeat(5000) }, multipart(filePart('a.txt', 'hello'))],
      ];
      const BROKEN_REQUESTS = new Set(uploads.slice(0, 11).map(([label]) => label).concat('multipart, truncated'));
      // Odd filenames may be cleaned up and accepted; the rest must be refused.
      const mayPass = new Set(['multipart, NUL in filename', 'multipart, invalid UTF-8 filename', 'multipart, huge filename']);
      for (const [label, headers, body] of uploads) {
        const expected = mayPass.has(label) ? undefined : is4xx;
        probes.push({ label, method: 'POST', path: buildPath(upload), headers: { ...headers, authorization: auth }, body, expect: expected });
        if (batch && BROKEN_REQUESTS.has(label)) {
          probes.push({ label: `batch, ${label}`, method: 'POST', path: buildPath(batch), headers: { ...headers, authorization: auth }, body, expect: is4xx });
        }
      }
      for (const query of ['reprocess=maybe', 'reprocess=1&reprocess=2', 'unknown=1']) {
        probes.push({ label: `upload ?${query}`, method: 'POST', path: buildPath(upload, {}, query), headers: { 'content-type': multipartType, authorization: auth }, body: multipart(filePart('a.txt', 'hello')), expect: is4xx });
      }
    }
    await expectNoViolations(probes);
  });

  it('answers missing, garbled, forged and expired-looking bearer tokens with 401 on every guarded route', async () => {
    const secret = t.config.auth.jwtSecret;
    expect(secret).toBeDefined();
    const authorizations = hostileAuthorizations(secret ?? '', user.token, user.user);
    const probes = operations
      .filter((op) => op.template !== '/metrics')
      .flatMap((op) =>
        authorizations.map((authorization): Probe => ({
          label: `authorization ${String(authorization).slice(0, 30)}`,
          method: op.method,
          path: buildPath(op),
          headers: authorization === undefined ? {} : { authorization },
          expect: op.guarded ? oneOf(401) : undefined,
        })),
      );
    await expectNoViolations(probes);
  });

  it("answers a user's token on admin routes with 403", async () => {
    const probes = [...adminOnly].map((op): Probe => ({
      label: 'user on admin route',
      method: op.method,
      path: buildPath(op),
      headers: { authorization: `Bearer ${user.token}` },
      expect: oneOf(403),
    }));
    expect(probes.length).toBeGreaterThan(10);
    await expectNoViolations(probes);
  });

  it('answers methods a route does not have with 404 or 405 in the envelope', async () => {
    const byPath = new Map<string, ApiOperation[]>();
    for (const op of operations) byPath.set(op.template, [...(byPath.get(op.template) ?? []), op]);
    const probes: Probe[] = [];
    for (const [, ops] of byPath) {
      const declared = new Set(ops.map((op) => op.method));
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND']) {
        if (declared.has(method)) continue;
        probes.push({
          label: `method ${method}`,
          method,
          path: buildPath(ops[0]),
          headers: { authorization: `Bearer ${adminToken}` },
          // 404 from Nest, or a 4xx of another route owning the method on that path shape (PUT /memory/{key} for
          // PUT /memory/search, GET /vectors/{file_id} for GET /vectors/search); never a success.
          expect: is4xx,
        });
      }
    }
    probes.push({ label: 'unknown route', method: 'GET', path: '/api/v1/nope', expect: oneOf(404) });
    probes.push({ label: 'unknown route, bad percent', method: 'GET', path: '/api/v1/%ZZ', expect: is4xx });
    probes.push({ label: 'root', method: 'GET', path: '/', expect: oneOf(404) });
    for (const path of ['/docs/%ZZ', '/docs/..%2F..%2Fpackage.json', '/docs/../../package.json', '/docs-json?x=%ZZ', '/docs/x'.repeat(500)]) {
      probes.push({ label: 'swagger', method: 'GET', path });
    }
    probes.push({ label: 'unknown path outside the prefix', method: 'POST', path: '/health/live/x', expect: oneOf(404) });
    await expectNoViolations(probes);
  });

  it("answers what Node's HTTP parser refuses (huge URL or header, garbled request line) in the envelope", async () => {
    const probes: Probe[] = [
      { label: '40 kB URL', method: 'GET', path: `/api/v1/files?q=${'x'.repeat(40_000)}`, expect: oneOf(431) },
      { label: '40 kB header', method: 'GET', path: '/api/v1/files', headers: { 'x-pad': 'x'.repeat(40_000) }, expect: oneOf(431) },
    ];
    await expectNoViolations(probes);
    for (const bytes of ['GARBAGE\r\n\r\n', 'GET /api/v1/files HTTP/9.9\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n']) {
      const res = await client.sendBytes(bytes);
      sent += 1;
      expect({ bytes, found: violations({ label: 'raw bytes', method: '?', path: '?', expect: is4xx }, res, process.cwd()) }).toEqual({ bytes, found: [] });
    }
  });

  it('keeps /metrics and the Bull Board dashboard free of stack traces', async () => {
    const admin = `Bearer ${adminToken}`;
    const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
    const probes: Probe[] = [
      { label: 'metrics', method: 'GET', path: '/metrics', expect: oneOf(200), expectText: 'rq_queue_jobs' },
      { label: 'metrics, garbage query', method: 'GET', path: '/metrics?x=%ZZ&__proto__[a]=1' },
      { label: 'metrics, garbage token', method: 'GET', path: '/metrics', headers: { authorization: 'Bearer garbage' } },
      { label: 'metrics POST', method: 'POST', path: '/metrics', headers: { 'content-type': JSON_TYPE }, body: '{}', expect: is4xx },
      { label: 'metrics, malformed JSON', method: 'GET', path: '/metrics', headers: { 'content-type': JSON_TYPE }, body: '{bad', expect: is4xx },
      { label: 'metrics/..', method: 'GET', path: '/metrics/../../etc/passwd', expect: is4xx },
      { label: 'dashboard, no credentials', method: 'GET', path: '/admin/queues', expect: oneOf(401) },
      { label: 'dashboard, garbage bearer', method: 'GET', path: '/admin/queues', headers: { authorization: 'Bearer garbage' }, expect: oneOf(401) },
      { label: 'dashboard, garbage basic', method: 'GET', path: '/admin/queues', headers: { authorization: 'Basic %%%not-base64' }, expect: oneOf(401) },
      { label: 'dashboard, basic without colon', method: 'GET', path: '/admin/queues', headers: { authorization: basic('nocolon') }, expect: oneOf(401) },
      { label: 'dashboard, basic wrong password', method: 'GET', path: '/admin/queues', headers: { authorization: basic(`${t.config.auth.adminEmail}:wrong-password`) }, expect: oneOf(401, 429) },
      { label: 'dashboard, basic huge', method: 'GET', path: '/admin/queues', headers: { authorization: basic(`${'x'.repeat(3000)}:${'y'.repeat(3000)}`) }, expect: oneOf(401, 429) },
      { label: 'dashboard, expired token', method: 'GET', path: '/admin/queues', headers: { authorization: `Bearer ${expiredAdminToken()}` }, expect: oneOf(401) },
      { label: 'dashboard, admin', method: 'GET', path: '/admin/queues', headers: { authorization: admin }, expect: oneOf(200) },
      { label: 'dashboard, user', method: 'GET', path: '/admin/queues', headers: { authorization: `Bearer ${user.token}` }, expect: oneOf(403) },
      { label: 'dashboard api, user', method: 'GET', path: '/admin/queues/api/queues', headers: { authorization: `Bearer ${user.token}` }, expect: oneOf(403) },
      { label: 'dashboard, user writes', method: 'PUT', path: '/admin/queues/api/queues/file_processing/pause', headers: { authorization: `Bearer ${user.token}` }, expect: oneOf(403) },
      { label: 'dashboard api', method: 'GET', path: '/admin/queues/api/queues?activeQueue=file_processing&status=latest&page=1', headers: { authorization: admin }, expect: oneOf(200) },
      ...[
        '/admin/queues/api/queues?activeQueue=file_processing&status=nope&page=-5&jobsPerPage=1e309',
        '/admin/queues/api/queues/no-such-queue/no-such-job',
        '/admin/queues/api/queues/file_processing/no-such-job',
        '/admin/queues/api/queues/%ZZ/x',
        '/admin/queues/api/queues/file_processing/%00/logs',
      ].map((path): Probe => ({ label: 'dashboard api', method: 'GET', path, headers: { authorization: admin }, foreignErrorShape: true })),
      { label: 'dashboard api, retry nothing', method: 'PUT', path: '/admin/queues/api/queues/file_processing/no-such-job/retry/failed', headers: { authorization: admin }, expect: is4xx },
      { label: 'dashboard api, clean bad status', method: 'PUT', path: '/admin/queues/api/queues/file_processing/clean/nope', headers: { authorization: admin } },
      { label: 'dashboard api, malformed JSON', method: 'PUT', path: '/admin/queues/api/queues/file_processing/add', headers: { authorization: admin, 'content-type': JSON_TYPE }, body: '{bad', expect: is4xx },
      { label: 'dashboard static traversal', method: 'GET', path: '/admin/queues/static/..%2F..%2F..%2Fpackage.json', headers: { authorization: admin }, expect: is4xx },
      { label: 'dashboard static traversal raw', method: 'GET', path: '/admin/queues/static/../../../../package.json', headers: { authorization: admin }, expect: is4xx },
    ];
    // Bull Board adds the stack of its errors to the answer when NODE_ENV is development (the default of .env.example).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      await expectNoViolations(probes);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it("leaves the user's token valid, nothing polluted, and stays within a few thousand requests", async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${user.token}`);
    expect(me.status).toBe(200);
    expect(sent).toBeGreaterThan(1000);
    expect(sent).toBeLessThan(8000);
  });
});
