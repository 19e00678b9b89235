/**
 * Queue throughput, ours against raw BullMQ on the same Redis (a redis-server of its own) in the same run: no-op
 * jobs, one worker process per system. `raw`: Queue.add and a plain BullMQ Worker. `ours`: TaskQueueService.enqueue (default options, fair
 * scheduling on, the default) and WorkerRunner (registry, job timeout, stall ledger, fair-share hooks, a log line
 * a job through pino at LOG_LEVEL=info, sent to /dev/null; started as src/worker.ts starts it). `ours fifo`: the same with FAIR_SCHEDULING=false. `raw+options`: raw
 * BullMQ given the job and worker options ours gives it (priority, attempts, retention, metrics), so that ours against
 * it is the cost of our own code.
 * Prints enqueue/s (one producer, one job at a time) and processed/s at worker concurrency 1, 8 and 50 (jobs
 * queued while the queue is paused, then resumed: the workers' rate, not the producer's), each the median of
 * alternating rounds, and ours/raw as the median of the per-round ratios; and each worker process's CPU time a job
 * while they ran (median), which a shared machine's load distorts less than the rates.
 * node scripts/bench/run.mjs queue [--jobs 1000] [--rounds 3]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { DEFAULT_TASK_OPTIONS } from '../../src/infra/queue/task-options.js';
import { TaskQueueService, toBullOptions } from '../../src/infra/queue/task-queue.service.js';
import { log, runBench, waitUntil } from './bench-util.js';
import { startRedis, workerReady } from './queue-bench-support.js';
import { BenchNoopJob } from './queue-jobs.js';

const QUEUE = QueueName.MemoryConsolidation;
const CONCURRENCIES = [1, 8, 50];

interface System {
  label: string;
  prefix: string;
  /** The worker process's pid while it runs. */
  workerPid?: number;
  worker: 'raw' | 'raw-options' | 'ours';
  workerEnv: Record<string, string>;
  queue: Queue;
  enqueue(): Promise<unknown>;
  close(): Promise<void>;
}

interface Rates {
  enqueuePerSecond: number;
  processedPerSecond: number;
  /** CPU time (user + system) the worker process spent a job while the jobs ran: less sensitive to the load. */
  workerCpuUsPerJob: number;
}

/** Clock ticks a second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, µs) a process has used so far, from /proc/<pid>/stat. */
function cpuUsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/**
 * `withOurOptions`: Queue.add with the options TaskQueueService gives a job of no options of its own (priority,
 * attempts, result retention) and a worker with WorkerRunner's BullMQ options (metrics): BullMQ's own cost of our
 * features, so ours/this is the cost of our code alone (registry, timeout, stall ledger, logging, fair hooks).
 */
function rawSystem(redisUrl: string, prefix: string, withOurOptions: boolean): System {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection, prefix });
  const options = withOurOptions ? toBullOptions({ ...DEFAULT_TASK_OPTIONS, ...BenchNoopJob.defaults }) : {};
  return {
    label: withOurOptions ? 'raw+options' : 'raw BullMQ',
    prefix,
    worker: withOurOptions ? 'raw-options' : 'raw',
    workerEnv: {},
    queue,
    enqueue: () => queue.add(BenchNoopJob.name, {}, options),
    close: async () => {
      await queue.close();
      await connection.quit();
    },
  };
}

function ourSystem(redisUrl: string, prefix: string, fairScheduling: boolean): System {
  const env = { NODE_ENV: 'test', REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, FAIR_SCHEDULING: String(fairScheduling) };
  const tasks = new TaskQueueService(loadConfig(env), { kind: 'url', url: redisUrl });
  return {
    label: fairScheduling ? 'ours' : 'ours fifo',
    prefix,
    worker: 'ours',
    workerEnv: { FAIR_SCHEDULING: String(fairScheduling) },
    queue: tasks.queue(QUEUE),
    enqueue: () => tasks.enqueue(BenchNoopJob, {}),
    close: () => tasks.onApplicationShutdown(),
  };
}

/** Starts the system's worker process at `concurrency`; resolves once it serves the queue; returns its stop. */
async function startWorker(system: System, redisUrl: string, concurrency: number, dataDir: string): Promise<() => Promise<void>> {
  const entry = fileURLToPath(new URL('./queue-worker.js', import.meta.url));
  const child: ChildProcess = fork(entry, [system.worker], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: system.prefix,
      DATA_DIR: join(dataDir, system.prefix),
      EMBEDDED_DB_PORT: '0',
      WORKER_CONCURRENCY: String(concurrency),
      ...system.workerEnv,
    },
  });
  const { exited } = await workerReady(child, system.label);
  system.workerPid = child.pid;
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}

/** Enqueues `jobs` while the queue is paused (the producer's rate), then resumes it (the workers' rate). */
async function measure(system: System, jobs: number): Promise<Rates> {
  await system.queue.pause();
  const enqueueStart = performance.now();
  for (let i = 0; i < jobs; i += 1) await system.enqueue();
  const enqueueMs = performance.now() - enqueueStart;
  const cpuStart = cpuUsOf(system.workerPid!);
  const processStart = performance.now();
  await system.queue.resume();
  await waitUntil(async () => (await system.queue.getJobCounts('completed')).completed >= jobs, 600_000, 10);
  const processMs = performance.now() - processStart;
  const workerCpuUsPerJob = (cpuUsOf(system.workerPid!) - cpuStart) / jobs;
  await system.queue.clean(0, 0, 'completed');
  return { enqueuePerSecond: (jobs * 1000) / enqueueMs, processedPerSecond: (jobs * 1000) / processMs, workerCpuUsPerJob };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (value: number) => `${Math.round(value)}/s`.padStart(8);

runBench(async () => {
  const jobs = option('jobs', 1000);
  const rounds = option('rounds', 3);
  const base = `bench-queue-${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  // A redis-server of its own: nothing else's commands share it.
  const redis = await startRedis();
  const systems = [
    rawSystem(redis.url, `${base}-raw`, false),
    rawSystem(redis.url, `${base}-rawopt`, true),
    ourSystem(redis.url, `${base}-ours`, true),
    ourSystem(redis.url, `${base}-fifo`, false),
  ];
  const optionsBaseline = systems[1].label;
  const enqueueRates = new Map<string, number[]>(systems.map((s) => [s.label, []]));
  const enqueueRatios = new Map<string, number[]>(systems.map((s) => [s.label, []]));
  const enqueueOptionRatios = new Map<string, number[]>(systems.map((s) => [s.label, []]));
  try {
    log(`queue bench: ${jobs} no-op jobs a run, ${rounds} alternating rounds; load average ${loadavg()[0].toFixed(1)} on 2 CPUs`);
    for (const concurrency of CONCURRENCIES) {
      const stops: (() => Promise<void>)[] = [];
      try {
        for (const system of systems) stops.push(await startWorker(system, redis.url, concurrency, dataDir));
        for (const system of systems) await measure(system, Math.ceil(jobs / 5)); // warm-up, not reported
        const processed = new Map<string, number[]>(systems.map((s) => [s.label, []]));
        const ratios = new Map<string, number[]>(systems.map((s) => [s.label, []]));
        const optionRatios = new Map<string, number[]>(systems.map((s) => [s.label, []]));
        const workerCpu = new Map<string, number[]>(systems.map((s) => [s.label, []]));
        for (let round = 0; round < rounds; round += 1) {
          const results = new Map<string, Rates>();
          for (const system of systems) results.set(system.label, await measure(system, jobs));
          const raw = results.get(systems[0].label)!;
          const rawWithOptions = results.get(optionsBaseline)!;
          for (const [label, r] of results) {
            processed.get(label)!.push(r.processedPerSecond);
            workerCpu.get(label)!.push(r.workerCpuUsPerJob);
            ratios.get(label)!.push(r.processedPerSecond / raw.processedPerSecond);
            optionRatios.get(label)!.push(r.processedPerSecond / rawWithOptions.processedPerSecond);
            enqueueRates.get(label)!.push(r.enqueuePerSecond);
          }
          for (const system of systems.slice(1)) {
            enqueueRatios.get(system.label)!.push(results.get(system.label)!.enqueuePerSecond / raw.enqueuePerSecond);
            enqueueOptionRatios.get(system.label)!.push(results.get(system.label)!.enqueuePerSecond / rawWithOptions.enqueuePerSecond);
          }
        }
        const figures = systems.map((s, i) => {
          const ratio =
            i === 0 ? '' : ` (${median(ratios.get(s.label)!).toFixed(2)}x raw${i > 1 ? `, ${median(optionRatios.get(s.label)!).toFixed(2)}x raw+options` : ''})`;
          return `${s.label} ${rate(median(processed.get(s.label)!))}${ratio}`;
        });
        log(`  processed, concurrency ${String(concurrency).padStart(2)}: ${figures.join('   ')}`);
        const cpuFigures = systems.map((s) => `${s.label} ${median(workerCpu.get(s.label)!).toFixed(0)} µs`);
        log(`    worker CPU a job: ${cpuFigures.join('   ')}`);
      } finally {
        for (const stop of stops) await stop();
      }
    }
    const enqueueFigures = systems.map((s) => `${s.label} ${rate(median(enqueueRates.get(s.label)!))}`);
    log(`  enqueue (one at a time):   ${enqueueFigures.join('   ')}`);
    const enqueueRatioFigures = systems.slice(2).map(
      (s) => `${s.label} ${median(enqueueRatios.get(s.label)!).toFixed(2)}x raw, ${median(enqueueOptionRatios.get(s.label)!).toFixed(2)}x raw+options`,
    );
    log(`  enqueue ratios: ${enqueueRatioFigures.join('   ')}`);
    log(`  load average at the end ${loadavg()[0].toFixed(1)}`);
    return 0;
  } finally {
    for (const system of systems) await system.close();
    redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
