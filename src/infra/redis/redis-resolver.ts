import { execFileSync } from 'node:child_process';
import { Socket } from 'node:net';
import { type AppConfig } from '../config/app-config.js';
import { describeEndpoint, type RedisEndpoint } from './redis-endpoint.js';
import { type RedisTarget } from './redis-target.js';

/**
 * Finds the Redis to use: REDIS_CLUSTER_NODES (a cluster), else REDIS_URL, else REDIS_HOST/PORT, else one answering
 * on 127.0.0.1:6379, else an embedded server from redis-memory-server (a `redis-server` on PATH first, a build only
 * as a last resort).
 */
export async function resolveRedis(config: AppConfig): Promise<RedisTarget> {
  const endpoint = configuredEndpoint(config);
  if (endpoint) return configured(endpoint);
  const { db } = config.redis;
  if (await answersPing('127.0.0.1', 6379)) return { ...configured(urlEndpoint(`redis://127.0.0.1:6379/${db}`)), source: 'local' };
  return startEmbeddedRedis(db);
}

/** The Redis the environment names (REDIS_CLUSTER_NODES, else REDIS_URL, else REDIS_HOST/PORT), if any. */
export function configuredEndpoint(config: AppConfig): RedisEndpoint | undefined {
  const { url, host, port, db, password, clusterNodes } = config.redis;
  if (clusterNodes) return { kind: 'cluster', nodes: clusterNodes, password };
  if (url) return urlEndpoint(url);
  if (!host) return undefined;
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return urlEndpoint(`redis://${auth}${host}:${port}/${db}`);
}

function configured(endpoint: RedisEndpoint): RedisTarget {
  return { endpoint, url: describeEndpoint(endpoint), source: 'configured', stop: async () => undefined };
}

function urlEndpoint(url: string): RedisEndpoint {
  return { kind: 'url', url };
}

export async function startEmbeddedRedis(db: number): Promise<RedisTarget> {
  const systemBinary = findOnPath('redis-server');
  if (systemBinary) process.env.REDISMS_SYSTEM_BINARY = systemBinary;
  const { RedisMemoryServer } = await import('redis-memory-server');
  const server = await RedisMemoryServer.create({ instance: { ip: '127.0.0.1' } });
  const host = await server.getHost();
  const port = await server.getPort();
  const url = `redis://${host}:${port}/${db}`;
  return {
    endpoint: urlEndpoint(url),
    url,
    source: 'embedded',
    stop: async () => {
      await server.stop();
    },
  };
}

function findOnPath(binary: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True when something at host:port answers a Redis PING within a short timeout. */
export function answersPing(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}
