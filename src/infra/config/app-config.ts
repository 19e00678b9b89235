import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { type z } from 'zod';
import { ALL_QUEUES, isQueueName, type QueueName } from '../queue/queue-names.js';
import type { QueueRateLimits } from '../queue/queue-rate-limits.js';
import { checkQueueShards } from '../queue/shards/shard-endpoint.js';
import { DEFAULT_POOL, isPoolName } from '../queue/routing/pool-queue-name.js';
import { loadRoutesFile } from '../queue/routing/routes-file.js';
import { TaskRouter } from '../queue/routing/task-router.js';
import { clusterNodesFromEnv } from '../redis/redis-cluster-config.js';
import { type RedisNode } from '../redis/redis-endpoint.js';
import { ConfigError } from './config-error.js';
import { type Env, envSchema } from './env.schema.js';

/** Typed configuration, read and validated once at start, then injected everywhere (DI token: the class). */
export class AppConfig {
  readonly env: Env['NODE_ENV'];
  /** corsOrigins: [] = no cross-origin access; '*' = any origin, without credentials. */
  readonly http: { host: string; port: number; corsOrigins: string[] | '*' };
  readonly dataDir: string;
  readonly logLevel: Env['LOG_LEVEL'];
  /** Human-readable lines (pino-pretty) or one JSON object per line. */
  readonly prettyLogs: boolean;
  readonly redis: { url?: string; host?: string; port: number; db: number; password?: string; clusterNodes?: RedisNode[] };
  readonly database: {
    url?: string;
    embeddedPort: number;
    embeddedMaintenanceMs: number;
    embeddedSharedBuffersMb: number;
    poolSize: number;
    statementTimeoutMs: number;
  };
  /** pgvector HNSW index: m and efConstruction when an index is built, efSearch at every search. */
  readonly vectorIndex: { m: number; efConstruction: number; efSearch: number; exactScanMaxRows: number };
  readonly queue: {
    prefix: string;
    runWorkers: boolean;
    workerQueues: QueueName[];
    /** QUEUE_SHARDS endpoints (undefined: one shard on the main Redis) and the shards this process's workers serve. */
    shards?: string[];
    workerShards?: string[];
    /** ROUTES_FILE's rules: the worker pool of each job (src/infra/queue/routing). */
    routes: TaskRouter;
    /** WORKER_POOLS: the pools this process's workers serve. */
    workerPools: string[];
    concurrency: number;
    heartbeatMs: number;
    stalledIntervalMs: number;
    lockDurationMs: number;
    shutdownGraceMs: number;
    /** How often the job reconciler looks for files whose job is gone or failed (it also runs at start). */
    reconcileIntervalMs: number;
    /** Weighted round-robin between users within each queue (src/infra/queue/fair-scheduler.ts). */
    fairScheduling: boolean;
    rateLimits: QueueRateLimits;
    /** Memory cap of one job's CPU-heavy step (its worker thread), MiB. */
    jobMaxMemoryMb: number;
    /** A worker process stops taking jobs and exits 0 past this RSS (MiB) or job count; 0 = no limit. */
    workerMaxMemoryMb: number;
    workerMaxJobs: number;
  };
  readonly auth: {
    jwtSecret?: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    adminEmail?: string;
    adminPassword?: string;
    loginMaxFailuresPerMinute: number;
    jwtIssuer: string;
    jwtAudience: string;
    registration: 'open' | 'closed';
    registerMaxPerHour: number;
    /** Password hashes computed at once; past it they wait in a queue of hashQueueMax, then 503 BUSY. */
    hashConcurrency: number;
    hashQueueMax: number;
  };
  readonly files: { uploadMaxBytes: number; batchMaxFiles: number; chunkSizeTokens: number; chunkOverlapTokens: number };
  /** The default per-user limits (admins are exempt unless given their own). */
  readonly quota: {
    maxActiveJobs: number;
    maxStorageBytes: number;
    maxFiles: number;
    maxUploadsPerHour: number;
    allowHighPriority: boolean;
    weight: number;
  };
  readonly embedding: {
    provider: Env['EMBEDDING_PROVIDER'];
    dimension: number;
    model?: string;
    baseUrl?: string;
    apiKey?: string;
    batchSize: number;
    concurrency: number;
    timeoutMs: number;
    maxRetries: number;
  };
  readonly graph: {
    extractor: Env['KG_EXTRACTOR'];
    /** Worker threads of the rules extractor; 0 = one per CPU, at most 4; 1 = in the job's own thread. */
    extractionThreads: number;
    llmBaseUrl?: string;
    llmModel?: string;
    llmApiKey?: string;
    llmConcurrency: number;
    llmTimeoutMs: number;
  };
  readonly monitor: { metricsToken?: string; alertFailureRate: number; alertWebhookUrl?: string };
  /** Remote workers over HTTPS (src/remote-workers). */
  readonly remoteWorkers: { leaseMs: number; claimMaxWaitMs: number; resultMaxBytes: number; rateLimitPerMinute: number };
  readonly telemetry: { otlpEndpoint?: string; serviceName?: string };

  constructor(e: Env) {
    this.env = e.NODE_ENV;
    this.http = {
      host: e.HOST,
      port: e.PORT,
      corsOrigins: parseCorsOrigins(e.CORS_ORIGINS),
    };
    this.dataDir = resolve(e.DATA_DIR);
    this.logLevel = e.LOG_LEVEL;
    this.prettyLogs =
      e.LOG_FORMAT === 'pretty' || (e.LOG_FORMAT === 'auto' && e.NODE_ENV === 'development' && process.stdout.isTTY === true);
    this.redis = {
      url: e.REDIS_URL,
      host: e.REDIS_HOST,
      port: e.REDIS_PORT,
      db: e.REDIS_DB,
      password: e.REDIS_PASSWORD,
      clusterNodes: clusterNodesFromEnv(e.REDIS_CLUSTER_NODES, e.QUEUE_PREFIX),
    };
    this.database = {
      url: e.DATABASE_URL,
      embeddedPort: e.EMBEDDED_DB_PORT,
      embeddedMaintenanceMs: e.EMBEDDED_DB_MAINTENANCE_MS,
      embeddedSharedBuffersMb: e.EMBEDDED_DB_SHARED_BUFFERS_MB,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    };
    this.vectorIndex = {
      m: e.VECTOR_HNSW_M,
      efConstruction: e.VECTOR_HNSW_EF_CONSTRUCTION,
      efSearch: e.VECTOR_HNSW_EF_SEARCH,
      exactScanMaxRows: e.VECTOR_EXACT_SCAN_MAX_ROWS,
    };
    this.queue = {
      prefix: e.QUEUE_PREFIX,
      runWorkers: e.RUN_WORKERS,
      workerQueues: (e.WORKER_QUEUES ?? [...ALL_QUEUES]) as QueueName[],
      shards: e.QUEUE_SHARDS,
      workerShards: e.WORKER_SHARDS,
      routes: new TaskRouter(e.ROUTES_FILE ? loadRoutesFile(e.ROUTES_FILE) : []),
      workerPools: e.WORKER_POOLS?.length ? [...new Set(e.WORKER_POOLS)] : [DEFAULT_POOL],
      concurrency: e.WORKER_CONCURRENCY,
      heartbeatMs: e.WORKER_HEARTBEAT_MS,
      stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
      lockDurationMs: e.WORKER_LOCK_DURATION_MS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
      fairScheduling: e.FAIR_SCHEDULING,
      rateLimits: e.QUEUE_RATE_LIMITS ?? {},
      jobMaxMemoryMb: e.JOB_MAX_MEMORY_MB,
      workerMaxMemoryMb: e.WORKER_MAX_MEMORY_MB,
      workerMaxJobs: e.WORKER_MAX_JOBS,
    };
    this.auth = {
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
      adminEmail: e.ADMIN_EMAIL,
      adminPassword: e.ADMIN_PASSWORD,
      loginMaxFailuresPerMinute: e.LOGIN_MAX_FAILURES_PER_MINUTE,
      jwtIssuer: e.JWT_ISSUER,
      jwtAudience: e.JWT_AUDIENCE,
      registration: e.REGISTRATION,
      registerMaxPerHour: e.REGISTER_MAX_PER_HOUR,
      hashConcurrency: e.HASH_CONCURRENCY ?? 2 * availableParallelism(),
      hashQueueMax: e.HASH_QUEUE_MAX,
    };
    this.files = {
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      batchMaxFiles: e.BATCH_MAX_FILES,
      chunkSizeTokens: e.CHUNK_SIZE_TOKENS,
      chunkOverlapTokens: e.CHUNK_OVERLAP_TOKENS,
    };
    this.quota = {
      maxActiveJobs: e.QUOTA_MAX_ACTIVE_JOBS,
      maxStorageBytes: e.QUOTA_MAX_STORAGE_BYTES,
      maxFiles: e.QUOTA_MAX_FILES,
      maxUploadsPerHour: e.QUOTA_MAX_UPLOADS_PER_HOUR,
      allowHighPriority: e.QUOTA_ALLOW_HIGH_PRIORITY,
      weight: e.QUOTA_WEIGHT,
    };
    this.embedding = {
      provider: e.EMBEDDING_PROVIDER,
      dimension: e.EMBEDDING_DIMENSION,
      model: e.EMBEDDING_MODEL,
      baseUrl: e.EMBEDDING_BASE_URL,
      apiKey: e.EMBEDDING_API_KEY,
      batchSize: e.EMBEDDING_BATCH_SIZE,
      concurrency: e.EMBEDDING_CONCURRENCY,
      timeoutMs: e.EMBEDDING_TIMEOUT_MS,
      maxRetries: e.EMBEDDING_MAX_RETRIES,
    };
    this.graph = {
      extractor: e.KG_EXTRACTOR,
      extractionThreads: e.KG_EXTRACTION_THREADS,
      llmBaseUrl: e.LLM_BASE_URL,
      llmModel: e.LLM_MODEL,
      llmApiKey: e.LLM_API_KEY,
      llmConcurrency: e.LLM_CONCURRENCY,
      llmTimeoutMs: e.LLM_TIMEOUT_MS,
    };
    this.monitor = {
      metricsToken: e.METRICS_TOKEN,
      alertFailureRate: e.ALERT_FAILURE_RATE,
      alertWebhookUrl: e.ALERT_WEBHOOK_URL,
    };
    this.remoteWorkers = {
      leaseMs: e.REMOTE_LEASE_MS,
      claimMaxWaitMs: e.REMOTE_CLAIM_MAX_WAIT_MS,
      resultMaxBytes: e.REMOTE_RESULT_MAX_BYTES,
      rateLimitPerMinute: e.REMOTE_RATE_LIMIT_PER_MINUTE,
    };
    this.telemetry = { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME };
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }

  /** True when this process should run the processor of `queue`. */
  runsQueue(queue: QueueName): boolean {
    return this.queue.runWorkers && this.queue.workerQueues.includes(queue);
  }
}

function parseCorsOrigins(value: string | undefined): string[] | '*' {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return origins.length === 1 && origins[0] === '*' ? '*' : origins;
}

/** Reads and validates the environment once. Throws ConfigError naming the first bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) throw toConfigError(parsed.error);
  const env = parsed.data;
  for (const queue of env.WORKER_QUEUES ?? []) {
    if (!isQueueName(queue)) {
      throw new ConfigError('WORKER_QUEUES', `has unknown queue "${queue}" (known: ${ALL_QUEUES.join(', ')})`);
    }
  }
  const badPool = env.WORKER_POOLS?.find((pool) => !isPoolName(pool));
  if (badPool) throw new ConfigError('WORKER_POOLS', `has an invalid pool name "${badPool}" (letters, digits, '_' and '-')`);
  checkQueueShards(env.QUEUE_SHARDS, env.WORKER_SHARDS);
  if (env.CHUNK_OVERLAP_TOKENS >= env.CHUNK_SIZE_TOKENS) {
    throw new ConfigError('CHUNK_OVERLAP_TOKENS', 'must be smaller than CHUNK_SIZE_TOKENS');
  }
  if (env.VECTOR_HNSW_EF_CONSTRUCTION < 2 * env.VECTOR_HNSW_M) {
    throw new ConfigError('VECTOR_HNSW_EF_CONSTRUCTION', 'must be at least twice VECTOR_HNSW_M (a pgvector rule)');
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  const corsOrigins = parseCorsOrigins(env.CORS_ORIGINS);
  if (corsOrigins !== '*' && corsOrigins.includes('*')) {
    throw new ConfigError('CORS_ORIGINS', 'is either * alone (any origin, no credentials) or a list of origins');
  }
  if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (env.ADMIN_PASSWORD && !env.ADMIN_EMAIL) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (env.EMBEDDING_PROVIDER !== 'hash' && !env.EMBEDDING_MODEL) {
    throw new ConfigError('EMBEDDING_MODEL', `is required when EMBEDDING_PROVIDER=${env.EMBEDDING_PROVIDER}`);
  }
  if (env.KG_EXTRACTOR === 'llm') {
    if (!env.LLM_BASE_URL) throw new ConfigError('LLM_BASE_URL', 'is required when KG_EXTRACTOR=llm');
    if (!env.LLM_MODEL) throw new ConfigError('LLM_MODEL', 'is required when KG_EXTRACTOR=llm');
  }
  return new AppConfig(env);
}

function toConfigError(error: z.ZodError): ConfigError {
  const issue = error.issues[0];
  const variable = String(issue.path[0] ?? 'environment');
  return new ConfigError(variable, `is invalid: ${issue.message}`);
}
