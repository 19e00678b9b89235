#!/usr/bin/env bash
# Shared by the scripts/rq_*.sh commands: load .env, build when the compiled entry is missing or older than the
# sources (unless the caller names its own entry), then run it.
#   run_cli <compiled entry> <override entry or empty> [args...]
run_cli() {
  local entry="$1" override="$2"
  shift 2
  if [ -f .env ]; then
    set -a
    # shellcheck disable=SC1091
    . ./.env
    set +a
  fi
  if [ -n "$override" ]; then
    entry="$override"
  elif [ ! -f "$entry" ] || [ -n "$(find src -name '*.ts' -newer "$entry" -print -quit)" ]; then
    echo "building (npx nest build)..." >&2
    npx nest build >&2
  fi
  exec node "$entry" "$@"
}
