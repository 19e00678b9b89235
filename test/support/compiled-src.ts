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
/**
 * Compiles into a folder of this test process alone and returns it: for a long test that starts processes late, so
 * another test compiling the shared folder meanwhile (from a tree others are editing) cannot change code under it.
 */
export async function compilePrivateBuild(): Promise<string> {
  const outDir = join(BUILD_DIR, `private-${process.pid}`);
  await buildWithSwc({ root: PROJECT_ROOT, folders: ['src', 'test/fixtures'], outDir });
  return outDir;
}

export function compileForProcesses(): Promise<void> {
  compiled ??= buildWithSwc({ root: PROJECT_ROOT, folders: ['src', 'test/fixtures'], outDir: BUILD_DIR });
  return compiled;
}
