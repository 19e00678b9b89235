#!/usr/bin/env bash
# The queue report of the original system: every queue, per-queue waiting/started/finished/failed/total, and the
# workers with state, queues and current job. `--json` prints the same as JSON. Exit 1 when Redis does not answer.
# Reads REDIS_URL / REDIS_HOST / REDIS_PORT / QUEUE_PREFIX from the environment (and .env when present).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/run-cli.sh
. scripts/lib/run-cli.sh
run_cli dist/queue-monitor/rq-status.cli.js "${RQ_STATUS_CLI:-}" "$@"
