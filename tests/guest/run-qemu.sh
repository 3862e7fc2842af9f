#!/bin/sh
# Developer helper until the pipeline's Smoke stage drives the guest:
#   run-qemu.sh <kernel build dir> <mtcopy.ko> [extra kernel args]
# Builds an initramfs with busybox-static, the test program and the module,
# boots it with two NUMA nodes under TCG and prints the KTAP report.
set -eu
build=$1 module=$2 extra=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/bin" "$work/root/lib/modules" "$work/root/dev" "$work/root/proc" "$work/root/sys"
cp /bin/busybox "$work/root/bin/busybox"
gcc -O2 -Wall -static -o "$work/root/bin/mtcopy-test" "$here/mtcopy-test.c"
cp "$module" "$work/root/lib/modules/mtcopy.ko"
cp "$here/init" "$work/root/init"
(cd "$work/root" && { find . | cpio -o -H newc --quiet; } | gzip -1 > "$work/initramfs.cpio.gz")
timeout 300 qemu-system-x86_64 -accel tcg -m 1G -smp 2 \
	-object memory-backend-ram,id=m0,size=512M -object memory-backend-ram,id=m1,size=512M \
	-numa node,nodeid=0,cpus=0,memdev=m0 -numa node,nodeid=1,cpus=1,memdev=m1 \
	-kernel "$build/arch/x86/boot/bzImage" -initrd "$work/initramfs.cpio.gz" \
	-display none -no-reboot -serial "file:$work/console.log" -serial "file:$work/ktap.log" \
	-append "console=ttyS0 panic=-1 rdinit=/init transparent_hugepage=madvise $extra" || true
grep -E 'Oops|BUG|WARNING|Call Trace' "$work/console.log" | head -20 || true
cat "$work/ktap.log"
grep -q '^# mtcopy-smoke: 0 failed' "$work/ktap.log"
