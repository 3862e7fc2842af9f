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

# Everything the pipeline runs, as Debian packages.
packages=(
	git make gcc libc6-dev bc bison flex libelf-dev libssl-dev cpio kmod
	rsync xz-utils dpkg-dev debhelper rpm qemu-system-x86 busybox-static
	dkms lintian rpmlint ca-certificates
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "build.sh: missing Debian packages. Install them with:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
		exit 1
	fi
	echo "build.sh: installing ${missing[*]}"
	apt-get update -q || echo "build.sh: apt-get update reported errors; trying the install anyway" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null; then
	echo "build.sh: the .NET SDK 10 is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./build.sh again" >&2
	exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
