import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { answersPing } from '../../src/infra/redis/redis-resolver.js';

const run = promisify(execFile);

export interface ClusterNode {
  port: number;
  /** Kills the node with SIGKILL (a crash: no shutdown, no final save). */
  kill(): Promise<void>;
  /** Starts a killed node again on its port with its cluster config (its data is gone: no persistence). */
  restart(): Promise<void>;
  readonly alive: boolean;
}

export interface LocalRedisCluster {
  nodes: ClusterNode[];
  /** `host:port,host:port,…` of every node, for REDIS_CLUSTER_NODES. */
  seeds: string;
  /** The port of the master serving `key`'s slot now (asked of a live node). */
  masterPortOf(key: string): Promise<number>;
  /** Resolves once every live node reports cluster_state:ok and every slot has a live master. */
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  /** Resolves once a live node reports cluster_state:fail (a slot without a master). */
  waitUntilFailed(timeoutMs?: number): Promise<void>;
  /** Stops every node and removes the data directory (always call it in afterAll). */
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of the test's own, from the machine's `redis-server`: `masters` masters with one replica each on
 * free ports, data in a temporary directory, a short cluster-node-timeout so a replica takes over a killed master
 * within about two seconds.
 */
export async function startRedisCluster(options: { masters?: number; nodeTimeoutMs?: number } = {}): Promise<LocalRedisCluster> {
  const count = (options.masters ?? 3) * 2;
  const dir = mkdtempSync(join(tmpdir(), 'docai-cluster-'));
  const ports = await freeClusterPorts(count);
  const children = new Map<number, ChildProcess>();
  const stopAll = async () => {
    await Promise.all([...children.values()].map((child) => killChild(child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) children.set(port, await spawnNode(port, dir, options.nodeTimeoutMs ?? 1000));
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'], { timeout: 30_000 });
  } catch (error) {
    await stopAll();
    throw new Error(`could not start a local Redis Cluster (redis-server and redis-cli must be on PATH): ${String(error)}`, {
      cause: error,
    });
  }
  const alivePorts = () => ports.filter((port) => !exited(children.get(port)!));
  const ask = async (port: number, ...args: string[]) => (await run('redis-cli', ['-p', String(port), ...args], { timeout: 5000 })).stdout;
  const cluster: LocalRedisCluster = {
    nodes: ports.map((port) => ({
      port,
      kill: async () => killChild(children.get(port)!),
      restart: async () => {
        if (exited(children.get(port)!)) children.set(port, await spawnNode(port, dir, options.nodeTimeoutMs ?? 1000));
      },
      get alive() {
        return !exited(children.get(port)!);
      },
    })),
    seeds: ports.map((port) => `127.0.0.1:${port}`).join(','),
    masterPortOf: async (key) => {
      const slot = Number((await ask(alivePorts()[0], 'CLUSTER', 'KEYSLOT', key)).trim());
      return masterOfSlot(await ask(alivePorts()[0], 'CLUSTER', 'NODES'), slot, alivePorts());
    },
    waitUntilHealthy: async (timeoutMs = 30_000) => {
      await poll(timeoutMs, 'cluster healthy', async () => {
        for (const port of alivePorts()) {
          if (!(await ask(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
          const replication = await ask(port, 'INFO', 'replication');
          if (replication.includes('role:slave') && !replication.includes('master_link_status:up')) return false;
        }
        const nodes = await ask(alivePorts()[0], 'CLUSTER', 'NODES');
        return covered(nodes, alivePorts());
      });
    },
    waitUntilFailed: async (timeoutMs = 30_000) => {
      await poll(timeoutMs, 'cluster failed', async () => (await ask(alivePorts()[0], 'CLUSTER', 'INFO')).includes('cluster_state:fail'));
    },
    stop: stopAll,
  };
  await cluster.waitUntilHealthy();
  return cluster;
}

async function spawnNode(port: number, dir: string, nodeTimeoutMs: number): Promise<ChildProcess> {
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
    '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', String(nodeTimeoutMs),
    '--dir', dir, '--dbfilename', `dump-${port}.rdb`, '--save', '', '--appendonly', 'no',
    // A replica takes over however long ago it last heard from its master (the default refuses after 10 node timeouts).
    '--cluster-replica-validity-factor', '0', '--repl-ping-replica-period', '1', '--repl-diskless-sync', 'yes',
    '--repl-diskless-sync-delay', '0',
  ];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await answersPing('127.0.0.1', port, 200)); i++) await sleep(50);
  if (!(await answersPing('127.0.0.1', port, 500))) throw new Error(`redis-server on ${port} did not start`);
  return child;
}

/** The master of `slot` in CLUSTER NODES output (a master of a live process, whose ranges hold the slot). */
function masterOfSlot(nodes: string, slot: number, alive: number[]): number {
  for (const line of nodes.trim().split('\n')) {
    const [, address, flags, , , , , , ...ranges] = line.split(' ');
    if (!flags.includes('master') || !alive.includes(portOf(address))) continue;
    for (const range of ranges) {
      const [from, to = from] = range.split('-').map(Number);
      if (slot >= from && slot <= to) return portOf(address);
    }
  }
  throw new Error(`no live master holds slot ${slot}`);
}

/** True when the masters of live processes cover all 16384 slots. */
function covered(nodes: string, alive: number[]): boolean {
  let slots = 0;
  for (const line of nodes.trim().split('\n')) {
    const [, address, flags, , , , , , ...ranges] = line.split(' ');
    if (!flags.includes('master') || !alive.includes(portOf(address))) continue;
    for (const range of ranges.filter((r) => !r.startsWith('['))) {
      const [from, to = from] = range.split('-').map(Number);
      slots += to - from + 1;
    }
  }
  return slots === 16384;
}

function portOf(address: string): number {
  return Number(address.split('@')[0].split(':').pop());
}

/** `count` free ports whose cluster bus ports (port + 10000) are free too. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (ports.includes(port) || ports.includes(port + 10000) || ports.includes(port - 10000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10000))) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function killChild(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** exitCode stays null for a process killed by a signal: check both. */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function poll(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
