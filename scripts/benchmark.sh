#!/usr/bin/env bash
# Issue 13's benchmark: the platform, started from the AppHost's own model (Release builds, local PostgreSQL and
# RabbitMQ), against a hand-written baseline on the same servers, loaded over HTTP on loopback. Prints a table and
# writes TestResults/benchmark.json. Not part of the test suite. Options: scripts/benchmark.sh --help
# (--quick for a two-minute run while developing). Measure on a quiet machine: the figures are only as good as that.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --browser
dotnet build tests/Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet tests/Benchmarks/bin/Release/net10.0/StrategyPlatform.Benchmarks.dll "$@"
