/** Limits and defaults of agent memory (the REST contract of issue 7). */
export const MEMORY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,256}$/;
// No ':' in agent ids: `aam:memory:{user}:{agent}:{key}` must split one way only, or agent "a:b" key "c" would be
// agent "a" key "b:c".
export const AGENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,256}$/;
export const DEFAULT_AGENT_ID = 'default';
export const MAX_VALUE_BYTES = 64 * 1024;
export const MIN_TTL_SECONDS = 1;
export const MAX_TTL_SECONDS = 86_400;
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;
/** Writes to one key within this window collapse into one consolidation job. */
export const CONSOLIDATION_DEBOUNCE_MS = 2_000;
/** Only the start of a long value is embedded: embedding models take a few thousand tokens at most. */
export const MAX_EMBEDDED_CHARS = 8_000;
