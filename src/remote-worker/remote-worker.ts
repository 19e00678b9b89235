import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../infra/config/app-config.js';
import { runEntryPoint } from '../infra/process-lifecycle.js';
import { isRemoteQueue, REMOTE_QUEUES } from '../remote-workers/remote-queues.js';
import { RemoteApiError, RemoteWorkerClient } from './remote-worker.client.js';
import { RemoteStepRunner } from './remote-step.runner.js';

/**
 * The reference remote worker: `npm run remote-worker -- --api URL --token rw_… [--queues vectorization,kg_extraction]`.
 * Claims jobs over HTTPS, reads their chunks, embeds or extracts them here, heartbeats while it works, and hands the
 * result in. Holds only the URL and the token: no Redis, no database, no shared folder.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      queues: { type: 'string', default: 'vectorization,kg_extraction' },
      'max-wait-ms': { type: 'string', default: '20000' },
    },
  });
  const queues = values.queues.split(',').map((q) => q.trim()).filter(Boolean);
  const maxWaitMs = Number(values['max-wait-ms']);
  const problem = argumentProblem(values.api, values.token, queues, maxWaitMs);
  if (problem || !values.api || !values.token) {
    console.error(`${problem}\nusage: npm run remote-worker -- --api URL --token rw_… [--queues ${REMOTE_QUEUES.join(',')}] [--max-wait-ms 20000]`);
    process.exit(2);
  }
  const client = new RemoteWorkerClient(values.api, values.token);
  // The API's settings schema wants JWT_SECRET under NODE_ENV=production; this process signs no JWT.
  const runner = new RemoteStepRunner(loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || randomBytes(32).toString('hex') }));
  let stopping = false;
  const stop = () => (stopping = true);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(`remote worker: ${values.api}, queues ${queues.join(', ')}`);

  while (!stopping) {
    let claimed;
    try {
      claimed = await client.claim(queues, maxWaitMs);
    } catch (error) {
      if (error instanceof RemoteApiError && (error.status === 401 || error.status === 403)) {
        console.error(`remote worker: token refused (${error.message}); exiting`);
        process.exitCode = 1;
        break;
      }
      console.error(`remote worker: claim failed: ${(error as Error).message}; retrying`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      continue;
    }
    if (!claimed) continue;
    const { lease, leaseMs } = claimed;
    console.log(`remote worker: leased ${lease.job.queue} job ${lease.job.id} (${lease.job.name})`);
    const started = Date.now();
    let progress = 0;
    const beat = setInterval(() => void client.heartbeat(lease.lease_id, progress).catch(() => undefined), Math.floor(leaseMs / 3));
    try {
      let header;
      const chunks = [];
      for await (const line of client.input(lease.lease_id)) {
        if (line.type === 'job') header = line;
        else chunks.push(line);
      }
      if (!header) throw new Error('the input had no job line');
      const result = await runner.run(header, chunks, async (done) => void (progress = Math.round(done)));
      await client.complete(lease.lease_id, result);
      console.log(`remote worker: ${lease.job.queue} job ${lease.job.id} completed in ${Date.now() - started} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`remote worker: ${lease.job.queue} job ${lease.job.id} failed: ${message}`);
      if (!(error instanceof RemoteApiError)) {
        await client.fail(lease.lease_id, message, !runner.isPermanent(error)).catch(() => undefined);
      }
    } finally {
      clearInterval(beat);
    }
  }
  await runner.close();
}

/** What is wrong with the command line (the worker would only loop on 400 answers), or undefined. */
function argumentProblem(api: string | undefined, token: string | undefined, queues: string[], maxWaitMs: number): string | undefined {
  if (!api || !token) return '--api and --token are required';
  if (!URL.canParse(api)) return `--api ${api} is not a URL`;
  if (queues.length === 0 || !queues.every(isRemoteQueue)) return `--queues takes ${REMOTE_QUEUES.join(', ')} (comma-separated)`;
  if (!Number.isInteger(maxWaitMs) || maxWaitMs < 0 || maxWaitMs > 120_000) return '--max-wait-ms takes 0 to 120000';
  return undefined;
}

void runEntryPoint(main);
