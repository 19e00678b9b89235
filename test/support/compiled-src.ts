import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILD_DIR = join(PROJECT_ROOT, '.test-build');

let compiled: Promise<void> | undefined;

/**
 * Compiles src/ and test/fixtures/ into .test-build/ (swc, ESM, decorator metadata) so tests can start real API and
 * worker processes (`node .test-build/src/main.js`) without a full `nest build`. Once per test file.
 */
export function compileForProcesses(): Promise<void> {
  compiled ??= (async () => {
    await Promise.all([compileTree('src'), compileTree('test/fixtures')]);
    // Migrations are found relative to the compiled files, as from dist/.
    if (!existsSync(join(BUILD_DIR, 'drizzle'))) await symlink(join(PROJECT_ROOT, 'drizzle'), join(BUILD_DIR, 'drizzle'));
  })();
  return compiled;
}

async function compileTree(folder: string): Promise<void> {
  const root = join(PROJECT_ROOT, folder);
  if (!existsSync(root)) return;
  const files = (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => join(root, f));
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      const out = join(BUILD_DIR, relative(PROJECT_ROOT, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, code);
    }),
  );
}
