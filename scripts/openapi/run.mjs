#!/usr/bin/env node
// `npm run openapi`: compiles src/ and scripts/openapi/ with swc (as the benchmarks do), then runs export-openapi.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWithSwc } from '../lib/swc-build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'node_modules/.cache/openapi-build');
await buildWithSwc({ root, folders: ['src', 'scripts/openapi'], outDir: out });
await import(pathToFileURL(join(out, 'scripts/openapi/export-openapi.js')).href);
