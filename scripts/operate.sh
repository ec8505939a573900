#!/usr/bin/env bash
# Operator commands for a running platform: move failed messages back from an _error queue, retry parked
# outbox messages, back up and restore a database. `scripts/operate.sh help` lists them (README, "Operating it").
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project tools/Operator -- "$@"
