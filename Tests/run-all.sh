#!/usr/bin/env bash
# Runs every test in the repository: the web resources' type check, lint, bundle budget, unit tests
# and real-browser test (first, because the .NET tests read the built bundles), then
# the .NET test projects. Installs what the tests need (npm packages; Debian's
# chromium when missing and we are root). Ends with one line totalled over every runner:
#   N passed, N failed, N skipped
# A skipped test is one that reported why it could not run here (the schema tests without
# Microsoft's XSDs); it neither passes nor fails the run.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
cd "$root"

passed=0
failed=0
skipped=0
status=0

note() { printf '\n== %s\n' "$*"; }

# Adds a runner's counts (passed, failed, exit code, skipped); a runner that crashed before
# reporting counts as one failure.
count() {
  local name="$1" p="$2" f="$3" rc="$4" s="${5:-0}"
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "$name: no result (exit code $rc); counted as 1 failure"
    failed=$((failed + 1)); status=1; return
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  echo "$name: $p passed, $f failed, $s skipped"
  if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then status=1; fi
}

# A check that is not a test runner (lint, bundle budget) counts as one test.
check() {
  local name="$1"; shift
  if "$@"; then count "$name" 1 0 0; else count "$name" 0 1 1; fi
}

if [ -f WebResources/package.json ]; then
  note "Web resources"
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      echo "Installing Debian's chromium for the browser test..."
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "chromium could not be installed; the browser test will fail."
    else
      echo "chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again."
    fi
  fi
  (cd WebResources && npm ci --no-audit --no-fund --loglevel=error)
  npm_rc=$?
  if [ "$npm_rc" -ne 0 ]; then
    count "npm ci" "" "" "$npm_rc"
  else
    check "typecheck" bash -c "cd WebResources && npm run --silent typecheck"
    check "eslint" bash -c "cd WebResources && npm run --silent lint"
    check "bundle and size budget" bash -c "cd WebResources && npm run --silent bundle && npm run --silent budgets"
    (cd WebResources && npm run --silent test)
    vitest_rc=$?
    vitest_json="WebResources/test-output/vitest.json"
    if [ -f "$vitest_json" ]; then
      vp=$(node -e "const r=require('./$vitest_json');console.log(r.numPassedTests)")
      vf=$(node -e "const r=require('./$vitest_json');console.log(r.numFailedTests)")
      vs=$(node -e "const r=require('./$vitest_json');console.log(r.numPendingTests+r.numTodoTests)")
      count "vitest" "$vp" "$vf" "$vitest_rc" "$vs"
    else
      count "vitest" "" "" "$vitest_rc"
    fi
    browser_out="$results/browser.txt"
    (cd WebResources && node tests/browser/stakeholdermap.browser.mjs) 2>&1 | tee "$browser_out"
    browser_rc=${PIPESTATUS[0]}
    line=$(grep -E '^browser: [0-9]+ passed, [0-9]+ failed' "$browser_out" | tail -n 1)
    bp=$(sed -n 's/^browser: \([0-9]*\) passed.*/\1/p' <<<"$line")
    bf=$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$line")
    count "browser" "$bp" "$bf" "$browser_rc"
  fi
fi


note ".NET tests"
dotnet test CrmRelationship.sln -c Release --nologo \
  --logger "trx" --results-directory "$results/dotnet"
dotnet_rc=$?
dp=0; df=0; ds=0; trx_found=0
for trx in "$results"/dotnet/*.trx; do
  [ -f "$trx" ] || continue
  trx_found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  # A test NUnit ignored (Assert.Ignore) is in the trx's total but not among the executed; the
  # logger leaves its notExecuted counter at 0, so the difference is the count.
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  dp=$((dp + ${p:-0})); df=$((df + ${f:-0} + ${e:-0})); ds=$((ds + ${t:-0} - ${x:-0}))
done
if [ "$trx_found" -eq 1 ]; then count "dotnet" "$dp" "$df" "$dotnet_rc" "$ds"; else count "dotnet" "" "" "$dotnet_rc"; fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
