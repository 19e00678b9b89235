/**
 * Hides credentials in text bound for output (logs, banners, error messages, health details): the password of
 * every URL (`redis://user:secret@host` → `redis://user:***@host`) and the value of every password-, secret-,
 * token- or key-like query parameter (`?password=secret` → `?password=***`).
 */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):([^\s/?#@]+)@/gi;
const SECRET_PARAMETER = /(^|[?&;\s])([\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key))=([^&\s#"']+)/gi;
export const MASK = '***';

export function maskCredentials(text: string): string {
  return text.replace(URL_PASSWORD, `$1:${MASK}@`).replace(SECRET_PARAMETER, `$1$2=${MASK}`);
}

/** maskCredentials applied to every string inside a JSON-like value (error details). */
export function maskCredentialsIn(value: unknown): unknown {
  if (typeof value === 'string') return maskCredentials(value);
  if (Array.isArray(value)) return value.map(maskCredentialsIn);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskCredentialsIn(inner)]));
  }
  return value;
}
