#!/usr/bin/env bash
# Writes a screenshot of every portal page (Latvian and English, 1280 px and 360 px wide) into
# TestResults/screenshots/ (git-ignored), from the showcase platform the look tests use: real
# PostgreSQL, RabbitMQ, the three services and the portal, on free loopback ports, stopped afterwards.
# The start page is shot for every role; the other staff pages as the Administrator sees them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh --browser

out="$PWD/TestResults/screenshots"
rm -rf "$out" && mkdir -p "$out"
PORTAL_SCREENSHOTS="$out" dotnet test tests/Portal.Tests --filter "FullyQualifiedName~Look.Every_page_looks_finished" \
  --logger "console;verbosity=minimal"
# The mailing section (a bounce, the template with its preview) and the organisation form: issue 15's states.
PORTAL_SCREENSHOTS="$out" dotnet test tests/Portal.Tests --filter "FullyQualifiedName~Mailing_invitations_and_reminders" \
  --logger "console;verbosity=minimal"
echo "Screenshots: $out ($(ls "$out" | wc -l) files)"
