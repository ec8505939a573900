#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL, RabbitMQ, the three services and the web
# portal, through the AppHost. Installs the server packages first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
