#!/usr/bin/env bash
# mtcopy: one command from a fresh Debian machine to a patched, built,
# smoke-tested kernel and module.
#
#   ./build.sh                      the whole pipeline on the default kernel
#   ./build.sh --target=Apply       one stage, with the stages it needs
#   ./build.sh --kernel=PATH|debian:6.12|TARBALL|git:URL@REF --series=DIR
#              --config=FRAGMENT|FULL_CONFIG --out=DIR --jobs=N
#   ./build.sh --help                   the targets, and every argument with its default
#   ./build.sh --target=Package --help  the arguments the stages of Package read
#
# As root it installs missing Debian packages itself; otherwise it prints
# the command to run and stops.
set -euo pipefail
cd "$(dirname "$0")"

# --help (alone or with --target=X): the targets and the arguments with their defaults, from the CLI's option
# declarations and build.cake's task graph. Builds the CLI only: installs nothing, starts no stage.
for arg in "$@"; do
	if [ "$arg" = --help ] || [ "$arg" = -h ]; then
		command -v dotnet >/dev/null || { echo "build.sh: the .NET SDK 10 is missing; see README.md" >&2; exit 1; }
		export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
		if ! log=$(dotnet build build/Mtcopy.Cli/Mtcopy.Cli.csproj -c Release --nologo -v quiet 2>&1); then
			echo "$log" >&2
			exit 1
		fi
		exec dotnet build/Mtcopy.Cli/bin/Release/net10.0/mtcopy.dll help "$@"
	fi
done

scripts/deps.sh

if ! command -v dotnet >/dev/null; then
	echo "build.sh: the .NET SDK 10 is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./build.sh again" >&2
	exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
