#!/usr/bin/env bash
# Runs the whole test suite twice: once with the server on SQLite, once on PostgreSQL.
# PostgreSQL comes from Debian's packages when its server binaries are missing (apt-get, as root); a throwaway
# cluster is created in a temp directory, listens on a free loopback port, and is always stopped at the end.
# Every server the PostgreSQL run starts gets its own fresh database on that cluster.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
pg_ctl=""
pgdata="$work/pg/data"
as_postgres=()

cleanup() {
  if [ -n "$pg_ctl" ] && [ -f "$pgdata/postmaster.pid" ]; then
    "${as_postgres[@]}" "$pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  local bin
  bin="$(find_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found: installing Debian's postgresql package." >&2
    if [ "$(id -u)" -ne 0 ]; then
      echo "Installing PostgreSQL needs root (apt-get install postgresql)." >&2
      return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin="$(find_pg_bin)"
  fi

  pg_ctl="$bin/pg_ctl"
  mkdir -p "$work/pg"
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package created.
    chown postgres "$work/pg"
    chmod 755 "$work"
    as_postgres=(runuser -u postgres --)
  fi

  "${as_postgres[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
    || { cat "$work/pg/initdb.log" >&2; return 1; }

  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      break
    fi
  done

  # A throwaway cluster: durability settings off (nothing here outlives the run), room for the parallel servers.
  "${as_postgres[@]}" "$pg_ctl" -D "$pgdata" -l "$work/pg/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$work/pg/server.log" >&2; return 1; }
  export BIGINBULK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

status=0
start_postgres || { echo "Could not start PostgreSQL: the PostgreSQL run cannot happen, so the suite fails." >&2; status=1; }

dotnet build BiginBulk.slnx --configuration Release || exit 1

# Progress while the long server suites run: dotnet test's per-assembly summaries and every failure as they
# come, plus one line per 250 passed tests (the passed tests themselves are not listed).
progress() {
  awk -v store="$1" '
    /^[[:space:]]+Passed / { passed++; if (passed % 250 == 0) { printf "  [%s] %d tests passed so far\n", store, passed; fflush() } next }
    { print; fflush() }'
}

run() {
  local store="$1" rc
  shift
  echo "== Test run on $store" >&2
  set +e
  BIGINBULK_TEST_STORE="$store" dotnet test BiginBulk.slnx --configuration Release --no-build \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$work/results-$store" "$@" | progress "$store"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || status=1
}
run sqlite "$@"
# Also when PostgreSQL could not start: its tests then fail loudly instead of silently not running.
run postgres "$@"

# One closing line that any CI reads: the totals over every test project of both runs.
passed=0; failed=0; skipped=0; total=0
for trx in "$work"/results-*/*.trx; do
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
