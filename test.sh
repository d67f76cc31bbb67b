#!/usr/bin/env bash
# Runs the whole test suite: builds the solution and runs every test project against the real server.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
dotnet test BiginBulk.slnx --configuration Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line that any CI reads: the totals over every test project.
passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(get total); p=$(get passed); f=$(get failed); e=$(get executed)
  total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$total" -eq 0 ]; then
  echo "No tests ran." >&2
  exit 1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
