#!/usr/bin/env bash
# The benchmark of issue 12: BiginBulk's bulk API, end to end over HTTP on a Release build, against the
# databases' own loaders on the same CSV in the same run. Prints a Markdown table, writes JSON.
#
# Usage: bench/run.sh [--store sqlite|postgres|both] [--rows N] [--runs K] [--quick] [--memory-rows M]
#                     [--zoho-rows Z] [--no-memory] [--insert-only] [--poll-ms MS] [--seed S] [--out FILE]
#   defaults: --store both --rows 200000 --runs 3 --memory-rows 1000000 (5×rows with --quick)
#   --quick:  --rows 20000 --runs 1 --memory-rows 100000 (explicit options still win)
#   --insert-only: only scenario 1 (insert, its polls and peak memory) in each run, for profiling the write path
#
# PostgreSQL runs on a cluster this script creates in a temp directory (initdb, loopback, free port) with the
# DEFAULT durability settings (fsync, synchronous_commit, full_page_writes on), and stops at the end. Missing
# Debian packages (sqlite3, postgresql, zip, pgloader) are installed with apt-get when root; pgloader is
# optional (its row says why it is missing). Every process started here is stopped on exit, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

store=both
out="$repo/bench/results/latest.json"
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store="$2"; shift 2 ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    --quick|--no-memory|--insert-only) driver_args+=("$1"); shift ;;
    --rows|--runs|--memory-rows|--zoho-rows|--poll-ms|--seed) driver_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (see bench/run.sh --help)." >&2; exit 2 ;;
  esac
done
case "$store" in sqlite|postgres|both) ;; *) echo "--store is sqlite, postgres or both." >&2; exit 2 ;; esac

# One run at a time per checkout: two would rebuild the server under each other and disturb each other's numbers.
exec 9<"$0"
if ! flock -n 9; then
  echo "Another bench/run.sh is running in this checkout; wait for it to finish." >&2
  exit 1
fi

work="$(mktemp -d /tmp/biginbulk-bench.XXXXXX)"
pg_ctl=""
pgdata="$work/pg/data"
as_postgres=()
driver_pid=""

cleanup() {
  local code=$?
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill "$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  # Servers the driver started (it records their PIDs); normally it has stopped them already.
  if [ -f "$work/server.pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done <"$work/server.pids"
  fi
  if [ -n "$pg_ctl" ] && [ -f "$pgdata/postmaster.pid" ]; then
    "${as_postgres[@]}" "$pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "$code" -ne 0 ] && [ -d "$work/servers" ]; then
    for log in "$work"/servers/*/server.log; do
      [ -s "$log" ] || continue
      echo "--- last lines of $log" >&2
      tail -n 20 "$log" >&2
    done
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing $*: install it (apt-get install $*), which needs root." >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq; apt_updated=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v sqlite3 >/dev/null || apt_install sqlite3
command -v zip >/dev/null || apt_install zip

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_args=()
start_postgres() {
  local bin
  bin="$(find_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found: installing Debian's postgresql package." >&2
    apt_install postgresql
    bin="$(find_pg_bin)"
  fi
  if ! command -v pgloader >/dev/null; then
    echo "pgloader not found: installing Debian's package (its baseline is skipped if that fails)." >&2
    apt_install pgloader || echo "pgloader could not be installed; its baseline is skipped." >&2
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
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  done
  # Default durability on purpose: no fsync=off / synchronous_commit=off / full_page_writes=off here (the test
  # cluster's flags); a benchmark must pay for the writes it claims. Only where and how to listen is set.
  "${as_postgres[@]}" "$pg_ctl" -D "$pgdata" -l "$work/pg/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $work/pg" >/dev/null || { cat "$work/pg/server.log" >&2; return 1; }
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (default durability)" >&2
  pg_args=(--pg-host 127.0.0.1 --pg-port "$port")
  if command -v pgloader >/dev/null; then pg_args+=(--pgloader "$(command -v pgloader)"); fi
}
if [ "$store" != sqlite ]; then start_postgres; fi

echo "Building the server and the driver (Release)" >&2
dotnet build src/BiginBulk.Server -c Release -v q -nologo -clp:NoSummary >&2
dotnet build bench/BiginBulk.Bench -c Release -v q -nologo -clp:NoSummary >&2

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then commit="$commit+dirty"; fi

# Baseline files are written by psql as this user and read by pgloader/psql; the work dir must be readable.
chmod 755 "$work"
dotnet bench/BiginBulk.Bench/bin/Release/net10.0/BiginBulk.Bench.dll \
  --store "$store" --server-dll src/BiginBulk.Server/bin/Release/net10.0/BiginBulk.Server.dll --work "$work" \
  --out "$out" --commit "$commit" --command "bench/run.sh --store $store ${driver_args[*]:-}" \
  "${pg_args[@]}" "${driver_args[@]}" &
driver_pid=$!
wait "$driver_pid"
driver_pid=""
