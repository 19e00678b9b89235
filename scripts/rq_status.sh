#!/usr/bin/env bash
# The queue report of the original system: every queue, per-queue waiting/started/finished/failed/total, and the
# workers with state, queues and current job. `--json` prints the same as JSON. Exit 1 when Redis does not answer.
# Reads REDIS_URL / REDIS_HOST / REDIS_PORT / QUEUE_PREFIX from the environment (and .env when present).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -f .env ]; then
  set -a
  # shellcheck disable=SC1091
  . ./.env
  set +a
fi

entry="${RQ_STATUS_CLI:-dist/queue-monitor/rq-status.cli.js}"
if [ -z "${RQ_STATUS_CLI:-}" ]; then
  # Build when the compiled entry is missing or older than the sources.
  if [ ! -f "$entry" ] || [ -n "$(find src -name '*.ts' -newer "$entry" -print -quit)" ]; then
    echo "building (npx nest build)..." >&2
    npx nest build >&2
  fi
fi
exec node "$entry" "$@"
