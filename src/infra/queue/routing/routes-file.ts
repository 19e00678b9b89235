import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type z } from 'zod';
import { ConfigError } from '../../config/config-error.js';
import { type RouteRule, routesFileSchema } from './route-rule.js';

/**
 * Reads and validates ROUTES_FILE (YAML, or JSON for a `.json` name) once at start. Any problem is a ConfigError that
 * names the file, and for a bad rule its index and field, so the process exits with one clear line.
 */
export function loadRoutesFile(path: string): RouteRule[] {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('ROUTES_FILE', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let document: unknown;
  try {
    document = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError('ROUTES_FILE', `${file}: is not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${firstLine(error)}`);
  }
  const parsed = routesFileSchema.safeParse(document ?? []);
  if (!parsed.success) throw new ConfigError('ROUTES_FILE', `${file}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** `rule 2 (index 1), field "min_bytes": …`; the union's two shapes report their own paths, the deepest is the useful one. */
function describeIssue(error: z.ZodError): string {
  const issues = error.issues.flatMap((issue) => (issue.code === 'invalid_union' ? issue.errors.flat() : [issue]));
  const issue = issues.reduce((deepest, candidate) => (candidate.path.length > deepest.path.length ? candidate : deepest), issues[0]);
  const path = issue.path[0] === 'rules' ? issue.path.slice(1) : issue.path;
  if (typeof path[0] !== 'number') return `must be a list of rules or {rules: [...]}: ${issue.message}`;
  const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : path.slice(1).join('.');
  const where = `rule ${path[0] + 1} (index ${path[0]})`;
  return field ? `${where}, field "${field}": ${issue.message}` : `${where}: ${issue.message}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
