/**
 * Hides credentials in text bound for output (logs, banners, error messages, health details): the password of
 * every URL (`redis://user:secret@host` → `redis://user:***@host`) and the value of every password-, secret-,
 * token- or key-like query parameter (`?password=secret` → `?password=***`).
 */
// Both patterns run in linear time on hostile text (a huge request body echoed in an error): the URL one starts
// only at "://", the parameter one only after a separator, and every repeated part is bounded.
const URL_PASSWORD = /:\/\/([^\s/?#@:]{0,256}):([^\s/?#@]{1,1024})@/g;
const SECRET_PARAMETER = /(^|[?&;\s])([\w.-]{0,64}(?:password|passwd|pwd|secret|token|api[_-]?key))=([^&\s#"']+)/gi;
export const MASK = '***';

export function maskCredentials(text: string): string {
  // Each pattern needs its literal ("://", "="): most log lines have neither and skip both regexes (every job's line).
  const urlsMasked = text.includes('://') ? text.replace(URL_PASSWORD, `://$1:${MASK}@`) : text;
  return urlsMasked.includes('=') ? urlsMasked.replace(SECRET_PARAMETER, `$1$2=${MASK}`) : urlsMasked;
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
