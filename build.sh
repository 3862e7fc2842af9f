#!/usr/bin/env bash
# mtcopy: one command from a fresh Debian machine to a patched, built,
# smoke-tested kernel and module.
#
#   ./build.sh                      the whole pipeline on the default kernel
#   ./build.sh --target=Apply       one stage, with the stages it needs
#   ./build.sh --kernel=PATH|debian:6.12|TARBALL|git:URL@REF --series=DIR
#              --config=FRAGMENT|FULL_CONFIG --out=DIR --jobs=N
#
# As root it installs missing Debian packages itself; otherwise it prints
# the command to run and stops.
set -euo pipefail
cd "$(dirname "$0")"

scripts/deps.sh

if ! command -v dotnet >/dev/null; then
	echo "build.sh: the .NET SDK 10 is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./build.sh again" >&2
	exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
