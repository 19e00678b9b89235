#!/usr/bin/env node
// Runs a TypeScript benchmark: node scripts/bench/run.mjs <name> [args...] (scripts/bench/<name>.ts).
// Compiles src/ and scripts/bench/ with swc (as the tests do) into node_modules/.cache/bench-build, then runs it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWithSwc } from '../lib/swc-build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'node_modules/.cache/bench-build');
const name = process.argv[2];
if (!name || !existsSync(join(root, 'scripts/bench', `${name}.ts`))) {
  console.error('usage: node scripts/bench/run.mjs <name>   (a scripts/bench/<name>.ts file)');
  process.exit(2);
}

await buildWithSwc({ root, folders: ['src', 'scripts/bench'], outDir: out });
// The benchmark sees its own arguments from argv[2] on, as if run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(join(out, 'scripts/bench', `${name}.js`)).href);
