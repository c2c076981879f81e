#!/usr/bin/env bash
# Smoke test of the built gateway under one Node.js binary: does it start, migrate, seed,
# answer GraphQL and the feeds, stop cleanly on SIGTERM, and print no deprecation or other
# runtime warning? Meant for checking a Node version other than the one the project was
# installed with (better-sqlite3 must have been rebuilt for it: docs/operators.md).
#
#   scripts/smoke-node.sh [node binary]        (default: node on PATH)
#
# DATABASE_URL picks the database (default: a fresh SQLite file in a temporary folder; a
# PostgreSQL database should be empty or already hold this project's tables), PORT the port
# (default 4199). Needs `npm run build` first. Exit 0 when every check passed.
set -uo pipefail
cd "$(dirname "$0")/.."

node_bin=${1:-node}
port=${PORT:-4199}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failed=0
check() { # check <what> <command…>: one line per check, so a failure says which
  local what=$1; shift
  if "$@"; then echo "  ok    $what"; else echo "  FAIL  $what"; failed=$((failed + 1)); fi
}

[ -f dist/src/main.js ] || { echo "dist/ is missing: run npm run build first"; exit 1; }
version=$("$node_bin" --version) || { echo "cannot run $node_bin"; exit 1; }
echo "clustergraph smoke test on Node $version ($node_bin)"

# A better-sqlite3 built for another Node fails only when the first database opens; say so
# up front with the remedy rather than as a stack trace from inside the server.
if ! out=$("$node_bin" -e "new (require('better-sqlite3'))(':memory:').close()" 2>&1); then
  echo "$out" | grep -E '^Error|NODE_MODULE_VERSION' | head -n 4
  echo "better-sqlite3 does not load under Node $version: run npm rebuild better-sqlite3 with this Node (docs/operators.md, Node.js versions)"
  exit 1
fi

# better-sqlite3 12 compiled against the headers of Node 24.19 or later aborts the process
# ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook) when the garbage
# collector frees a statement outside JavaScript, at an arbitrary moment of a running server.
# Dropping many statements that read a table, then idling, triggers it within seconds where
# the build is affected (statements that read no table did not, on Node 24.21.0).
if ! out=$("$node_bin" -e "
  const db = new (require('better-sqlite3'))(':memory:');
  db.exec('CREATE TABLE t (a)');
  for (let i = 0; i < 200000; i++) db.prepare('SELECT ' + (i % 50) + ' AS x FROM t').all();
  setTimeout(() => console.log('statements collected'), 3000);" 2>&1); then
  echo "$out" | grep -m1 'Assertion failed'
  echo "better-sqlite3 aborts when statements are garbage-collected under Node $version: rebuild it against"
  echo "the headers of Node 24.18 or earlier (--nodedir) or use a prebuilt binary (docs/operators.md, Node.js versions)"
  exit 1
fi

export DATABASE_URL=${DATABASE_URL:-sqlite:$work/smoke.db}
PORT=$port HOST=127.0.0.1 LOG_LEVEL=warn \
  "$node_bin" --trace-deprecation --trace-warnings bin/clustergraph.js serve >"$work/out.log" 2>"$work/err.log" &
server=$!
for _ in $(seq 1 120); do
  curl -sf "$base/readyz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done

gql() { curl -sf "$base/graphql" -H 'content-type: application/json' -d "$1"; }
check "ready (/readyz)" curl -sf "$base/readyz" -o /dev/null
check "GraphQL POST: the demo campaign" \
  grep -q '"name":"Bundesweite Clusterwoche 2017"' <(gql '{"query":"{ campaign(slug: \"clusterwoche-2017\") { name patrons { name } } }"}')
check "GraphQL POST: events by category in Baden-Württemberg" \
  grep -q '"category":' <(gql '{"query":"{ eventsByCategory(filter: { region: \"DE1\", campaign: \"clusterwoche-2017\" }, eventsPerCategory: 5) { category count events { title venue { city } } } }"}')
check "GraphQL GET" grep -q '"__typename":"Query"' <(curl -sf -G "$base/graphql" --data-urlencode 'query={ __typename }')
check "iCalendar feed" grep -q 'BEGIN:VEVENT' <(curl -sf "$base/feeds/events.ics?region=DE1&campaign=clusterwoche-2017")
check "CSV export" test "$(curl -sf "$base/exports/events.csv?region=DE1&campaign=clusterwoche-2017" | wc -l)" -gt 1
check "XLSX export (a zip)" grep -q '^PK' <(curl -sf "$base/exports/events.xlsx?region=DE1&campaign=clusterwoche-2017" | head -c 2)
check "statistics page" curl -sf "$base/stats?campaign=clusterwoche-2017" -o /dev/null
check "metrics" grep -q '^nodejs_' <(curl -sf "$base/metrics")

kill -TERM "$server" 2>/dev/null
wait "$server"
code=$?
server=""
check "exit 0 after SIGTERM" test "$code" -eq 0
check "no warning on stderr" bash -c "! grep -q 'Warning' '$work/err.log'"
[ -s "$work/err.log" ] && { echo "stderr of the server:"; sed 's/^/  | /' "$work/err.log"; }

if [ "$failed" -eq 0 ]; then echo "smoke test on Node $version: all checks passed"; exit 0; fi
echo "smoke test on Node $version: $failed check(s) failed"
exit 1
