#!/usr/bin/env bash
# Installs the Debian packages the pipeline and its tests run, when missing.
# As root it installs them; otherwise it prints the command and exits 1.
# Used by build.sh and, through tests/Directory.Build.targets, by `dotnet test`.
set -euo pipefail

# Both test projects may run this at once: one apt at a time.
exec 9>"${TMPDIR:-/tmp}/mtcopy-deps.lock"
flock 9

packages=(
	git make gcc libc6-dev bc bison flex libelf-dev libssl-dev cpio kmod
	rsync xz-utils dpkg-dev debhelper rpm qemu-system-x86 busybox-static
	dkms dh-dkms lintian rpmlint ca-certificates libdw-dev
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "mtcopy: missing Debian packages. Install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
echo "mtcopy: installing ${missing[*]}"
apt-get update -q || echo "mtcopy: apt-get update reported errors; trying the install anyway" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
