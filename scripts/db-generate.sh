#!/usr/bin/env bash
# Generates a migration for one feature's tables: scripts/db-generate.sh <feature> [name]
# Each feature owns src/<feature>/<feature>.schema.ts and drizzle/<feature>/ (applied in order at start).
set -euo pipefail
feature=${1:?usage: npm run db:generate -- <feature> [name]}
cd "$(dirname "$0")/.."
npx drizzle-kit generate --dialect postgresql --schema "src/${feature}/${feature}.schema.ts" \
  --out "drizzle/${feature}" ${2:+--name "$2"}
