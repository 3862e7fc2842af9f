#!/usr/bin/env bash
# Installs the Debian packages the pipeline and its tests run, when missing.
# As root it installs them; otherwise it prints the command and exits 1.
# Used by build.sh and, through tests/Directory.Build.targets, by `dotnet test`.
set -euo pipefail

packages=(
	git make gcc libc6-dev bc bison flex libelf-dev libssl-dev cpio kmod
	rsync xz-utils dpkg-dev debhelper rpm qemu-system-x86 busybox-static
	dkms dh-dkms lintian rpmlint ca-certificates libdw-dev nodejs chromium ccache
	mmdebstrap e2fsprogs
)

# One dpkg-query for all of them (each call reads dpkg's whole database): the check runs on every ./build.sh.
find_missing() {
	local -A installed=()
	local name want flag status
	while read -r name want flag status; do
		[ "$want $flag $status" = "install ok installed" ] && installed[$name]=1
	done < <(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
	missing=()
	for p in "${packages[@]}"; do
		[ -n "${installed[$p]:-}" ] || missing+=("$p")
	done
	# npm (scripts/lint-ci.sh): Debian's nodejs lacks it and needs Debian's npm package; a nodejs
	# package that ships npm itself (NodeSource's) conflicts with Debian's npm, so ask only when absent.
	command -v npm >/dev/null || missing+=(npm)
}

find_missing
[ ${#missing[@]} -eq 0 ] && exit 0

# Both test projects may run this at once: one apt at a time, and what another one installed meanwhile is done.
exec 9>"${TMPDIR:-/tmp}/mtcopy-deps.lock"
flock 9
find_missing
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "mtcopy: missing Debian packages. Install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
echo "mtcopy: installing ${missing[*]}"
apt-get update -q || echo "mtcopy: apt-get update reported errors; trying the install anyway" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
