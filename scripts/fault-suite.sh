#!/usr/bin/env bash
# Issue 12's fault suite: every scenario on the real application model (PostgreSQL, RabbitMQ, the services
# as real processes), faults injected by process id, outcomes counted in the databases. One line per scenario:
#   fault <name>: <N> submitted, <A> accepted, <C> counted once, <L> lost, <D> duplicated
# Exits non-zero on any loss, duplicate or broken promise. Full counts by default; `--scale ci` is what
# ./test.sh runs. Scenario names as arguments run only those (e.g. scripts/fault-suite.sh broker-outage).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
dotnet build tests/FaultSuite -nologo -clp:ErrorsOnly
exec dotnet run --project tests/FaultSuite --no-build -- "$@"
