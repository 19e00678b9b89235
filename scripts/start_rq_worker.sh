#!/usr/bin/env bash
# Starts a worker process for one or more queues, as the original system's start_rq_worker.sh did.
#   scripts/start_rq_worker.sh <queue> [<queue>...]      e.g. scripts/start_rq_worker.sh file_processing vectorization
# Checks that dependencies are installed and Redis answers, builds if needed, logs to logs/rq_worker_<queues>.log.
# A worker that exits 0 on its own (recycled: WORKER_MAX_JOBS / WORKER_MAX_MEMORY_MB) is started again; SIGTERM or
# SIGINT stops it (running jobs finish) and the script; any other exit ends the script with the worker's code.
# Environment as for the API (REDIS_URL / REDIS_HOST..., DATABASE_URL, WORKER_CONCURRENCY, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

known="file_processing vectorization kg_extraction token_revocation memory_consolidation"
if [ $# -eq 0 ]; then
  echo "usage: $0 <queue> [<queue>...]   (queues: ${known// /, })" >&2
  exit 1
fi
for queue in "$@"; do
  case " $known " in *" $queue "*) ;; *) echo "unknown queue: $queue (queues: ${known// /, })" >&2; exit 1 ;; esac
done

if [ ! -d node_modules/bullmq ] || [ ! -d node_modules/@nestjs/core ]; then
  echo "dependencies are not installed: run 'npm install' first" >&2
  exit 1
fi

if [ -n "${REDIS_URL:-}" ]; then
  redis_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname)' "$REDIS_URL")
  redis_port=$(node -e 'const u=new URL(process.argv[1]);console.log(u.port||6379)' "$REDIS_URL")
else
  redis_host=${REDIS_HOST:-127.0.0.1}
  redis_port=${REDIS_PORT:-6379}
fi
if ! (exec 3<>"/dev/tcp/${redis_host}/${redis_port}") 2>/dev/null; then
  echo "Redis does not answer at ${redis_host}:${redis_port}: start it (redis-server) or set REDIS_URL" >&2
  exit 1
fi

if [ ! -f dist/worker.js ] || [ -n "$(find src -newer dist/worker.js -name '*.ts' -print -quit)" ]; then
  npx nest build
fi

mkdir -p logs
queues=$(IFS=,; echo "$*")
log="logs/rq_worker_$(IFS=_; echo "$*").log"
echo "starting worker for ${queues}; logging to ${log}"
child=""
stopping=""
stop() {
  stopping=1
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; fi
}
trap stop TERM INT
while true; do
  WORKER_QUEUES="$queues" node --import ./dist/infra/telemetry/preload.js dist/worker.js >>"$log" 2>&1 &
  child=$!
  set +e
  wait "$child"
  code=$?
  # A trapped signal ends `wait` early: wait for the worker itself to finish its jobs and exit.
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    code=$?
  done
  set -e
  if [ -n "$stopping" ] || [ "$code" -ne 0 ]; then exit "$code"; fi
  echo "$(date -u +%FT%TZ) worker exited 0 (recycled); starting a new one" >>"$log"
done
