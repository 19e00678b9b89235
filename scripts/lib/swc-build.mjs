// Compiles TypeScript folders of the project with swc (ESM, decorator metadata, as Jest does) into outDir,
// keeping their paths, and links drizzle/ beside them so migrations resolve as from dist/.
// Used by the benchmarks (scripts/bench/run.mjs) and by tests that start real API and worker processes.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

/** @param {{ root: string, folders: string[], outDir: string }} options */
export async function buildWithSwc({ root, folders, outDir }) {
  for (const folder of folders) {
    const source = join(root, folder);
    if (!existsSync(source)) continue;
    const files = (await readdir(source, { recursive: true }))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => join(source, f));
    await Promise.all(
      files.map(async (file) => {
        const { code } = await transformFile(file, SWC_OPTIONS);
        const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        // Written aside then renamed: a process started by another test run never loads a half-written module.
        const partial = `${target}.${process.pid}.partial`;
        await writeFile(partial, code);
        await rename(partial, target);
      }),
    );
  }
  if (!existsSync(join(outDir, 'drizzle'))) await symlink(join(root, 'drizzle'), join(outDir, 'drizzle'));
}
