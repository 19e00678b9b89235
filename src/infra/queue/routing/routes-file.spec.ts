import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/config-error.js';
import { loadRoutesFile } from './routes-file.js';

describe('ROUTES_FILE validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routes-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const failure = (path: string): ConfigError => {
    try {
      loadRoutesFile(path);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads YAML with a rules list, one value or a list per matcher', () => {
    const path = file(
      'ok.yaml',
      'rules:\n  - pool: heavy\n    file_type: [pdf, application/pdf]\n    min_bytes: 10000000\n  - pool: staff\n    role: admin\n',
    );
    expect(loadRoutesFile(path)).toEqual([
      { pool: 'heavy', file_type: ['pdf', 'application/pdf'], min_bytes: 10_000_000 },
      { pool: 'staff', role: ['admin'] },
    ]);
  });

  it('reads JSON (a .json name), as a bare list too; an empty file has no rules', () => {
    expect(loadRoutesFile(file('ok.json', '[{"pool":"gpu","queue":"vectorization"}]'))).toEqual([{ pool: 'gpu', queue: ['vectorization'] }]);
    expect(loadRoutesFile(file('empty.yaml', ''))).toEqual([]);
  });

  it('names the variable, the file, the rule (number and index) and the field of a bad rule', () => {
    const path = file('bad-size.yaml', 'rules:\n  - pool: a\n  - pool: b\n    min_bytes: 10\n    max_bytes: 5\n');
    const error = failure(path);
    expect(error.variable).toBe('ROUTES_FILE');
    expect(error.message).toBe(`Invalid configuration: ROUTES_FILE ${path}: rule 2 (index 1), field "max_bytes": must not be smaller than min_bytes`);
  });

  it.each([
    ['an unknown queue', '- pool: a\n  queue: nope\n', /rule 1 \(index 0\), field "queue\.0": must be one of file_processing/],
    ['a pool name with a colon', '- pool: "a:b"\n', /rule 1 \(index 0\), field "pool": must be letters/],
    ['a missing pool', '- queue: vectorization\n', /rule 1 \(index 0\), field "pool"/],
    ['an unknown field', '- pool: a\n  size: 3\n', /rule 1 \(index 0\), field "size": Unrecognized key/],
    ['a size that is not a number', '- pool: a\n  min_bytes: big\n', /field "min_bytes"/],
    ['an empty list', '- pool: a\n  job: []\n', /field "job"/],
    ['a document that is no list', 'pool: a\n', /must be a list of rules or \{rules: \[\.\.\.\]\}/],
  ])('refuses %s', (_label, text, message) => {
    expect(failure(file(`case-${Math.random()}.yaml`, text)).message).toMatch(message);
  });

  it('refuses a file that is not YAML or JSON, or cannot be read, naming it', () => {
    const broken = file('broken.yaml', 'rules: [\n');
    expect(failure(broken).message).toMatch(new RegExp(`ROUTES_FILE ${broken}: is not valid YAML`));
    expect(failure(file('broken.json', '{')).message).toMatch(/is not valid JSON/);
    expect(failure(join(dir, 'missing.yaml')).message).toMatch(/missing\.yaml: cannot be read \(ENOENT\)/);
  });
});
