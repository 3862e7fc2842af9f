#!/usr/bin/env bash
# A large, real patch series for measuring Apply: the difference between two Debian
# linux-source-6.12 point releases, one git mail per top-level directory pair (drivers/net,
# fs/smb, ...), as a plain quilt series; and a git repository holding the older release.
#
#   scripts/make-stable-series.sh OLD NEW DIR     e.g. 6.12.117-1~deb12u1 6.12.118-1~deb12u1 /tmp/stable
#
# Then: ./build.sh --target=Apply --kernel=DIR/base --series=DIR/series --out=DIR/out
# (Debian's tree ignores everything in its .gitignore: files are added with -f.)
# (and `git am -3` of DIR/series/*.patch on DIR/base, for comparison). Writes only below DIR.
set -euo pipefail
if [ $# -ne 3 ]; then
	echo "usage: $0 OLD-VERSION NEW-VERSION DIR (versions as apt-cache madison linux-source-6.12 lists them)" >&2
	exit 2
fi
old=$1 new=$2 dir=$(realpath -m "$3")
if [ -e "$dir" ]; then
	echo "$0: $dir exists; give a new directory" >&2
	exit 1
fi
mkdir -p "$dir/debs"

unpack() { # version -> directory with the kernel tree
	local version=$1 to=$dir/src-$1
	(cd "$dir/debs" && apt-get download -q "linux-source-6.12=$version" >/dev/null)
	mkdir -p "$to"
	dpkg-deb --fsys-tarfile "$dir"/debs/linux-source-6.12_"${version//:/%3a}"_all.deb |
		tar -xO --wildcards './usr/src/linux-source-6.12.tar.xz' | tar -xJ -C "$to" --strip-components=1
	echo "$to"
}
oldsrc=$(unpack "$old")
newsrc=$(unpack "$new")

export GIT_AUTHOR_NAME="Stable Series" GIT_AUTHOR_EMAIL=stable@example.invalid
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
mv "$oldsrc" "$dir/base"
git -C "$dir/base" init -q -b main
git -C "$dir/base" add -Af
git -C "$dir/base" commit -qm "linux-source-6.12 $old"

# One commit per directory pair, in path order, each taking the newer release's files for it.
index=$(mktemp)
trap 'rm -f "$index"' EXIT
cp "$dir/base/.git/index" "$index"
GIT_INDEX_FILE=$index git -C "$dir/base" --work-tree="$newsrc" add -Af
whole=$(GIT_INDEX_FILE=$index git -C "$dir/base" write-tree)
groups=$(git -C "$dir/base" diff-tree -r --name-only --no-renames HEAD "$whole" |
	awk -F/ 'NF > 2 { print $1 "/" $2; next } NF == 2 { print $1; next } { print "." }' | sort -u)
git -C "$dir/base" checkout -q -b stable
cp "$dir/base/.git/index" "$index"
parent=$(git -C "$dir/base" rev-parse HEAD)
while read -r group; do
	if [ "$group" = . ]; then spec=(':(top,glob)*'); else spec=("$group"); fi
	GIT_INDEX_FILE=$index git -C "$dir/base" --work-tree="$newsrc" add -Af -- "${spec[@]}"
	tree=$(GIT_INDEX_FILE=$index git -C "$dir/base" write-tree)
	[ "$tree" = "$(git -C "$dir/base" rev-parse "$parent^{tree}")" ] && continue
	parent=$(printf 'stable: %s from %s\n\nThe %s files of linux-source-6.12 %s.\n' "$group" "$new" "$group" "$new" |
		git -C "$dir/base" commit-tree "$tree" -p "$parent")
done <<<"$groups"
git -C "$dir/base" update-ref refs/heads/stable "$parent"
git -C "$dir/base" checkout -q main
git -C "$dir/base" format-patch -q --no-signature -o "$dir/series" main..stable
(cd "$dir/series" && ls -1 *.patch > series)
rm -rf "$newsrc" "$dir/debs"
echo "$dir/series: $(wc -l < "$dir/series/series") patches, $(du -sh "$dir/series" | cut -f1); base: $dir/base ($old)"
