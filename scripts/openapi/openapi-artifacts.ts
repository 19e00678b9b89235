/**
 * The committed contract files, rendered from the running app's OpenAPI document: `openapi.json` and the typed
 * client's schema (openapi-typescript). `npm run openapi` writes them; test/committed-artifacts.e2e-spec.ts fails when
 * they differ from what the app serves now.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';

export const OPENAPI_FILE = 'openapi.json';
export const CLIENT_SCHEMA_FILE = 'web/client/api-schema.ts';

const SCHEMA_HEADER =
  '// Generated from openapi.json by openapi-typescript (`npm run openapi`). Do not edit by hand.\n' +
  '/* eslint-disable */\n';

export function renderOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function renderClientSchema(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: false, exportType: false });
  return SCHEMA_HEADER + astToString(ast);
}

/** The first line where the committed text and the expected one differ (for a readable test failure). */
export function firstDifference(committed: string, expected: string): string | undefined {
  if (committed === expected) return undefined;
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '<end>')}, app serves ${JSON.stringify(b[at] ?? '<end>')}`;
}
