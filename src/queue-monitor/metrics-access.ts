import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** GET /metrics is open to loopback callers (a local Prometheus or sidecar) and to callers with METRICS_TOKEN. */
export function metricsAccessAllowed(remoteAddress: string | undefined, authorization: string | undefined, token?: string): boolean {
  if (isLoopback(remoteAddress)) return true;
  if (!token) return false;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (plain === '::1') return true;
  return isIP(plain) === 4 && plain.startsWith('127.');
}
