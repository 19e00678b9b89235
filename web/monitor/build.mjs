#!/usr/bin/env node
// Builds the monitoring panel (web/monitor) into dist/monitor with esbuild: one ES module bundle and one stylesheet,
// every library from node_modules (no CDN). Part of `npm run build`; the API serves the result at /monitor.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.argv[2] ?? join(here, '../../dist/monitor');

/** @param {string} dir */
export async function buildPanel(dir) {
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: { app: join(here, 'src/main.tsx') },
    outdir: dir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(join(here, 'index.html'), join(dir, 'index.html'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPanel(outDir);
  console.log(`monitoring panel built into ${outDir}`);
}
