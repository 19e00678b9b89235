import { z } from 'zod';
import { parseQueueRateLimits } from '../queue/queue-rate-limits.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const url = z.string().url();
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * Every environment variable the system reads. Empty strings count as unset.
 * Defaults here are the "works on a fresh clone" values; production overrides them in docker-compose.yml.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: int(0, 65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Unset: no cross-origin access. `*`: any origin, without credentials. Else a comma-separated list of origins. */
  CORS_ORIGINS: z.string().optional(),

  REDIS_URL: url.optional(),
  REDIS_HOST: z.string().optional(),
  REDIS_PORT: int(1, 65535).default(6379),
  REDIS_DB: int(0, 1024).default(0),
  REDIS_PASSWORD: z.string().optional(),
  /** Redis Cluster seed nodes, `host:port,host:port`: every Redis use goes to the cluster (wins over REDIS_URL). */
  REDIS_CLUSTER_NODES: csv.optional(),

  DATABASE_URL: url.optional(),
  EMBEDDED_DB_PORT: int(0, 65535).default(5433),
  /** Connections of each process's pool. */
  DATABASE_POOL_SIZE: int(1, 1000).default(10),
  /** How often the embedded database is vacuumed and checkpointed (PGlite runs neither by itself); 0 = never. */
  EMBEDDED_DB_MAINTENANCE_MS: int(0, 86_400_000).default(900_000),
  /** The embedded database's buffer pool (MB), held in the process whole from the start. */
  EMBEDDED_DB_SHARED_BUFFERS_MB: int(1, 16_384).default(16),
  /** Longest a statement may run on a PostgreSQL server (DATABASE_URL) before it is cancelled; 0 = no limit. */
  DATABASE_STATEMENT_TIMEOUT_MS: int(0, 2_147_483_647).default(0),
  /** pgvector HNSW build parameters, used when an index is created (a new embedding dimension). */
  VECTOR_HNSW_M: int(2, 100).default(32),
  VECTOR_HNSW_EF_CONSTRUCTION: int(4, 1000).default(128),
  /** Candidates kept while searching the HNSW index (recall against speed). */
  VECTOR_HNSW_EF_SEARCH: int(1, 1000).default(400),
  /** An owner with at most this many vectors is searched exactly (owner index) instead of through HNSW; 0 = never. */
  VECTOR_EXACT_SCAN_MAX_ROWS: int(0, 1_000_000).default(15_000),

  QUEUE_PREFIX: z.string().min(1).default('bull'),
  RUN_WORKERS: bool.default(true),
  WORKER_QUEUES: csv.optional(),
  /** Queue shards: one Redis URL (or `cluster://host:port+host:port`) each; unset = one shard, the main Redis. */
  QUEUE_SHARDS: csv.optional(),
  /** The shards (names 0, 1, … in QUEUE_SHARDS order) this process's workers serve; unset = every shard. */
  WORKER_SHARDS: csv.optional(),
  /** Task routing rules (YAML, or JSON for a .json name): which worker pool each job goes to; unset = all to `default`. */
  ROUTES_FILE: z.string().optional(),
  /** The worker pools this process's workers serve (default: `default`). */
  WORKER_POOLS: csv.optional(),
  WORKER_CONCURRENCY: int(1, 256).default(2),
  WORKER_HEARTBEAT_MS: int(100, 600_000).default(5000),
  WORKER_STALLED_INTERVAL_MS: int(100, 3_600_000).default(30_000),
  WORKER_LOCK_DURATION_MS: int(100, 3_600_000).default(30_000),
  SHUTDOWN_GRACE_MS: int(0, 3_600_000).default(30_000),
  RECONCILE_INTERVAL_MS: int(1000, 86_400_000).default(300_000),
  FAIR_SCHEDULING: bool.default(true),
  QUEUE_RATE_LIMITS: z
    .string()
    .transform((value, ctx) => {
      try {
        return parseQueueRateLimits(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  JOB_MAX_MEMORY_MB: int(32, 1_048_576).default(1024),
  WORKER_MAX_MEMORY_MB: int(0, 1_048_576).default(0),
  WORKER_MAX_JOBS: int(0).default(0),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ACCESS_TTL_SECONDS: int(10, 86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: int(60, 31_536_000).default(604_800),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LOGIN_MAX_FAILURES_PER_MINUTE: int(1, 10_000).default(10),
  JWT_ISSUER: z.string().min(1).default('docai-queue-backend'),
  JWT_AUDIENCE: z.string().min(1).default('docai-api'),
  REGISTRATION: z.enum(['open', 'closed']).default('open'),
  REGISTER_MAX_PER_HOUR: int(1, 1_000_000).default(20),
  /** Password hashes (argon2id, 64 MiB each) at once; unset = 2 × CPUs. */
  HASH_CONCURRENCY: int(1, 256).optional(),
  HASH_QUEUE_MAX: int(0, 100_000).default(100),

  UPLOAD_MAX_BYTES: int(1).default(100 * 1024 * 1024),
  /** Most `file` parts one batch upload takes (POST /files/batch); the parts past it are refused one by one. */
  BATCH_MAX_FILES: int(1, 10_000).default(100),
  QUOTA_MAX_ACTIVE_JOBS: int(0).default(100),
  QUOTA_MAX_STORAGE_BYTES: int(0).default(10 * 1024 ** 3),
  QUOTA_MAX_FILES: int(0).default(10_000),
  QUOTA_MAX_UPLOADS_PER_HOUR: int(0).default(1000),
  QUOTA_ALLOW_HIGH_PRIORITY: bool.default(false),
  QUOTA_WEIGHT: int(1, 1000).default(1),
  CHUNK_SIZE_TOKENS: int(16, 8192).default(512),
  CHUNK_OVERLAP_TOKENS: int(0, 4096).default(64),

  EMBEDDING_PROVIDER: z.enum(['hash', 'openai', 'local']).default('hash'),
  EMBEDDING_DIMENSION: int(8, 4096).default(384),
  EMBEDDING_MODEL: z.string().optional(),
  EMBEDDING_BASE_URL: url.optional(),
  EMBEDDING_API_KEY: z.string().optional(),
  EMBEDDING_BATCH_SIZE: int(1, 2048).default(64),
  EMBEDDING_CONCURRENCY: int(1, 64).default(4),
  EMBEDDING_TIMEOUT_MS: int(100, 600_000).default(30_000),
  EMBEDDING_MAX_RETRIES: int(0, 20).default(3),

  KG_EXTRACTOR: z.enum(['rules', 'llm']).default('rules'),
  KG_EXTRACTION_THREADS: int(0, 64).default(0),
  LLM_BASE_URL: url.optional(),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_CONCURRENCY: int(1, 64).default(2),
  LLM_TIMEOUT_MS: int(100, 600_000).default(60_000),

  METRICS_TOKEN: z.string().optional(),
  ALERT_FAILURE_RATE: num(0, 1).default(0.2),
  ALERT_WEBHOOK_URL: url.optional(),

  /** Remote workers (HTTPS): how long a lease (the job's lock) lasts without a heartbeat. */
  REMOTE_LEASE_MS: int(1000, 3_600_000).default(60_000),
  /** Longest a claim long-polls (the worker's max_wait_ms is capped at it). */
  REMOTE_CLAIM_MAX_WAIT_MS: int(0, 120_000).default(30_000),
  /** Largest result body a remote worker may post (vectors of a large file); past it 413. */
  REMOTE_RESULT_MAX_BYTES: int(1024, 1024 ** 3).default(64 * 1024 ** 2),
  /** Requests per minute per remote-worker token (and per client IP for refused tokens); past it 429. */
  REMOTE_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(1200),

  /** Set: traces are exported over OTLP/HTTP to this collector (`/v1/traces` is appended). Unset: no tracing at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  /** Default: docai-api for the API, docai-worker for a worker process. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
export const KNOWN_ENV_VARS: readonly string[] = Object.keys(envSchema.shape);
