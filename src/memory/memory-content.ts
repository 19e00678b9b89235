import { createHash } from 'node:crypto';

/** The text a memory is embedded as: a string value as is, anything else as its JSON. */
export function memoryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fingerprint of a value: the same JSON is never embedded or stored twice. */
export function contentSha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
