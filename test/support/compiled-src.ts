import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWithSwc } from '../../scripts/lib/swc-build.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILD_DIR = join(PROJECT_ROOT, '.test-build');

let compiled: Promise<void> | undefined;

/**
 * Compiles src/ and test/fixtures/ into .test-build/ so tests can start real API and worker processes
 * (`node .test-build/src/main.js`) without a full `nest build`. Once per test file.
 */
export function compileForProcesses(): Promise<void> {
  compiled ??= buildWithSwc({ root: PROJECT_ROOT, folders: ['src', 'test/fixtures'], outDir: BUILD_DIR });
  return compiled;
}
