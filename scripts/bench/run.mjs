#!/usr/bin/env node
// Runs a TypeScript benchmark: node scripts/bench/run.mjs <name> (scripts/bench/<name>.ts).
// Compiles src/ and scripts/bench/ with swc (as the tests do) into node_modules/.cache/bench-build, then runs it.
import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformFile } from '@swc/core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'node_modules/.cache/bench-build');
const name = process.argv[2];
if (!name || !existsSync(join(root, 'scripts/bench', `${name}.ts`))) {
  console.error('usage: node scripts/bench/run.mjs <name>   (a scripts/bench/<name>.ts file)');
  process.exit(2);
}

for (const folder of ['src', 'scripts/bench']) {
  const files = (await readdir(join(root, folder), { recursive: true }))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => join(root, folder, f));
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
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
}
// Migrations are found relative to the compiled files, as from dist/.
if (!existsSync(join(out, 'drizzle'))) await symlink(join(root, 'drizzle'), join(out, 'drizzle'));
await import(pathToFileURL(join(out, 'scripts/bench', `${name}.js`)).href);
