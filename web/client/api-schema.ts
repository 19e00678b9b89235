// Generated from openapi.json by openapi-typescript (`npm run openapi`). Do not edit by hand.
/* eslint-disable */
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redis and the database answer (503 when either is down) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description 400 invalid email or password under 8 characters, 409 EMAIL_TAKEN, 403 REGISTRATION_CLOSED when REGISTRATION=closed (admins create users), 429 RATE_LIMITED past REGISTER_MAX_PER_HOUR attempts from one address, 503 BUSY when too many passwords are being hashed (both with Retry-After).
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Access and refresh tokens (401 wrong credentials, 429 too many failures) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate: a new pair; the presented refresh token is revoked (reusing it revokes the login) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password; revokes every other session of yours (this one stays)
         * @description 400 WRONG_PASSWORD when current_password is wrong (counted as a failed login: 429 past the limit).
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the presented access token and every token of its login */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, newest first (admin) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create an account (admin), also when REGISTRATION=closed; 409 EMAIL_TAKEN */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change role or disabled (admin); disabling or a role change revokes the sessions */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/auth/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue the token_revocation job that revokes every live token of the user (admin) */
        post: operations["UsersController_revokeSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vectors/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search the caller's chunks (admin: all files): vector (configured model), text (full-text) or hybrid */
        post: operations["VectorsController_search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vectors/{file_id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue re-embedding of a file's chunks (same job while one is queued) */
        post: operations["VectorsController_regenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vectors/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's vectors of the configured model: model, dimension, count, last update */
        get: operations["VectorsController_fileVectors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the caller's entities by name and type, most mentioned first (admin: all users) */
        get: operations["GraphController_searchEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/entities/{id}/neighbors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entities within 1..3 relations of an entity, and the relations among them */
        get: operations["GraphController_neighbors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/{file_id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue re-extraction of a file's graph (same job while one is queued) */
        post: operations["GraphController_regenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's graph: its most-mentioned entities and the file's relations among them */
        get: operations["GraphController_fileGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload several documents in one request (up to BATCH_MAX_FILES `file` parts)
         * @description Each `file` part obeys the single-upload rules (size, type by content, duplicates, quotas). A part that breaks one is refused with `error: {code, message}` while the others are uploaded; parts past BATCH_MAX_FILES are refused with TOO_MANY_FILES. Follow the batch at GET /api/v1/files/batches/{batch_id}.
         */
        post: operations["UploadBatchesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/batches/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch upload's progress: counts by status, searchable files, each file's status */
        get: operations["UploadBatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/batches/{batch_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: the batch (event `batch`) at every change, until every file has ended */
        get: operations["UploadBatchesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's files (admin: all), newest first */
        get: operations["FilesController_list"];
        put?: never;
        /**
         * Upload a document (streamed); queues its processing
         * @description Accepted: pdf, docx, html, md, txt, csv, json (decided by content, plus extension for text formats). Same content uploaded again by the same user answers 200 with the existing file and `duplicate: true`, unless `reprocess=true`. Pass your own uuid as X-File-Id (or a `file_id` field before `file`) to poll upload progress while uploading. POST /api/v1/files/upload is the original system's route for the same operation (same request and answers); both are served.
         */
        post: operations["FilesController_upload[0]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a document (streamed); queues its processing
         * @description Accepted: pdf, docx, html, md, txt, csv, json (decided by content, plus extension for text formats). Same content uploaded again by the same user answers 200 with the existing file and `duplicate: true`, unless `reprocess=true`. Pass your own uuid as X-File-Id (or a `file_id` field before `file`) to poll upload progress while uploading. POST /api/v1/files/upload is the original system's route for the same operation (same request and answers); both are served.
         */
        post: operations["FilesController_upload[1]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file */
        get: operations["FilesController_get"];
        put?: never;
        post?: never;
        /** Cancel its jobs; remove blob, chunks, vectors, graph contributions and status */
        delete: operations["FilesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Processing status: live from Redis, or the stored final state once the key expired */
        get: operations["FilesController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: every status change (event `status`) until completed or failed */
        get: operations["FilesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/upload-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upload progress (kept one hour) */
        get: operations["FilesController_uploadProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/chunks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file's chunks, by chunk_index */
        get: operations["FilesController_chunks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's memory keys of one agent (SCAN, paged by cursor) */
        get: operations["MemoryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memory/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Closest long-term memories of the caller, including expired short-term keys */
        post: operations["MemoryController_search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memory/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a memory (404 MEMORY_NOT_FOUND once expired) */
        get: operations["MemoryController_get"];
        /** Store a JSON value (≤ 64 KiB) under a key with a TTL; persisted values become searchable */
        put: operations["MemoryController_put"];
        post?: never;
        /** Delete a memory: the short-term key and its long-term row */
        delete: operations["MemoryController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Names of every queue, and each one's worker pools */
        get: operations["QueueMonitorController_queues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per status of every queue (from BullMQ counters, constant cost) */
        get: operations["QueueMonitorController_allStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per status of one queue */
        get: operations["QueueMonitorController_queueStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs of one status (queued: next to run first; others: most recent first) */
        get: operations["QueueMonitorController_listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job: data, result, error and stack trace, progress, attempts, timings, worker, logs */
        get: operations["QueueMonitorController_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job, in whichever queue holds it (ids are per queue: the first match wins) */
        get: operations["QueueMonitorController_findJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Worker processes from the registry (dead after two missed heartbeats, then pruned) */
        get: operations["QueueMonitorController_workers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs/{job_id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Requeue a failed job */
        post: operations["QueueActionsController_requeue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/requeue-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Requeue the failed jobs of a queue (all, or the oldest `count`) */
        post: operations["QueueActionsController_requeueFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued, scheduled or deferred job (removed, recorded as canceled) */
        post: operations["QueueActionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs/{job_id}/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Abort a started job: the worker running it gets the request over Redis, its AbortSignal fires and the job fails with JOB_ABORTED */
        post: operations["QueueActionsController_abort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/jobs/{job_id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a scheduled job now */
        post: operations["QueueActionsController_promote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a queue: workers finish running jobs and take no new ones */
        post: operations["QueueActionsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused queue */
        post: operations["QueueActionsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/queues/{queue_name}/clean": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove finished or failed jobs that ended more than N seconds ago */
        post: operations["QueueActionsController_clean"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move waiting, delayed and failed jobs of a queue to another shard or queue (id, data, options, remaining attempts and delay kept; running jobs stay); runs in the background, resumable */
        post: operations["MigrationsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/migrations/{migration_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A migration's progress: moved, skipped, failed, done */
        get: operations["MigrationsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rq/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per queue over the window: finished and failed per minute, failure rate (BullMQ per-minute metrics), processing time p50/p95/max and wait time p50/p95 (timestamps of the latest ended jobs); every worker pool and queue shard (counts summed, timing samples merged), or the one shard `?shard=` names */
        get: operations["QueueMetricsController_window"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus text: rq_queue_jobs{queue,status}, rq_jobs_processed_total, rq_jobs_failed_total, rq_job_duration_seconds, rq_job_wait_seconds, rq_workers{state}. Open from loopback, else Bearer METRICS_TOKEN. */
        get: operations["PrometheusController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's limits and usage (usage rebuilt from the stored files and live jobs) */
        get: operations["QuotaController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/users/{id}/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's limits, the overrides behind them and usage (admin) */
        get: operations["UserQuotaController_get"];
        /** Set a user's limit overrides (admin): fields left out stay, null returns a field to the default */
        put: operations["UserQuotaController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's jobs across queues, newest first (admins: every user's, or ?user_id=) */
        get: operations["JobsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's jobs */
        get: operations["JobsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued job (a running one is aborted and ends failed, JOB_ABORTED) */
        post: operations["JobsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitor/throughput": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per queue: jobs finished and failed per minute (or per bucket on long windows), oldest first */
        get: operations["ThroughputController_window"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitor/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest alerts fired (failed jobs, failure rate over ALERT_FAILURE_RATE), newest first */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every remote-worker token, newest first, without the tokens themselves (admin) */
        get: operations["RemoteWorkerTokensController_list"];
        put?: never;
        /** Issue a remote-worker token for a pool, optionally bound to one user (admin); the token is shown only here */
        post: operations["RemoteWorkerTokensController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a remote-worker token (admin): refused from now on, its leased jobs go back to their queues */
        delete: operations["RemoteWorkerTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lease the next job of the queues (the token's pool; a user-bound token: that user's jobs only), long-polling up to max_wait_ms */
        post: operations["RemoteWorkersController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/leases/{lease_id}/input": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The leased job's input as NDJSON: a `job` line (file, chunk count, what the result needs, the API's embedding model), then one line per chunk */
        get: operations["RemoteWorkersController_input"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/leases/{lease_id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the lease by REMOTE_LEASE_MS and report progress (0-100) */
        post: operations["RemoteWorkersController_heartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/leases/{lease_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand in the job's result: validated, then written as an in-house worker writes it */
        post: operations["RemoteWorkersController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/remote-workers/leases/{lease_id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a failure: retryable ones are retried with the job's backoff while attempts last */
        post: operations["RemoteWorkersController_fail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
        };
        UserDto: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @enum {string} */
            role: "user" | "admin";
            disabled: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
        };
        TokenPairDto: {
            access_token: string;
            refresh_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expires_in: number;
        };
        RefreshDto: {
            /** @description The refresh token from login or the previous refresh */
            refresh_token: string;
        };
        ChangePasswordDto: {
            /** @example correct horse battery */
            current_password: string;
            /** @example a new long passphrase */
            new_password: string;
        };
        UserPageDto: {
            users: components["schemas"]["UserDto"][];
            total: number;
            page: number;
            page_size: number;
        };
        CreateUserDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
            /**
             * @default user
             * @enum {string}
             */
            role: "user" | "admin";
        };
        UpdateUserDto: {
            /** @enum {string} */
            role?: "user" | "admin";
            /** @description Disabling also revokes every session of the user */
            disabled?: boolean;
        };
        RevocationJobDto: {
            job_id: string;
            /** @example queued */
            status: string;
        };
        SearchVectorsDto: {
            /** @example how are invoices approved? */
            query: string;
            /** @default 5 */
            top_k: number;
            /** @description Only these files (still only yours) */
            file_ids?: string[];
            /**
             * @description vector: nearest embeddings; text: full-text (words, CJK words and bigrams); hybrid: both lists merged by reciprocal rank fusion
             * @default hybrid
             * @enum {string}
             */
            mode: "vector" | "text" | "hybrid";
        };
        VectorSearchResultDto: {
            /** Format: uuid */
            file_id: string;
            filename: string;
            /** Format: uuid */
            chunk_id: string;
            chunk_index: number;
            text: string;
            /** @description What the results are ordered by: cosine similarity (-1..1) in vector mode, the text rank in text mode, the reciprocal-rank-fusion score in hybrid mode (higher is better) */
            score: number;
            /** @description The lists that found this chunk */
            found_by: ("vector" | "text")[];
            /** @description Cosine similarity, when the vector list found it */
            vector_score: number | null;
            /** @description Full-text rank (ts_rank_cd), when the text list found it */
            text_score: number | null;
        };
        VectorSearchResponseDto: {
            /** @enum {string} */
            mode: "vector" | "text" | "hybrid";
            results: components["schemas"]["VectorSearchResultDto"][];
        };
        RegenerateVectorsDto: {
            /**
             * @description `high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits
             * @default normal
             * @enum {string}
             */
            priority: "high" | "normal" | "low";
        };
        VectorizeJobDto: {
            /** @example file:2b0c…:vectorize */
            job_id: string;
            /** @example queued */
            status: string;
        };
        FileVectorsDto: {
            /** Format: uuid */
            file_id: string;
            /**
             * @description The configured embedding model; count covers only its vectors
             * @example hash-v1
             */
            model: string;
            /** @example 384 */
            dimension: number;
            /** @example 12 */
            count: number;
            /** Format: date-time */
            updated_at: string | null;
        };
        GraphNodeDto: {
            /** Format: uuid */
            id: string;
            /** @example Marie Curie */
            name: string;
            /** @enum {string} */
            type: "person" | "organization" | "place" | "concept" | "event" | "product" | "other";
            /** @description Mentions (in the file, for a file graph; overall, elsewhere) */
            mention_count: number;
        };
        EntityListDto: {
            entities: components["schemas"]["GraphNodeDto"][];
            count: number;
        };
        EntityDto: {
            /** Format: uuid */
            id: string;
            /** @example Marie Curie */
            name: string;
            /** @enum {string} */
            type: "person" | "organization" | "place" | "concept" | "event" | "product" | "other";
            /** @description Mentions (in the file, for a file graph; overall, elsewhere) */
            mention_count: number;
            description: string | null;
        };
        NeighborDto: {
            /** Format: uuid */
            id: string;
            /** @example Marie Curie */
            name: string;
            /** @enum {string} */
            type: "person" | "organization" | "place" | "concept" | "event" | "product" | "other";
            /** @description Mentions (in the file, for a file graph; overall, elsewhere) */
            mention_count: number;
            /** @description Relations between it and the entity */
            depth: number;
        };
        GraphEdgeDto: {
            /** Format: uuid */
            source: string;
            /** Format: uuid */
            target: string;
            /**
             * @description co_occurs_with, or the lemma of a verb ("found")
             * @example co_occurs_with
             */
            relation: string;
            /** @description How often the relation was seen */
            weight: number;
        };
        NeighborhoodDto: {
            entity: components["schemas"]["EntityDto"];
            depth: number;
            nodes: components["schemas"]["NeighborDto"][];
            /** @description Relations among the entity and its neighbors, summed over files */
            edges: components["schemas"]["GraphEdgeDto"][];
        };
        RegenerateGraphDto: {
            /**
             * @description `high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits
             * @default normal
             * @enum {string}
             */
            priority: "high" | "normal" | "low";
            /**
             * @description Parse and chunk the file again first, and regenerate its vectors, so chunks, vectors and graph agree
             * @default false
             */
            force_rechunk: boolean;
        };
        GraphJobDto: {
            /** @example 2b0c…:graph */
            job_id: string;
            /** @example queued */
            status: string;
        };
        FileGraphDto: {
            /** Format: uuid */
            file_id: string;
            nodes: components["schemas"]["GraphNodeDto"][];
            edges: components["schemas"]["GraphEdgeDto"][];
        };
        BatchPartErrorDto: {
            /** @example UNSUPPORTED_FILE_TYPE */
            code: string;
            message: string;
        };
        BatchPartDto: {
            /** @description The client's file name (metadata only) */
            filename: string;
            /**
             * Format: uuid
             * @description Absent when the part was refused
             */
            file_id?: string;
            /** @description Null for a duplicate (no new job) */
            job_id?: string | null;
            /**
             * @description `queued`, or `duplicate` when the same content was uploaded before
             * @example queued
             */
            status?: string;
            /** @description Why this part was refused (the others are not) */
            error?: components["schemas"]["BatchPartErrorDto"];
        };
        BatchUploadAcceptedDto: {
            /** Format: uuid */
            batch_id: string;
            /** @description One entry per `file` part, in the order sent */
            files: components["schemas"]["BatchPartDto"][];
        };
        BatchCountsDto: {
            queued: number;
            processing: number;
            completed: number;
            /** @description Failed files and refused parts */
            failed: number;
        };
        BatchFileStatusDto: {
            filename: string;
            /** Format: uuid */
            file_id?: string;
            job_id?: string | null;
            /** @enum {string} */
            status: "queued" | "processing" | "completed" | "failed";
            progress: number;
            /** @description The file's chunks are stored and found by search */
            searchable: boolean;
            /** @description A refused part, or a file deleted since */
            error?: components["schemas"]["BatchPartErrorDto"];
        };
        UploadBatchStatusDto: {
            /** Format: uuid */
            batch_id: string;
            /** @description Parts sent, refused ones included */
            total: number;
            counts: components["schemas"]["BatchCountsDto"];
            /** @description How many files are searchable */
            searchable: number;
            /** @description Mean progress over the parts */
            progress: number;
            /** @description Every part has ended (completed or failed) */
            done: boolean;
            files: components["schemas"]["BatchFileStatusDto"][];
        };
        DuplicateUploadResponseDto: {
            /** Format: uuid */
            file_id: string;
            /** @description The client's original name (metadata only) */
            filename: string;
            /** @example application/pdf */
            content_type: string;
            /** @enum {string} */
            file_type: "pdf" | "docx" | "html" | "md" | "txt" | "csv" | "json";
            size_bytes: number;
            sha256: string;
            /** @enum {string} */
            status: "queued" | "processing" | "completed" | "failed";
            chunk_count: number;
            error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            processed_at: string | null;
            /** @description Last run per stage: {status, progress, started_at, finished_at, duration_ms} */
            stages: {
                [key: string]: unknown;
            } | null;
            /** @enum {boolean} */
            duplicate: true;
        };
        UploadAcceptedResponseDto: {
            /** Format: uuid */
            file_id: string;
            /** @example 6f1c…:process */
            job_id: string;
            /**
             * @description queued for a new job; with ?reprocess=true a job of this file still queued or running keeps its status
             * @example queued
             */
            status: string;
        };
        FileResponseDto: {
            /** Format: uuid */
            file_id: string;
            /** @description The client's original name (metadata only) */
            filename: string;
            /** @example application/pdf */
            content_type: string;
            /** @enum {string} */
            file_type: "pdf" | "docx" | "html" | "md" | "txt" | "csv" | "json";
            size_bytes: number;
            sha256: string;
            /** @enum {string} */
            status: "queued" | "processing" | "completed" | "failed";
            chunk_count: number;
            error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            processed_at: string | null;
            /** @description Last run per stage: {status, progress, started_at, finished_at, duration_ms} */
            stages: {
                [key: string]: unknown;
            } | null;
        };
        FileListResponseDto: {
            files: components["schemas"]["FileResponseDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        StageStateDto: {
            /** @enum {string} */
            status: "pending" | "processing" | "completed" | "failed" | "skipped";
            progress: number;
        };
        ProcessingStatusResponseDto: {
            /** Format: uuid */
            file_id: string;
            /** @enum {string} */
            status: "queued" | "processing" | "completed" | "failed";
            /** @description Weighted sum of the stages */
            progress: number;
            chunking: components["schemas"]["StageStateDto"];
            vectorization: components["schemas"]["StageStateDto"];
            storage: components["schemas"]["StageStateDto"];
            kg_extraction: components["schemas"]["StageStateDto"];
            message: string;
            /** @description Present (true) once storage completed: search finds the file's chunks (the graph stage may still run) */
            searchable?: boolean;
        };
        UploadProgressResponseDto: {
            /** Format: uuid */
            file_id: string;
            /** @enum {string} */
            status: "uploading" | "completed" | "failed";
            progress: number;
            bytes_received: number;
            /** @description Request size announced by the client, if any */
            total_bytes: number | null;
        };
        ChunkResponseDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            file_id: string;
            chunk_index: number;
            text: string;
            /** @description Character offset in the document's text */
            start_offset: number;
            end_offset: number;
            /** @description 1-based page (PDF), else null */
            page: number | null;
            token_count: number;
        };
        ChunkListResponseDto: {
            /** Format: uuid */
            file_id: string;
            chunks: components["schemas"]["ChunkResponseDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        MemoryListItemDto: {
            key: string;
            ttl_seconds_remaining: number;
            /** Format: date-time */
            updated_at: string;
        };
        MemoryListDto: {
            agent_id: string;
            items: components["schemas"]["MemoryListItemDto"][];
            count: number;
            /** @description Pass as `cursor` for the next page; null at the end (a page may hold fewer than `limit` keys before the end) */
            next_cursor: string | null;
        };
        SearchMemoryDto: {
            /** @example what does the user prefer? */
            query: string;
            /** @description Only this agent's memories (default: every agent of the caller) */
            agent_id?: string;
            /** @default 5 */
            top_k: number;
        };
        MemorySearchHitDto: {
            key: string;
            agent_id: string;
            /** @description The value as last consolidated */
            value: Record<string, never>;
            /** @description The text that was embedded */
            content: string;
            /**
             * @description Cosine similarity, 1 = identical
             * @example 0.83
             */
            score: number;
            /** Format: date-time */
            updated_at: string;
        };
        MemorySearchResultDto: {
            query: string;
            results: components["schemas"]["MemorySearchHitDto"][];
            count: number;
        };
        PutMemoryDto: {
            /**
             * @description Any JSON value (null included), at most 65536 bytes once serialized (else 413)
             * @example {
             *       "summary": "The user prefers short answers."
             *     }
             */
            value: Record<string, never>;
            /** @default 3600 */
            ttl_seconds: number;
            /**
             * @description 1..256 characters of [A-Za-z0-9._-]
             * @default default
             */
            agent_id: string;
            /**
             * @description Restart the TTL on every read
             * @default false
             */
            refresh_on_read: boolean;
            /**
             * @description Also consolidate into long-term memory (searchable after expiry)
             * @default true
             */
            persist: boolean;
        };
        MemoryRecordDto: {
            /** @example session.summary */
            key: string;
            /** @example default */
            agent_id: string;
            /**
             * @description The stored JSON value
             * @example {
             *       "summary": "The user prefers short answers."
             *     }
             */
            value: Record<string, never>;
            /** @example 3600 */
            ttl_seconds: number;
            /** @example 3599 */
            ttl_seconds_remaining: number;
            refresh_on_read: boolean;
            persist: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        MemoryDeletedDto: {
            key: string;
            agent_id: string;
            /** @description The short-term key existed */
            short_term_deleted: boolean;
            /** @description A long-term row existed */
            long_term_deleted: boolean;
        };
        PoolQueueDto: {
            /** @example heavy */
            pool: string;
            /**
             * @description The pool's BullMQ queue (pool `default`: the queue's own name)
             * @example file_processing@heavy
             */
            queue_name: string;
        };
        QueueListDto: {
            /**
             * @example [
             *       "file_processing",
             *       "vectorization",
             *       "kg_extraction",
             *       "token_revocation",
             *       "memory_consolidation"
             *     ]
             */
            queues: string[];
            /** @example 5 */
            count: number;
            /**
             * @description Each queue's worker pools (ROUTES_FILE), `default` first
             * @example {
             *       "file_processing": [
             *         {
             *           "pool": "default",
             *           "queue_name": "file_processing"
             *         },
             *         {
             *           "pool": "heavy",
             *           "queue_name": "file_processing@heavy"
             *         }
             *       ]
             *     }
             */
            pools: {
                [key: string]: components["schemas"]["PoolQueueDto"][];
            };
        };
        AllQueueStatsDto: {
            /**
             * @example {
             *       "file_processing": {
             *         "queue_name": "file_processing",
             *         "queued": 3,
             *         "started": 1,
             *         "finished": 120,
             *         "failed": 2,
             *         "scheduled": 0,
             *         "deferred": 0,
             *         "canceled": 1,
             *         "total": 126,
             *         "paused": false
             *       }
             *     }
             */
            queues: {
                [key: string]: components["schemas"]["QueueStatsDto"];
            };
        };
        PoolStatsDto: {
            /** @example file_processing */
            queue_name: string;
            /**
             * @description waiting + prioritized
             * @example 3
             */
            queued: number;
            /**
             * @description active
             * @example 1
             */
            started: number;
            /**
             * @description completed
             * @example 120
             */
            finished: number;
            /** @example 2 */
            failed: number;
            /**
             * @description delayed
             * @example 0
             */
            scheduled: number;
            /**
             * @description waiting-children
             * @example 0
             */
            deferred: number;
            /**
             * @description canceled by an operator (not in total)
             * @example 1
             */
            canceled: number;
            /** @example 126 */
            total: number;
            /** @example false */
            paused: boolean;
            /**
             * @description The pool, for one pool's queue (`<queue>@<pool>`)
             * @example heavy
             */
            pool?: string;
            /** @description A queue's counts per worker pool; the counts above are their sums */
            pools?: components["schemas"]["PoolStatsDto"][];
            /**
             * @description The queue shard of a pool entry (with QUEUE_SHARDS)
             * @example 1
             */
            shard?: string;
            /**
             * @description With QUEUE_SHARDS: the counts per shard (the counts above are their sums); a shard that is down is absent
             * @example {
             *       "0": {
             *         "queued": 3,
             *         "started": 1,
             *         "finished": 10,
             *         "failed": 0,
             *         "scheduled": 0,
             *         "deferred": 0,
             *         "canceled": 0,
             *         "total": 14
             *       }
             *     }
             */
            shards?: Record<string, never>;
            /**
             * @description Live workers serving this pool, in-house and remote
             * @example 0
             */
            workers: number;
            /**
             * @description Why its jobs wait: `pool has no worker` when no live worker (in-house, or remote with a token of the pool) can take its waiting jobs; a remote token bound to a user takes only that user's (the first 50 waiting are checked). null when they are served
             * @example pool has no worker
             */
            waiting_reason: string | null;
        };
        QueueStatsDto: {
            /** @example file_processing */
            queue_name: string;
            /**
             * @description waiting + prioritized
             * @example 3
             */
            queued: number;
            /**
             * @description active
             * @example 1
             */
            started: number;
            /**
             * @description completed
             * @example 120
             */
            finished: number;
            /** @example 2 */
            failed: number;
            /**
             * @description delayed
             * @example 0
             */
            scheduled: number;
            /**
             * @description waiting-children
             * @example 0
             */
            deferred: number;
            /**
             * @description canceled by an operator (not in total)
             * @example 1
             */
            canceled: number;
            /** @example 126 */
            total: number;
            /** @example false */
            paused: boolean;
            /**
             * @description The pool, for one pool's queue (`<queue>@<pool>`)
             * @example heavy
             */
            pool?: string;
            /** @description A queue's counts per worker pool; the counts above are their sums */
            pools?: components["schemas"]["PoolStatsDto"][];
            /**
             * @description The queue shard of a pool entry (with QUEUE_SHARDS)
             * @example 1
             */
            shard?: string;
            /**
             * @description With QUEUE_SHARDS: the counts per shard (the counts above are their sums); a shard that is down is absent
             * @example {
             *       "0": {
             *         "queued": 3,
             *         "started": 1,
             *         "finished": 10,
             *         "failed": 0,
             *         "scheduled": 0,
             *         "deferred": 0,
             *         "canceled": 0,
             *         "total": 14
             *       }
             *     }
             */
            shards?: Record<string, never>;
        };
        JobSummaryDto: {
            /** @example 42 */
            job_id: string;
            /** @example process-file */
            name: string;
            /**
             * @example failed
             * @enum {string}
             */
            status: "queued" | "started" | "finished" | "failed" | "scheduled" | "deferred" | "canceled" | "unknown";
            /**
             * @example normal
             * @enum {string}
             */
            priority: "high" | "normal" | "low";
            /**
             * @example {
             *       "file_id": "7f0c…"
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:00.000Z
             */
            created_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:00.000Z
             */
            enqueued_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:01.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:03.500Z
             */
            ended_at: string | null;
            /**
             * @description Return value of a finished job
             * @example null
             */
            result: Record<string, never> | null;
            /**
             * @example Error: unsupported file type
             *         at …
             */
            exc_info: string | null;
            /**
             * @description The worker pool whose queue holds it (ROUTES_FILE)
             * @example default
             */
            pool?: string;
            /**
             * @description The queue shard holding it (with QUEUE_SHARDS)
             * @example 1
             */
            shard?: string;
        };
        JobListDto: {
            jobs: components["schemas"]["JobSummaryDto"][];
            /**
             * @description Number of jobs returned
             * @example 1
             */
            count: number;
        };
        JobRefDto: {
            /** @example kg_extraction */
            queue_name: string;
            /** @example 3f0c2a9e-8a55-4a5e-9d0e-2f1b7c1d9e11 */
            job_id: string;
        };
        JobDependencyDto: {
            /** @example kg_extraction */
            queue_name: string;
            /** @example 3f0c2a9e-8a55-4a5e-9d0e-2f1b7c1d9e11 */
            job_id: string;
            /**
             * @description `failed` canceled this job (DEPENDENCY_FAILED); `failure_allowed` failed without stopping it
             * @enum {string}
             */
            state: "pending" | "finished" | "failed" | "failure_allowed";
        };
        JobDependenciesDto: {
            /** @description The job waiting on this one */
            parent: components["schemas"]["JobRefDto"] | null;
            /** @description The jobs this one depends on */
            children: components["schemas"]["JobDependencyDto"][];
            /** @description Dependencies not finished yet (a `deferred` job waits on them) */
            waiting_on: components["schemas"]["JobRefDto"][];
        };
        JobDetailDto: {
            /** @example 42 */
            job_id: string;
            /** @example process-file */
            name: string;
            /**
             * @example failed
             * @enum {string}
             */
            status: "queued" | "started" | "finished" | "failed" | "scheduled" | "deferred" | "canceled" | "unknown";
            /**
             * @example normal
             * @enum {string}
             */
            priority: "high" | "normal" | "low";
            /**
             * @example {
             *       "file_id": "7f0c…"
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:00.000Z
             */
            created_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:00.000Z
             */
            enqueued_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:01.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:03.500Z
             */
            ended_at: string | null;
            /**
             * @description Return value of a finished job
             * @example null
             */
            result: Record<string, never> | null;
            /**
             * @example Error: unsupported file type
             *         at …
             */
            exc_info: string | null;
            /**
             * @description The worker pool whose queue holds it (ROUTES_FILE)
             * @example default
             */
            pool?: string;
            /**
             * @description The queue shard holding it (with QUEUE_SHARDS)
             * @example 1
             */
            shard?: string;
            /** @example file_processing */
            queue_name: string;
            /** @example unsupported file type */
            error: string | null;
            /**
             * @example [
             *       "Error: unsupported file type\n    at …"
             *     ]
             */
            stack_trace: string[];
            /**
             * @description Number or object reported by the processor
             * @example 100
             */
            progress: Record<string, never>;
            /** @example 1 */
            attempts_made: number;
            /** @example 3 */
            attempts_allowed: number;
            /** @example 0 */
            delay_ms: number;
            /** @example 2500 */
            duration_ms: number | null;
            /** @example 1000 */
            wait_ms: number | null;
            /** @example api-1.1234.ab12 */
            worker_name: string | null;
            /**
             * @example [
             *       "parsed 12 pages",
             *       "chunked into 40 chunks"
             *     ]
             */
            logs: string[];
            /** Format: date-time */
            canceled_at?: string;
            /** @description Its place in a flow (absent for a canceled record) */
            dependencies?: components["schemas"]["JobDependenciesDto"];
            /**
             * @description Why a queued or scheduled job waits: `pool has no worker` when no live worker of its pool can take it (in-house, a remote token of the pool, or one bound to the job's owner); null otherwise
             * @example pool has no worker
             */
            waiting_reason?: string | null;
        };
        RemoteWorkerLeaseDto: {
            /** Format: uuid */
            lease_id: string;
            /** @example file:0b7c…:graph */
            job_id: string;
            /** @example kg_extraction */
            queue: string;
            /** Format: date-time */
            leased_at: string;
            /** Format: date-time */
            lease_expires_at: string;
        };
        RemoteWorkerInfoDto: {
            /**
             * Format: uuid
             * @description The remote-worker token it authenticates with (its id only)
             */
            token_id: string;
            /**
             * @description The token's name
             * @example office GPU box
             */
            token_name: string;
            /**
             * Format: uuid
             * @description Set: it only gets this user's jobs
             */
            user_id: string | null;
            /** @description Leases it holds (not answered, not expired), oldest first */
            leases: components["schemas"]["RemoteWorkerLeaseDto"][];
        };
        WorkerDto: {
            /** @example api-1.1234.ab12 */
            name: string;
            /**
             * @description dead after two missed heartbeats
             * @example busy
             * @enum {string}
             */
            state: "busy" | "idle" | "dead";
            /**
             * @example [
             *       "file_processing",
             *       "vectorization"
             *     ]
             */
            queues: string[];
            /**
             * @description Worker pools it serves for its queues (WORKER_POOLS)
             * @example [
             *       "default"
             *     ]
             */
            pools: string[];
            /**
             * @description QUEUE_PREFIX of the worker (only this system's workers are listed)
             * @example bull
             */
            queue_prefix: string;
            /** @example 42 */
            current_job_id: string | null;
            /**
             * Format: date-time
             * @description When the current job started
             */
            current_job_started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-28T20:00:00.000Z
             */
            birth_date: string;
            /**
             * Format: date-time
             * @example 2026-11-28T21:00:00.000Z
             */
            last_heartbeat: string;
            /** @example 5000 */
            heartbeat_interval_ms: number;
            /** @example 118 */
            successful_job_count: number;
            /** @example 2 */
            failed_job_count: number;
            /** @example 351200 */
            total_working_time_ms: number;
            /** @example 1234 */
            pid: number;
            /** @example api-1 */
            hostname: string;
            /**
             * @description Resident set size at the last heartbeat (0 from older workers)
             * @example 183500800
             */
            rss_bytes: number;
            /**
             * @description local: an in-house worker process; remote: a remote-worker token that claimed or heartbeated lately (name `remote.<token id>`, queues: those its last claim asked for, pools: its token's pool, last_heartbeat: last seen)
             * @enum {string}
             */
            kind: "local" | "remote";
            /** @description Remote workers only (null for local ones) */
            remote: components["schemas"]["RemoteWorkerInfoDto"] | null;
        };
        WorkerListDto: {
            workers: components["schemas"]["WorkerDto"][];
            /** @example 1 */
            count: number;
        };
        JobActionResultDto: {
            /** @example 42 */
            job_id: string;
            /** @example file_processing */
            queue_name: string;
            /** @example failed */
            previous_status: string;
            /** @example queued */
            status: string;
        };
        RequeueFailedResultDto: {
            /** @example file_processing */
            queue_name: string;
            /** @example 5 */
            requeued: number;
        };
        RequeueFailedDto: {
            /** @description Requeue at most this many (oldest failures first); all when omitted */
            count?: number;
        };
        AbortResultDto: {
            /** @example 42 */
            job_id: string;
            /** @example file_processing */
            queue_name: string;
            /** @example failed */
            previous_status: string;
            /** @example queued */
            status: string;
            /** @example true */
            abort_requested: boolean;
            /** @example aborted by an operator */
            reason: string;
        };
        AbortJobDto: {
            /** @example stuck on a huge PDF */
            reason?: string;
        };
        QueuePauseResultDto: {
            /** @example file_processing */
            queue_name: string;
            /** @example true */
            paused: boolean;
        };
        CleanResultDto: {
            /** @example file_processing */
            queue_name: string;
            /**
             * @example finished
             * @enum {string}
             */
            status: "finished" | "failed";
            /** @example 86400 */
            older_than_seconds: number;
            /** @example 120 */
            removed: number;
        };
        CleanQueueDto: {
            /** @enum {string} */
            status: "finished" | "failed";
            /**
             * @description Remove jobs that ended more than this many seconds ago
             * @example 86400
             */
            older_than_seconds: number;
            /** @description Remove at most this many; all when omitted */
            limit?: number;
        };
        MigrationStartedDto: {
            /** @example 5b0f3c1e-8a40-4a57-9a3e-0f6f1d1c2b3a */
            migration_id: string;
        };
        StartMigrationDto: {
            /**
             * @description The queue whose jobs move
             * @example file_processing
             */
            queue: string;
            /**
             * @description The shard they leave (QUEUE_SHARDS position)
             * @example 0
             */
            from_shard: string;
            /**
             * @description The shard they go to (default: from_shard; then to_queue is needed)
             * @example 1
             */
            to_shard?: string;
            /**
             * @description The queue they go to (default: the same queue)
             * @example vectorization
             */
            to_queue?: string;
            /**
             * @description Running jobs never move
             * @default [
             *       "waiting",
             *       "delayed",
             *       "failed"
             *     ]
             */
            states: ("waiting" | "delayed" | "failed")[];
            /**
             * @description Move at most this many jobs
             * @default 1000000
             */
            limit: number;
        };
        MigrationProgressDto: {
            migration_id: string;
            /** @example file_processing */
            queue: string;
            /** @example 0 */
            from_shard: string;
            /** @example 1 */
            to_shard: string;
            /** @example file_processing */
            to_queue: string;
            states: ("waiting" | "delayed" | "failed")[];
            /** @example 1000 */
            limit: number;
            /**
             * @description Jobs now on the target (removed from the source)
             * @example 950
             */
            moved: number;
            /**
             * @description Jobs that started or ended while the migration ran (left alone)
             * @example 3
             */
            skipped: number;
            /**
             * @description Jobs the target already had another job with the same id for (left on the source)
             * @example 0
             */
            failed: number;
            done: boolean;
            /** @description Why the migration stopped early (a shard went down) */
            error: string | null;
            started_at: string;
            finished_at: string | null;
        };
        ProcessingTimeDto: {
            /** @example 850 */
            p50: number | null;
            /** @example 4200 */
            p95: number | null;
            /** @example 9100 */
            max: number | null;
        };
        WaitTimeDto: {
            /** @example 20 */
            p50: number | null;
            /** @example 1500 */
            p95: number | null;
        };
        QueueWindowMetricsDto: {
            /** @example file_processing */
            queue_name: string;
            /** @example 15 */
            window_minutes: number;
            /** @example 57 */
            finished: number;
            /** @example 3 */
            failed: number;
            /** @example 3.8 */
            finished_per_minute: number;
            /** @example 0.2 */
            failed_per_minute: number;
            /**
             * @description failed / (finished + failed)
             * @example 0.05
             */
            failure_rate: number | null;
            /** @description started → ended, ms */
            processing_time_ms: components["schemas"]["ProcessingTimeDto"];
            /** @description enqueued (or delay over) → started, ms */
            wait_time_ms: components["schemas"]["WaitTimeDto"];
            /**
             * @description Ended jobs the timings come from (the latest, at most 500 per state of each pool queue on each shard)
             * @example 60
             */
            timing_sample_size: number;
        };
        MetricsDto: {
            /** @example 15 */
            window_minutes: number;
            queues: {
                [key: string]: components["schemas"]["QueueWindowMetricsDto"];
            };
        };
        QuotaLimitsDto: {
            /**
             * @description null: no limit (admins without limits of their own)
             * @example 100
             */
            max_active_jobs: number | null;
            /**
             * @description null: no limit (admins without limits of their own)
             * @example 10737418240
             */
            max_storage_bytes: number | null;
            /**
             * @description null: no limit (admins without limits of their own)
             * @example 10000
             */
            max_files: number | null;
            /**
             * @description null: no limit (admins without limits of their own)
             * @example 1000
             */
            max_uploads_per_hour: number | null;
            /**
             * @description May send priority=high
             * @example false
             */
            allow_high_priority: boolean;
            /**
             * @description Fair-share weight between users
             * @example 1
             */
            weight: number;
        };
        QuotaUsageDto: {
            /**
             * @description Queued and running jobs, all queues
             * @example 3
             */
            active_jobs: number;
            /**
             * @description Bytes of stored files, uploads in progress included
             * @example 1048576
             */
            storage_bytes: number;
            /**
             * @description Stored files, uploads in progress included
             * @example 12
             */
            files: number;
            /** @example 4 */
            uploads_last_hour: number;
        };
        QuotaDto: {
            limits: components["schemas"]["QuotaLimitsDto"];
            usage: components["schemas"]["QuotaUsageDto"];
        };
        QuotaOverridesDto: {
            max_active_jobs: number | null;
            max_storage_bytes: number | null;
            max_files: number | null;
            max_uploads_per_hour: number | null;
            allow_high_priority: boolean | null;
            weight: number | null;
        };
        UserQuotaDto: {
            limits: components["schemas"]["QuotaLimitsDto"];
            usage: components["schemas"]["QuotaUsageDto"];
            /** Format: uuid */
            user_id: string;
            overrides: components["schemas"]["QuotaOverridesDto"];
        };
        UpdateQuotaDto: {
            /** @description null: back to the default */
            max_active_jobs?: number | null;
            /** @description null: back to the default */
            max_storage_bytes?: number | null;
            /** @description null: back to the default */
            max_files?: number | null;
            /** @description null: back to the default */
            max_uploads_per_hour?: number | null;
            /** @description null: back to the default */
            allow_high_priority?: boolean | null;
            /** @description null: back to the default */
            weight?: number | null;
        };
        OwnJobDto: {
            /** @example file:7f0c…:process */
            job_id: string;
            /**
             * @example file_processing
             * @enum {string}
             */
            queue: "file_processing" | "vectorization" | "kg_extraction" | "token_revocation" | "memory_consolidation";
            /** @example process-file */
            name: string;
            /**
             * @example queued
             * @enum {string}
             */
            status: "queued" | "started" | "finished" | "failed" | "scheduled" | "deferred" | "canceled" | "unknown";
            /**
             * @example normal
             * @enum {string}
             */
            priority: "high" | "normal" | "low";
            /**
             * @description Number or object reported by the processor
             * @example 40
             */
            progress: Record<string, never>;
            /** @example 7f0c… */
            file_id: string | null;
            /**
             * Format: uuid
             * @description The owner
             */
            user_id: string;
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            /** @example null */
            error: string | null;
        };
        OwnJobListDto: {
            jobs: components["schemas"]["OwnJobDto"][];
            /**
             * @description Jobs matching the filters, across pages
             * @example 1
             */
            total: number;
        };
        CancelJobResultDto: {
            job_id: string;
            /** @enum {string} */
            queue: "file_processing" | "vectorization" | "kg_extraction" | "token_revocation" | "memory_consolidation";
            /** @example queued */
            previous_status: string;
            /**
             * @description `canceled`, or `started` while a running job is being aborted
             * @example canceled
             */
            status: string;
            /** @description The job was running: its worker was told to abort it (it ends failed, JOB_ABORTED) */
            abort_requested: boolean;
        };
        QueueThroughputDto: {
            /** @description Jobs finished per bucket, oldest first */
            finished: number[];
            /** @description Jobs failed for good per bucket, oldest first */
            failed: number[];
        };
        ThroughputDto: {
            /** @example 60 */
            window_minutes: number;
            /**
             * @description Minutes per bucket (1 up to three hours, then 144 buckets per window)
             * @example 1
             */
            bucket_minutes: number;
            /**
             * Format: date-time
             * @description Start of the first bucket
             */
            start: string;
            queues: {
                [key: string]: components["schemas"]["QueueThroughputDto"];
            };
        };
        QueueAlertDto: {
            /** @enum {string} */
            alert: "queue_failure_rate" | "job_failed";
            /** @enum {string} */
            severity: "warning" | "critical";
            /** @example file_processing */
            queue: string;
            /**
             * @description The job whose failure raised the alert
             * @example 42
             */
            job_id: string;
            failed_reason: string | null;
            /** @description failed / (finished + failed) over the window */
            failure_rate: number | null;
            finished: number;
            failed: number;
            /** @example 0.2 */
            threshold: number;
            /** @example 5 */
            window_minutes: number;
            /** Format: date-time */
            at: string;
        };
        AlertListDto: {
            alerts: components["schemas"]["QueueAlertDto"][];
            count: number;
        };
        CreateRemoteWorkerTokenDto: {
            /** @example office GPU box */
            name: string;
            /**
             * @description The worker pool whose queues it serves
             * @example default
             */
            pool: string;
            /**
             * Format: uuid
             * @description Set: the token only ever gets this user's jobs
             */
            user_id?: string;
        };
        IssuedRemoteWorkerTokenDto: {
            /** Format: uuid */
            id: string;
            name: string;
            pool: string;
            /** Format: uuid */
            user_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /**
             * @description Shown once; only its sha256 is stored
             * @example rw_…
             */
            token: string;
        };
        RemoteWorkerTokenDto: {
            /** Format: uuid */
            id: string;
            name: string;
            pool: string;
            /** Format: uuid */
            user_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        RemoteWorkerTokenListDto: {
            tokens: components["schemas"]["RemoteWorkerTokenDto"][];
            count: number;
        };
        ClaimDto: {
            /** @description Queues to take a job from, in this order */
            queues: ("vectorization" | "kg_extraction")[];
            /**
             * @description Long-poll up to this long (capped by REMOTE_CLAIM_MAX_WAIT_MS)
             * @default 0
             */
            max_wait_ms: number;
        };
        LeasedJobDto: {
            id: string;
            /** @example vectorize-file */
            name: string;
            /** @enum {string} */
            queue: "vectorization" | "kg_extraction";
            data: {
                [key: string]: unknown;
            };
        };
        LeaseDto: {
            /** Format: uuid */
            lease_id: string;
            job: components["schemas"]["LeasedJobDto"];
            /** Format: date-time */
            lease_expires_at: string;
        };
        HeartbeatDto: {
            progress?: number;
        };
        LeaseStateDto: {
            /** Format: date-time */
            lease_expires_at: string;
        };
        CompleteDto: {
            /** @description vectorize-file: {model, dimension, vectors: [{chunk_id, embedding}]}; extract-graph: {extractor, chunks: [{chunk_id, entities, relations, unsupported_language?}], failed_chunk_ids} (plus `vectors` when force_rechunk) */
            result: {
                [key: string]: unknown;
            };
        };
        LeaseEndDto: {
            /** @enum {string} */
            job_status: "completed" | "retrying" | "failed";
        };
        FailDto: {
            error: string;
            /** @description false: retrying cannot help, the job fails for good */
            retryable: boolean;
        };
        ErrorEnvelope: {
            /** @enum {boolean} */
            success: false;
            message: string;
            error: {
                /** @example VALIDATION_ERROR */
                code: string;
                details?: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["TokenPairDto"];
                        message: string;
                    };
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["TokenPairDto"];
                        message: string;
                    };
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description data is null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserPageDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UsersController_revokeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["RevocationJobDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    VectorsController_search: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchVectorsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["VectorSearchResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    VectorsController_regenerate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegenerateVectorsDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["VectorizeJobDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    VectorsController_fileVectors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["FileVectorsDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    GraphController_searchEntities: {
        parameters: {
            query?: {
                /** @description Case-insensitive part of the name */
                q?: string;
                type?: "person" | "organization" | "place" | "concept" | "event" | "product" | "other";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["EntityListDto"];
                        message: string;
                    };
                };
            };
            /** @description Unknown type, or limit outside 1..200 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    GraphController_neighbors: {
        parameters: {
            query?: {
                /** @description Relations to follow, either direction */
                depth?: number;
                /** @description Neighbors to return, nearest first */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["NeighborhoodDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed id, depth outside 1..3 or limit outside 1..500 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such entity in the caller's graph */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    GraphController_regenerate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegenerateGraphDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["GraphJobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed file id or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such file among the caller's files */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    GraphController_fileGraph: {
        parameters: {
            query?: {
                /** @description Most-mentioned entities to return */
                limit?: number;
            };
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["FileGraphDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed file id, or limit outside 1..1000 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such file among the caller's files */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UploadBatchesController_upload: {
        parameters: {
            query?: {
                /** @description `high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits */
                priority?: "high" | "normal" | "low";
                /** @description Process again even when the same content was uploaded before */
                reprocess?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string[];
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["BatchUploadAcceptedDto"];
                        message: string;
                    };
                };
            };
            /** @description No `file` part, or malformed multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description PRIORITY_NOT_ALLOWED: priority=high without the quota for it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UploadBatchesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UploadBatchStatusDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such batch, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UploadBatchesController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each event's data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["UploadBatchStatusDto"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such batch, or not yours (JSON error envelope) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "queued" | "processing" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["FileListResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "FilesController_upload[0]": {
        parameters: {
            query?: {
                /** @description `high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits */
                priority?: "high" | "normal" | "low";
                /** @description Process again even when the same content was uploaded before */
                reprocess?: boolean;
            };
            header?: {
                /** @description Client-chosen file id (uuid) */
                "X-File-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: uuid */
                    file_id?: string;
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Duplicate content: no new job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["DuplicateUploadResponseDto"];
                        message: string;
                    };
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UploadAcceptedResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No `file` part, malformed multipart or bad X-File-Id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description PRIORITY_NOT_ALLOWED: priority=high without the quota for it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Larger than UPLOAD_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an accepted document type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Empty file */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description QUOTA_EXCEEDED: {quota, limit, used} (active_jobs, storage_bytes, files, uploads_per_hour); Retry-After when waiting helps */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "FilesController_upload[1]": {
        parameters: {
            query?: {
                /** @description `high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits */
                priority?: "high" | "normal" | "low";
                /** @description Process again even when the same content was uploaded before */
                reprocess?: boolean;
            };
            header?: {
                /** @description Client-chosen file id (uuid) */
                "X-File-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: uuid */
                    file_id?: string;
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Duplicate content: no new job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["DuplicateUploadResponseDto"];
                        message: string;
                    };
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UploadAcceptedResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No `file` part, malformed multipart or bad X-File-Id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description PRIORITY_NOT_ALLOWED: priority=high without the quota for it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Larger than UPLOAD_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an accepted document type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Empty file */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description QUOTA_EXCEEDED: {quota, limit, used} (active_jobs, storage_bytes, files, uploads_per_hour); Retry-After when waiting helps */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["FileResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such file, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {file_id, deleted: true} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["ProcessingStatusResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each event's data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ProcessingStatusResponseDto"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such file, or not yours (JSON error envelope) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_uploadProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UploadProgressResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    FilesController_chunks: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["ChunkListResponseDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    MemoryController_list: {
        parameters: {
            query?: {
                /** @description 1..256 characters of [A-Za-z0-9._-] */
                agent_id?: string;
                /** @description Only keys starting with this (0..256 characters of [A-Za-z0-9._:-]) */
                prefix?: string;
                limit?: number;
                /** @description The next_cursor of the previous page; omit for the first page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["MemoryListDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    MemoryController_search: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchMemoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["MemorySearchResultDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    MemoryController_get: {
        parameters: {
            query?: {
                /** @description 1..256 characters of [A-Za-z0-9._-] */
                agent_id?: string;
            };
            header?: never;
            path: {
                /** @description 1..256 characters of [A-Za-z0-9._:-] */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["MemoryRecordDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    MemoryController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 1..256 characters of [A-Za-z0-9._:-] */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutMemoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["MemoryRecordDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    MemoryController_delete: {
        parameters: {
            query?: {
                /** @description 1..256 characters of [A-Za-z0-9._-] */
                agent_id?: string;
            };
            header?: never;
            path: {
                /** @description 1..256 characters of [A-Za-z0-9._:-] */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["MemoryDeletedDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    QueueMonitorController_queues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["QueueListDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_allStats: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["AllQueueStatsDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_queueStats: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
            };
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["QueueStatsDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_listJobs: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
                /** @description Which jobs to list */
                status?: "queued" | "started" | "finished" | "failed" | "scheduled" | "deferred" | "canceled";
                limit?: number;
            };
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobListDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_job: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
            };
            header?: never;
            path: {
                queue_name: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobDetailDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_findJob: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobDetailDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMonitorController_workers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["WorkerListDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_requeue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobActionResultDto"];
                        /** @example Job requeued */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description The job's status does not allow the action */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Cannot requeue job "7": its status is finished (allowed: failed) */
                        message?: string;
                        error?: {
                            /** @example JOB_STATUS_CONFLICT */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_requeueFailed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequeueFailedDto"];
            };
        };
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["RequeueFailedResultDto"];
                        /** @example Failed jobs requeued */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobActionResultDto"];
                        /** @example Job canceled */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description The job's status does not allow the action */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Cannot requeue job "7": its status is finished (allowed: failed) */
                        message?: string;
                        error?: {
                            /** @example JOB_STATUS_CONFLICT */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_abort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AbortJobDto"];
            };
        };
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["AbortResultDto"];
                        /** @example Abort requested */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description The job's status does not allow the action */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Cannot requeue job "7": its status is finished (allowed: failed) */
                        message?: string;
                        error?: {
                            /** @example JOB_STATUS_CONFLICT */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_promote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["JobActionResultDto"];
                        /** @example Job promoted */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description The job's status does not allow the action */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Cannot requeue job "7": its status is finished (allowed: failed) */
                        message?: string;
                        error?: {
                            /** @example JOB_STATUS_CONFLICT */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["QueuePauseResultDto"];
                        /** @example Queue paused */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["QueuePauseResultDto"];
                        /** @example Queue resumed */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueActionsController_clean: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CleanQueueDto"];
            };
        };
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["CleanResultDto"];
                        /** @example Queue cleaned */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MigrationsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartMigrationDto"];
            };
        };
        responses: {
            /** @description Success envelope: the migration runs in the background (GET it by id for progress) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["MigrationStartedDto"];
                        /** @example Migration started */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description Unknown queue or job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Queue "nope" not found */
                        message?: string;
                        error?: {
                            /** @example QUEUE_NOT_FOUND */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description MIGRATION_RUNNING: a migration of this source queue (shard and queue) runs, here, in another process or the CLI */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example A migration of queue "vectorization" on shard "0" is running (…); wait for it to end */
                        message?: string;
                        error?: {
                            /** @example MIGRATION_RUNNING */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MigrationsController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                migration_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["MigrationProgressDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    QueueMetricsController_window: {
        parameters: {
            query?: {
                /** @description Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard */
                shard?: string;
                /** @description Window in minutes (up to one week) */
                window?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example true */
                        success: boolean;
                        data: components["schemas"]["MetricsDto"];
                        /** @example OK */
                        message: string;
                    };
                };
            };
            /** @description Invalid query or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Validation failed */
                        message?: string;
                        error?: {
                            /** @example VALIDATION_ERROR */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example false */
                        success?: boolean;
                        /** @example Admin role required */
                        message?: string;
                        error?: {
                            /** @example FORBIDDEN */
                            code?: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PrometheusController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example rq_queue_jobs{queue="file_processing",status="queued"} 3 */
                    "text/plain": unknown;
                };
            };
            /** @description Not loopback and no valid METRICS_TOKEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Redis is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    QuotaController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["QuotaDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UserQuotaController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserQuotaDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    UserQuotaController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuotaDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["UserQuotaDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    JobsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "queued" | "started" | "finished" | "failed" | "scheduled" | "deferred" | "canceled";
                queue?: "file_processing" | "vectorization" | "kg_extraction" | "token_revocation" | "memory_consolidation";
                /** @description Admins: this user's jobs (default: every user's) */
                user_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["OwnJobListDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description user_id of another user without the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    JobsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["OwnJobDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job among the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    JobsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["CancelJobResultDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such job among the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description JOB_STATUS_CONFLICT: the job already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ThroughputController_window: {
        parameters: {
            query?: {
                /** @description Window in minutes (up to one week) */
                window?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["ThroughputDto"];
                        message: string;
                    };
                };
            };
            /** @description window outside 1..10080 (VALIDATION_ERROR) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["AlertListDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller is not an admin (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkerTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["RemoteWorkerTokenListDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkerTokensController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRemoteWorkerTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["IssuedRemoteWorkerTokenDto"];
                        message: string;
                    };
                };
            };
            /** @description VALIDATION_ERROR, USER_NOT_FOUND */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkerTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["RemoteWorkerTokenDto"];
                        message: string;
                    };
                };
            };
            /** @description No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description REMOTE_WORKER_TOKEN_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkersController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["LeaseDto"];
                        message: string;
                    };
                };
            };
            /** @description No job came within max_wait_ms */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: unknown;
                        message: string;
                    };
                };
            };
            /** @description REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkersController_input: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lease_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NDJSON lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_NOT_FOUND, FILE_NOT_FOUND (the job then fails for good) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_EXPIRED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkersController_heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lease_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["LeaseStateDto"];
                        message: string;
                    };
                };
            };
            /** @description REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_EXPIRED: the job went back to the queue */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkersController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lease_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["LeaseEndDto"];
                        message: string;
                    };
                };
            };
            /** @description VALIDATION_ERROR, INVALID_RESULT (the lease stays: answer again) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_NOT_FOUND, FILE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_EXPIRED (nothing changed), CHUNKS_CHANGED (the job is retried) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE (REMOTE_RESULT_MAX_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    RemoteWorkersController_fail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lease_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["LeaseEndDto"];
                        message: string;
                    };
                };
            };
            /** @description REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description LEASE_EXPIRED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
