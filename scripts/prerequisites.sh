#!/usr/bin/env bash
# Installs the machine packages the platform runs on, when they are missing:
#   PostgreSQL server binaries and RabbitMQ (to run), Chromium (for the browser tests: pass --browser),
#   and the repository's .NET tools (.config/dotnet-tools.json: smtp4dev, the local mail server).
# Debian/Ubuntu only; uses sudo when not root. Safe to run again: it installs nothing already there.
set -euo pipefail

# The local SMTP server the AppHost and the tests run (restored into the NuGet cache; quick when it is there).
(cd "$(dirname "$0")/.." && dotnet tool restore >/dev/null)

want=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then want+=(postgresql); fi
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then want+=(rabbitmq-server); fi
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then want+=(chromium); fi

if [ ${#want[@]} -eq 0 ]; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${want[*]}. Install them with your system's package manager (this script knows apt only)." >&2
  exit 1
fi
# As root (CI) run the command as it is; otherwise through sudo, keeping DEBIAN_FRONTEND.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -E "$@"; fi; }

echo "Installing ${want[*]} ..."
# The packages' own system services are not wanted (the AppHost and the tests run their own
# servers on their own ports): a temporary policy-rc.d keeps apt from starting them.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq "${want[@]}" >/dev/null
echo "Installed ${want[*]}."
