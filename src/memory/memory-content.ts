import { createHash } from 'node:crypto';

/** The text a memory is embedded as: a string value as is, anything else as its JSON. */
export function memoryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fingerprint of a value's JSON: the same content is never embedded or stored twice. */
export function contentSha256(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
