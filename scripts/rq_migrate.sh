#!/usr/bin/env bash
# Moves a queue's waiting, delayed and failed jobs to another queue shard or queue (the same migration as
# POST /api/v1/rq/migrations), in this process, printing progress; safe to stop and run again (a rerun resumes).
#   scripts/rq_migrate.sh --queue file_processing --from 1 --to 0            # drain shard 1 into shard 0
#   scripts/rq_migrate.sh --queue vectorization --from 0 --to-queue kg_extraction --states waiting --limit 500
# Reads REDIS_URL / QUEUE_SHARDS / QUEUE_PREFIX from the environment (and .env when present). Exit 1 on an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/run-cli.sh
. scripts/lib/run-cli.sh
run_cli dist/queue-monitor/migrations/rq-migrate.cli.js "${RQ_MIGRATE_CLI:-}" "$@"
