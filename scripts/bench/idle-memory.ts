/**
 * Idle memory and start time of `npm start` with the embedded defaults (PGlite under a temp DATA_DIR, a local
 * redis-server of its own, RUN_WORKERS=true, no jobs):
 *
 *   npm run build && node scripts/bench/run.mjs idle-memory [--idle-s 10] [--rounds 1] [--variants a,b] [--swc]
 *
 * Starts dist/main.js with the telemetry preload as `npm start` does (--swc: the swc build of src/ next to this
 * bench instead), waits for /health/ready (the ready time counts from the spawn; with it the CPU time the API and
 * the children it waited for, a first start's initdb, spent until then: what a loaded machine does not inflate),
 * waits --idle-s seconds and samples the RSS of the process tree: the API process (its worker threads and the
 * embedded database are inside it) plus every child process, plus the redis-server. `default` is a first start
 * (a fresh DATA_DIR), `restart` a second start on the same DATA_DIR. The redis-server is started by the bench (as redis-memory-server would: the same binary,
 * no persistence) because the shared Redis on 127.0.0.1:6379 would otherwise be picked up and not counted.
 * A preload of the bench's own (a data: URL) writes process.memoryUsage() and the thread count every second, for
 * the heap / external / array-buffer breakdown. Variants toggle one component each, so their deltas against
 * `default` measure it; `pglite alone` and `node alone` are separate processes with only that part loaded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answersPing } from '../../src/infra/redis/redis-resolver.js';
import { delay, freePort, log, MIB, rssOf, runBench, waitUntil } from './bench-util.js';

interface Sample {
  readyMs: number;
  /** CPU time the API process and the children it waited for (a first start's initdb) spent until ready. */
  readyCpuMs: number;
  apiRss: number;
  childrenRss: number;
  redisRss: number;
  anonRss: number;
  fileRss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  threads: number;
}

interface Variant {
  name: string;
  env: Record<string, string>;
  preload: boolean;
  /** Measure a second start on the same DATA_DIR (the database exists: no initdb). */
  restart?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'default', env: {}, preload: true },
  { name: 'restart', env: {}, preload: true, restart: true },
  { name: 'RUN_WORKERS=false', env: { RUN_WORKERS: 'false' }, preload: true },
  { name: 'no telemetry preload', env: {}, preload: false },
];

const MEMORY_PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync, readdirSync } from 'node:fs';
     const out = process.env.IDLE_MEMORY_FILE;
     const write = () => writeFileSync(out, JSON.stringify({ ...process.memoryUsage(), threads: readdirSync('/proc/self/task').length }));
     setInterval(write, 1000).unref();`,
  );

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  // From node_modules/.cache/bench-build/scripts/bench the first package.json up is the project's.
  return dir;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

/** Pids of every descendant of pid (Linux /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while listing
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** utime + stime + cutime + cstime of pid (Linux /proc, USER_HZ = 100), in ms. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks) * 10, 0);
}

function smapsRollup(pid: number): { anon: number; file: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { anon: kb('Anonymous'), file: kb('Rss') - kb('Anonymous') };
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitUntil(() => answersPing('127.0.0.1', port, 200), 10_000, 50);
  return { url: `redis://127.0.0.1:${port}/0`, child };
}

async function measure(root: string, variant: Variant, idleMs: number, swc: boolean): Promise<Sample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-idle-'));
  try {
    if (variant.restart) await measureIn(dataDir, root, variant, 0, swc);
    return await measureIn(dataDir, root, variant, idleMs, swc);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureIn(dataDir: string, root: string, variant: Variant, idleMs: number, swc: boolean): Promise<Sample> {
  const redis = await startRedis();
  const memoryFile = join(dataDir, 'memory.json');
  const port = await freePort();
  const entry = swc ? fileURLToPath(new URL('../../src/main.js', import.meta.url)) : join(root, 'dist/main.js');
  const telemetry = swc
    ? fileURLToPath(new URL('../../src/infra/telemetry/preload.js', import.meta.url))
    : join(root, 'dist/infra/telemetry/preload.js');
  const args = ['--import', MEMORY_PRELOAD, ...(variant.preload ? ['--import', telemetry] : []), entry];
  const started = Date.now();
  const api = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      JWT_SECRET: 'idle-memory-bench-secret-0123456789abcdef',
      ADMIN_EMAIL: 'idle-admin@example.com',
      ADMIN_PASSWORD: 'idle-password-123',
      IDLE_MEMORY_FILE: memoryFile,
      ...variant.env,
    },
  });
  const exited = new Promise((resolve) => api.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    let ended = false;
    void exited.then(() => (ended = true));
    await waitUntil(async () => {
      if (ended) throw new Error(`the API (${variant.name}) ended before it was ready`);
      return (await fetch(`${base}/health/ready`).catch(() => undefined))?.ok === true;
    }, 600_000, 50);
    const readyMs = Date.now() - started;
    const readyCpuMs = cpuMsOf(api.pid!);
    await delay(idleMs);
    const pid = api.pid!;
    const children = descendants(pid);
    const { anon, file } = smapsRollup(pid);
    const usage = JSON.parse(readFileSync(memoryFile, 'utf8')) as NodeJS.MemoryUsage & { threads: number };
    return {
      readyMs,
      readyCpuMs,
      apiRss: rssOf(pid),
      childrenRss: children.reduce((sum, child) => sum + rssOf(child), 0),
      redisRss: rssOf(redis.child.pid!),
      anonRss: anon,
      fileRss: file,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      threads: usage.threads,
    };
  } finally {
    api.kill('SIGTERM');
    await Promise.race([exited, delay(15_000)]);
    redis.child.kill('SIGKILL');
  }
}

/**
 * RSS of a bare node process, and of one that only opens an embedded PGlite with pgvector and the resolver's settings
 * on an existing folder (made first by a process of its own, as a first start's initdb is).
 */
async function measureAlone(root: string, withPglite: boolean, idleMs: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-idle-pglite-'));
  const script = withPglite
    ? `const { PGlite } = await import('@electric-sql/pglite'); const { vector } = await import('@electric-sql/pglite-pgvector');
       const db = await PGlite.create({ dataDir: ${JSON.stringify(join(dataDir, 'pgdata'))}, extensions: { vector },
         startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] });
       await db.exec('create extension if not exists vector'); await db.query('select 1');
       if (process.argv[1] === 'init') { await db.close(); process.exit(0); }`
    : '';
  const run = (init: boolean) =>
    spawn(process.execPath, ['--input-type=module', '-e', `${script} console.log('ready'); setInterval(() => {}, 1000);`, init ? 'init' : 'measure'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  if (withPglite) await new Promise((resolve) => run(true).once('exit', resolve));
  const child = run(false);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve());
      child.once('exit', () => reject(new Error('the measuring process ended early')));
    });
    await delay(idleMs);
    return rssOf(child.pid!);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

runBench(async () => {
  const root = projectRoot();
  const swc = process.argv.includes('--swc');
  if (!swc && !existsSync(join(root, 'dist/main.js'))) throw new Error('dist/main.js is missing: run `npm run build` (or pass --swc)');
  const idleMs = Number(option('idle-s', '10')) * 1000;
  const rounds = Number(option('rounds', '1'));
  const wanted = option('variants', VARIANTS.map((v) => v.name).join(','));
  const variants = VARIANTS.filter((v) => wanted.split(',').includes(v.name));
  log(
    `idle memory: ${swc ? 'swc build of src/' : 'dist/'} with the embedded defaults, sampled ${idleMs / 1000} s after ready, ` +
      `median of ${rounds}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
  );
  log('total = API process RSS (its worker threads included) + child processes + the redis-server');
  const results = new Map<string, Sample>();
  for (const variant of variants) {
    const samples: Sample[] = [];
    for (let round = 0; round < rounds; round++) samples.push(await measure(root, variant, idleMs, swc));
    samples.sort((a, b) => a.apiRss - b.apiRss);
    const s = samples[Math.floor(samples.length / 2)];
    results.set(variant.name, s);
    const total = s.apiRss + s.childrenRss + s.redisRss;
    log(
      `${variant.name.padEnd(22)} total ${mib(total)} | api ${mib(s.apiRss)} (anon ${mib(s.anonRss)}, file-backed ${mib(s.fileRss)}), ` +
        `children ${mib(s.childrenRss)}, redis ${mib(s.redisRss)} | heap ${mib(s.heapUsed)}/${mib(s.heapTotal)}, ` +
        `external ${mib(s.external)} (array buffers ${mib(s.arrayBuffers)}) | ${s.threads} threads | ` +
        `ready in ${(s.readyMs / 1000).toFixed(1)} s, ${(s.readyCpuMs / 1000).toFixed(1)} s of CPU (load ${loadavg()[0].toFixed(1)})`,
    );
  }
  const base = results.get('default');
  if (base) {
    for (const [name, s] of results) {
      if (name !== 'default' && !name.includes('restart')) log(`delta default - ${name}: ${mib(base.apiRss - s.apiRss)} of API RSS`);
    }
  }
  if (!process.argv.includes('--no-alone')) {
    const nodeAlone = await measureAlone(root, false, 2000);
    const pgliteAlone = await measureAlone(root, true, 2000);
    log(`node alone ${mib(nodeAlone)}; node + PGlite with pgvector ${mib(pgliteAlone)} (PGlite: ${mib(pgliteAlone - nodeAlone)})`);
  }
  return 0;
});
