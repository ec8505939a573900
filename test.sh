#!/usr/bin/env bash
# Runs every test of the platform against real servers and a real browser, then the fault suite at CI
# counts. Installs PostgreSQL, RabbitMQ and Chromium first when they are missing. Extra arguments go to
# `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh --browser

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test StrategyPlatform.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?

# One closing line over all test projects, the way CI reads a run.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
# CI shows only the end of a run: name every failed test there with the start of its message.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    # One result per line, then the failed ones' names and the first lines of their messages.
    tr '\n' ' ' <"$trx" | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>\(<[^U][^>]*>\|[^<]\)*' |
      sed -E 's/^<UnitTestResult [^>]*testName="([^"]*)".*<Message>([^<]{0,600}).*/  \1\n      \2/; t; s/^<UnitTestResult [^>]*testName="([^"]*)".*/  \1/' |
      sed -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' || true
  done
fi
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"

# Then the fault suite at CI counts (scripts/fault-suite.sh runs the full ones), on its own so that its
# platforms never compete with the test projects: one line of figures per scenario, non-zero on any loss.
# FAULT_SUITE=skip leaves it out (for a quick local run).
if [ "${FAULT_SUITE:-run}" != "skip" ]; then
  faults=0
  # Not a test project, so `dotnet test` above did not build it.
  dotnet build tests/FaultSuite -nologo -clp:ErrorsOnly >"$results/fault-suite-build.log" 2>&1 || { cat "$results/fault-suite-build.log"; faults=1; }
  if [ "$faults" -eq 0 ]; then
    dotnet run --project tests/FaultSuite --no-build -- --scale ci 2>"$results/fault-suite.log" | tee "$results/fault-suite.txt" || faults=$?
  fi
  if [ "$faults" -ne 0 ]; then
    echo "Fault suite failed (exit $faults); what went wrong:"
    grep -E "FAILED|did not finish" "$results/fault-suite.log" | cut -c1-600 | head -n 20 || true
    tail -n 5 "$results/fault-suite.log"
    status=1
  fi
  echo "Fault suite: $(grep -c '^fault ' "$results/fault-suite.txt" || true) scenarios, $( [ "$faults" -eq 0 ] && echo 'none lost or duplicated' || echo 'FAILED')"
fi
exit $status
