// SPDX-License-Identifier: GPL-2.0
/*
 * mtcopy-test: the guest side of the mtcopy smoke test.
 *
 * Static, no libnuma: raw syscalls only. Every subcommand prints a nested
 * KTAP block (indented four spaces) and exits 0 only if all its tests pass;
 * the guest's init prints the parent result line.
 *
 *   mtcopy-test sysfs CONTRACT   the sysfs contract of the manifest
 *   mtcopy-test migrate          move patterned folios node 0 -> 1 -> 0 and
 *                                check every page's node and every byte, for
 *                                each folio kind and count, thread count and
 *                                offloading off and on
 *   mtcopy-test loop SECONDS [STOPFILE [displace-ok]]
 *                                migrate and verify without pause (to run
 *                                while offloading is switched or rmmod runs)
 *                                until STOPFILE exists, then one more whole
 *                                round; SECONDS caps it; displace-ok counts
 *                                a page not placed where asked (memory
 *                                offline) instead of failing
 *   mtcopy-test bench REPS       throughput: GB/s, median of REPS
 *   mtcopy-test case KIND NR [KIND NR...]
 *                                one migrate case per pair (KIND 4k or thp)
 *                                with the threads and offloading that sysfs
 *                                has now (set by the init)
 *   mtcopy-test mixed            one move_pages(2) call over THP, 4 KiB
 *                                anonymous and shmem (memfd) pages interleaved
 *   mtcopy-test offline MIB      fill MIB of THP and 4 KiB pages on node 1,
 *                                offline a memory block of node 1 (trying each
 *                                until one goes), online it again, verify
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <dirent.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define SYSFS_DIR "/sys/kernel/cpu_mt/"
#define PAGE_4K 4096UL
#define THP_SIZE (2UL << 20)
#define MPOL_BIND 2
#define MPOL_MF_STRICT 1
#define MPOL_MF_MOVE_ALL 4
#define MPOL_MF_MOVE 2
#define MPOL_MF_MOVE_ALL_FLAGS (MPOL_MF_MOVE | MPOL_MF_STRICT)

static int test_no;
static int failures;
static char reason[512];

static void ktap_plan(int n)
{
	printf("    KTAP version 1\n    1..%d\n", n);
	fflush(stdout);
}

static void ktap_result(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("    %s %d ", ok ? "ok" : "not ok", ++test_no);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok) {
		failures++;
		if (reason[0])
			printf("    # %s\n", reason);
	}
	reason[0] = 0;
	fflush(stdout);
}

static int fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return 0;
}

/* ---- sysfs ---- */

static char sysfs_dir[128] = SYSFS_DIR;

/* Opens an attribute of the contract's directory; -errno on failure. */
static int sysfs_open(const char *name, int flags)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s%s", sysfs_dir, name);
	fd = open(path, flags);
	return fd < 0 ? -errno : fd;
}

static int sysfs_read(const char *name, char *buf, size_t len)
{
	ssize_t n;
	int fd = sysfs_open(name, O_RDONLY);

	if (fd < 0)
		return fd;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = 0;
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	return 0;
}

static long sysfs_long(const char *name)
{
	char buf[64];

	if (sysfs_read(name, buf, sizeof(buf)))
		return -1;
	return strtol(buf, NULL, 10);
}

/* Returns what write(2) returned, or -errno. */
static long sysfs_write(const char *name, const char *val, size_t len)
{
	ssize_t n;
	int fd = sysfs_open(name, O_WRONLY);

	if (fd < 0)
		return fd;
	n = write(fd, val, len);
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

static int set_knob(const char *name, long value)
{
	char buf[32];
	int len = snprintf(buf, sizeof(buf), "%ld\n", value);

	return sysfs_write(name, buf, len) == len ? 0 : -1;
}

static int check_valid(const char *name, const char *val)
{
	char buf[64];
	size_t len = strlen(val);
	long n = sysfs_write(name, val, len);

	if (n != (long)len)
		return fail("write '%s' to %s returned %ld, want %zu", val, name, n, len);
	if (sysfs_read(name, buf, sizeof(buf)) || strncmp(buf, val, strcspn(val, "\n")))
		return fail("%s reads '%s' after writing '%s'", name, buf, val);
	return 1;
}

static int check_invalid(const char *name, const char *val)
{
	char before[64], after[64];
	long n;

	if (sysfs_read(name, before, sizeof(before)))
		return fail("cannot read %s", name);
	n = sysfs_write(name, val, strlen(val));
	if (sysfs_read(name, after, sizeof(after)))
		return fail("cannot read %s", name);
	if (n != -EINVAL)
		return fail("write '%s' to %s returned %ld, want -EINVAL (%d)", val, name, n, -EINVAL);
	if (strcmp(before, after))
		return fail("%s changed from '%s' to '%s'", name, before, after);
	return 1;
}

static const char *const counters[] = { "batches", "folios", "bytes", "fallbacks" };

/*
 * The sysfs contract, rendered by the pipeline from the series manifest:
 *   dir <directory>
 *   rw <name> <default>      ro <name>
 *   valid <name> <value>     invalid <name> <value>   (value may be empty)
 * Every value is written followed by a newline, as echo does.
 */
#define MAX_RULES 64

struct rule {
	char kind[8];
	char name[32];
	char value[64];
};

static struct rule rules[MAX_RULES];
static int nr_rules;

static int load_contract(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && nr_rules < MAX_RULES) {
		struct rule *r = &rules[nr_rules];
		char *p = line, *name, *value;

		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		name = strchr(p, ' ');
		if (!name)
			continue;
		*name++ = 0;
		if (!strcmp(p, "dir")) {
			snprintf(sysfs_dir, sizeof(sysfs_dir), "%.120s/", name);
			continue;
		}
		value = strchr(name, ' ');
		if (value)
			*value++ = 0;
		snprintf(r->kind, sizeof(r->kind), "%.7s", p);
		snprintf(r->name, sizeof(r->name), "%.31s", name);
		snprintf(r->value, sizeof(r->value), "%.63s", value ? value : "");
		nr_rules++;
	}
	fclose(f);
	return 0;
}

static const char *shown(const char *value)
{
	return value[0] ? value : "empty_line";
}

static int cmd_sysfs(const char *contract)
{
	char buf[64], val[80];
	int i, plan = 0;
	long n;

	if (load_contract(contract)) {
		fprintf(stderr, "cannot read the contract %s\n", contract);
		return 2;
	}
	for (i = 0; i < nr_rules; i++)
		plan += strcmp(rules[i].kind, "rw") ? 1 : 3;
	ktap_plan(plan);

	for (i = 0; i < nr_rules; i++) {
		const struct rule *r = &rules[i];

		snprintf(val, sizeof(val), "%s\n", r->value);
		if (!strcmp(r->kind, "rw")) {
			ktap_result(!sysfs_read(r->name, buf, sizeof(buf)) && !strcmp(buf, r->value) ? 1 :
				    fail("%s reads '%s', want '%s'", r->name, buf, r->value),
				    "%s_default_%s", r->name, r->value);
			n = sysfs_write(r->name, "", 0);
			ktap_result(n == 0 && !sysfs_read(r->name, buf, sizeof(buf)) && !strcmp(buf, r->value) ? 1 :
				    fail("zero-length write returned %ld, value '%s'", n, buf),
				    "%s_zero_length_write_is_noop", r->name);
			ktap_result(check_valid(r->name, r->value), "%s_accepts_%s_without_newline",
				    r->name, r->value);
		} else if (!strcmp(r->kind, "ro")) {
			char before[64], after[64];

			sysfs_read(r->name, before, sizeof(before));
			n = sysfs_write(r->name, "0\n", 2);
			ktap_result(!sysfs_read(r->name, after, sizeof(after)) && n < 0 && !strcmp(before, after) ? 1 :
				    fail("%s: write returned %ld, '%s' -> '%s'", r->name, n, before, after),
				    "%s_read_only", r->name);
		} else if (!strcmp(r->kind, "valid")) {
			ktap_result(check_valid(r->name, val), "%s_accepts_%s", r->name, shown(r->value));
		} else {
			ktap_result(check_invalid(r->name, val), "%s_rejects_%s", r->name, shown(r->value));
		}
	}
	/* Back to the defaults. */
	for (i = 0; i < nr_rules; i++) {
		if (!strcmp(rules[i].kind, "rw")) {
			snprintf(val, sizeof(val), "%s\n", rules[i].value);
			sysfs_write(rules[i].name, val, strlen(val));
		}
	}
	return failures ? 1 : 0;
}

/* ---- migration ---- */

struct region {
	char *base;		/* what mmap returned */
	size_t map_len;
	char *addr;		/* aligned start of the folios */
	size_t folio_size;
	unsigned int nr;
};

static long sys_mbind(void *addr, unsigned long len, int mode,
		      const unsigned long *mask, unsigned long maxnode, unsigned int flags)
{
	return syscall(SYS_mbind, addr, len, mode, mask, maxnode, flags);
}

static long sys_move_pages(unsigned long count, void **pages, const int *nodes, int *status, int flags)
{
	return syscall(SYS_move_pages, 0, count, pages, nodes, status, flags);
}

static inline uint64_t pattern(uint64_t seed, uint64_t word)
{
	uint64_t x = seed + word * 0x9e3779b97f4a7c15ULL;

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ULL;
	return x ^ (x >> 29);
}

static void fill_buf(char *p, size_t len, uint64_t seed)
{
	uint64_t *w = (uint64_t *)p;
	size_t i;

	for (i = 0; i < len / 8; i++)
		w[i] = pattern(seed, i);
}

/* Returns the byte offset of the first wrong byte, or -1. */
static long verify_buf(const char *p, size_t len, uint64_t seed)
{
	const uint64_t *w = (const uint64_t *)p;
	size_t i;

	for (i = 0; i < len / 8; i++) {
		uint64_t want = pattern(seed, i);

		if (w[i] != want) {
			const unsigned char *g = (const unsigned char *)&w[i];
			const unsigned char *e = (const unsigned char *)&want;
			int b = 0;

			while (g[b] == e[b])
				b++;
			return (long)(i * 8 + b);
		}
	}
	return -1;
}

static void fill(struct region *r, uint64_t seed)
{
	fill_buf(r->addr, r->folio_size * r->nr, seed);
}

static long verify(const struct region *r, uint64_t seed)
{
	return verify_buf(r->addr, r->folio_size * r->nr, seed);
}

static int region_alloc(struct region *r, size_t folio_size, unsigned int nr)
{
	unsigned long node0 = 1;

	memset(r, 0, sizeof(*r));
	r->folio_size = folio_size;
	r->nr = nr;
	r->map_len = folio_size * nr + (folio_size > PAGE_4K ? folio_size : 0);
	r->base = mmap(NULL, r->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r->base == MAP_FAILED)
		return fail("mmap %zu bytes: %s", r->map_len, strerror(errno));
	r->addr = (char *)(((uintptr_t)r->base + folio_size - 1) & ~(folio_size - 1));
	if (folio_size > PAGE_4K && madvise(r->addr, folio_size * nr, MADV_HUGEPAGE))
		return fail("madvise(MADV_HUGEPAGE): %s", strerror(errno));
	if (sys_mbind(r->addr, folio_size * nr, MPOL_BIND, &node0, 64, 0))
		return fail("mbind node 0: %s", strerror(errno));
	return 1;
}

static void region_free(struct region *r)
{
	if (r->base && r->base != MAP_FAILED)
		munmap(r->base, r->map_len);
	r->base = NULL;
}

/* The index of the first of @n move_pages(2) statuses that is not @node, or @n. */
static unsigned int first_elsewhere(const int *status, unsigned int n, int node)
{
	unsigned int i = 0;

	while (i < n && status[i] == node)
		i++;
	return i;
}

/*
 * Move every folio of @r to @node; check that every 4 KiB page is there.
 * With @displaced, a move that the kernel refuses or undoes for placement
 * reasons (a node-1 block being offlined: -EBUSY, -ENOMEM, pages left
 * behind or moved on) sets *@displaced and is not a failure; the caller
 * still verifies every byte.
 */
/* The largest region a move takes: the bench's 32 THPs (64 MiB). */
#define MAX_REGION (THP_SIZE * 32)

static int move_region(struct region *r, int node, double *seconds, int *displaced)
{
	static void *pages[MAX_REGION / PAGE_4K];
	static int nodes[MAX_REGION / PAGE_4K], status[MAX_REGION / PAGE_4K];
	size_t nr_pages = r->folio_size * r->nr / PAGE_4K;
	struct timespec t0, t1;
	unsigned int i;
	long ret;

	if (nr_pages > sizeof(pages) / sizeof(*pages))
		return fail("region too large");
	for (i = 0; i < r->nr; i++) {
		pages[i] = r->addr + i * r->folio_size;
		nodes[i] = node;
		status[i] = -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = sys_move_pages(r->nr, pages, nodes, status, MPOL_MF_MOVE);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (seconds)
		*seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (displaced && (ret > 0 || (ret < 0 && (errno == EBUSY || errno == ENOMEM || errno == EAGAIN))))
		goto displaced;
	if (ret)
		return fail("move_pages to node %d returned %ld (%s)", node, ret, ret < 0 ? strerror(errno) : "pages left behind");
	i = first_elsewhere(status, r->nr, node);
	if (i < r->nr) {
		if (displaced)
			goto displaced;
		return fail("folio %u: status %d after move to node %d", i, status[i], node);
	}
	for (i = 0; i < nr_pages; i++)
		pages[i] = r->addr + i * PAGE_4K;
	ret = sys_move_pages(nr_pages, pages, NULL, status, 0);
	if (ret)
		return fail("move_pages query returned %ld", ret);
	i = first_elsewhere(status, nr_pages, node);
	if (i < nr_pages) {
		if (displaced)
			goto displaced;
		return fail("page %u is on node %d, want %d", i, status[i], node);
	}
	return 1;
displaced:
	*displaced = 1;
	return 1;
}

/* AnonHugePages of the mapping holding @addr, in kB, from /proc/self/smaps. */
static long anon_huge_kb(const void *addr)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[256];
	int inside = 0;
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
		else if (inside && sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

struct counters {
	long v[4];
};

static void read_counters(struct counters *c)
{
	for (int i = 0; i < 4; i++)
		c->v[i] = sysfs_long(counters[i]);
}

/*
 * mtcopy declines a batch under two shares of 256 KiB, and every batch when
 * it may use one thread only (Documentation/ABI/testing/sysfs-kernel-cpu_mt);
 * migrate_pages() batches at most 2 MiB (512 base pages).
 */
#define MIN_OFFLOAD_BATCH (512UL << 10)
#define MAX_BATCH THP_SIZE

static int expect_offload(size_t folio_size, unsigned int nr, int threads, int offloading)
{
	size_t batch = folio_size * nr < MAX_BATCH ? folio_size * nr : MAX_BATCH;

	return offloading && threads > 1 && batch >= MIN_OFFLOAD_BATCH;
}

static int run_case(size_t folio_size, unsigned int nr, int threads, int offloading, uint64_t seed)
{
	struct counters before, after;
	struct region r;
	long off;
	int ok = 0;

	if (!region_alloc(&r, folio_size, nr))
		goto out;
	fill(&r, seed);
	if (folio_size > PAGE_4K && anon_huge_kb(r.addr) < (long)(folio_size * nr / 1024)) {
		fail("not backed by THP: AnonHugePages %ld kB", anon_huge_kb(r.addr));
		goto out;
	}
	if (!move_region(&r, 0, NULL, NULL))
		goto out;
	read_counters(&before);
	if (!move_region(&r, 1, NULL, NULL))
		goto out;
	off = verify(&r, seed);
	if (off >= 0) {
		fail("byte %ld (folio %ld, offset %ld) wrong after move to node 1", off,
		     off / (long)folio_size, off % (long)folio_size);
		goto out;
	}
	if (!move_region(&r, 0, NULL, NULL))
		goto out;
	off = verify(&r, seed);
	if (off >= 0) {
		fail("byte %ld (folio %ld, offset %ld) wrong after move back to node 0", off,
		     off / (long)folio_size, off % (long)folio_size);
		goto out;
	}
	read_counters(&after);
	if (folio_size > PAGE_4K && anon_huge_kb(r.addr) < (long)(folio_size * nr / 1024)) {
		fail("THP split by migration: AnonHugePages %ld kB", anon_huge_kb(r.addr));
		goto out;
	}
	/*
	 * Each folio moves twice; a folio that the first, batched pass could not
	 * move is retried alone and then declined, so one pass's worth is the floor.
	 */
	if (expect_offload(folio_size, nr, threads, offloading)) {
		if (after.v[1] - before.v[1] < (long)nr || after.v[2] - before.v[2] < (long)(nr * folio_size) ||
		    after.v[0] - before.v[0] < 1) {
			fail("counters did not move: batches +%ld folios +%ld bytes +%ld",
			     after.v[0] - before.v[0], after.v[1] - before.v[1], after.v[2] - before.v[2]);
			goto out;
		}
	} else if (after.v[1] != before.v[1]) {
		fail("%s, yet the migrator copied %ld folios",
		     offloading ? "a batch too small to offload" : "offloading off", after.v[1] - before.v[1]);
		goto out;
	}
	ok = 1;
out:
	region_free(&r);
	return ok;
}

static const struct {
	const char *kind;
	size_t size;
	unsigned int nr;
} cases[] = {
	{ "4k", PAGE_4K, 1 }, { "4k", PAGE_4K, 2 }, { "4k", PAGE_4K, 3 },
	{ "4k", PAGE_4K, 7 }, { "4k", PAGE_4K, 512 },
	{ "thp", THP_SIZE, 1 }, { "thp", THP_SIZE, 3 },
};
static const int thread_counts[] = { 1, 2, 3, 4, 5, 7, 8 };

#define ARRAY_LEN(a) (sizeof(a) / sizeof(*(a)))

static int cmd_migrate(void)
{
	unsigned int c, t;
	int mode;

	ktap_plan(ARRAY_LEN(cases) * ARRAY_LEN(thread_counts) * 2);
	for (mode = 0; mode <= 1; mode++) {
		for (t = 0; t < ARRAY_LEN(thread_counts); t++) {
			if (set_knob("threads", thread_counts[t]) || set_knob("offloading", mode)) {
				fprintf(stderr, "cannot set threads=%d offloading=%d\n", thread_counts[t], mode);
				return 2;
			}
			for (c = 0; c < ARRAY_LEN(cases); c++) {
				int ok = run_case(cases[c].size, cases[c].nr, thread_counts[t], mode,
						  (uint64_t)c << 32 | t << 8 | mode);

				ktap_result(ok, "%s_x%u_threads%d_offload_%s", cases[c].kind, cases[c].nr,
					    thread_counts[t], mode ? "on" : "off");
			}
		}
	}
	set_knob("offloading", 0);
	set_knob("threads", 4);
	return failures ? 1 : 0;
}

/*
 * Runs until STOPFILE exists (the init creates it once it has switched
 * offloading or unloaded the module) and then one more whole round, so that a
 * migration after the event is verified too; SECONDS caps it. With
 * @displace_ok (beside a memory offline), a move that does not land where
 * asked is counted, not failed; every byte is still checked.
 */
static int cmd_loop(int seconds, const char *stop_file, int displace_ok)
{
	struct timespec start, now;
	unsigned long rounds = 0, displaced_rounds = 0;
	int last_round;
	int ok = 1;

	ktap_plan(1);
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		size_t size = rounds % 2 ? THP_SIZE : PAGE_4K;
		unsigned int nr = rounds % 2 ? 2 : 64;
		struct region r;
		int node, displaced;

		/* A round that starts after the stop file appeared is the last. */
		last_round = stop_file && access(stop_file, F_OK) == 0;
		if (!region_alloc(&r, size, nr)) {
			ok = 0;
			break;
		}
		fill(&r, rounds);
		displaced = 0;
		for (node = 1; node >= 0 && ok; node--) {
			long off;

			ok = move_region(&r, node, NULL, displace_ok ? &displaced : NULL);
			off = ok ? verify(&r, rounds) : -1;
			if (off >= 0)
				ok = fail("round %lu: byte %ld wrong after a move to node %d", rounds, off, node);
		}
		displaced_rounds += displaced;
		region_free(&r);
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (ok && !last_round && now.tv_sec - start.tv_sec < seconds);
	printf("    # %lu rounds%s\n", rounds, last_round ? "" : ", stopped by the time cap");
	if (displace_ok)
		printf("    # %lu rounds with a page not placed where asked (bytes still verified)\n",
		       displaced_rounds);
	ktap_result(ok, "migration_loop");
	return ok ? 0 : 1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int cmd_bench(int reps)
{
	/* Offloading off (the kernel's copy), then on with 1..8 threads: the curve the host charts. */
	static const struct { const char *label; int offloading, threads; } modes[] = {
		{ "off", 0, 1 },   { "on_t1", 1, 1 }, { "on_t2", 1, 2 }, { "on_t3", 1, 3 }, { "on_t4", 1, 4 },
		{ "on_t5", 1, 5 }, { "on_t6", 1, 6 }, { "on_t7", 1, 7 }, { "on_t8", 1, 8 },
	};
	static const struct { const char *kind; size_t size; unsigned int nr; } kinds[] = {
		{ "4k", PAGE_4K, 4096 }, { "thp", THP_SIZE, 32 },
	};
	double gbps[ARRAY_LEN(kinds)][ARRAY_LEN(modes)];
	unsigned int k, m;

	if (reps > 32)
		reps = 32;
	if (reps < 1)
		reps = 1;
	ktap_plan(ARRAY_LEN(kinds) * ARRAY_LEN(modes));
	for (k = 0; k < ARRAY_LEN(kinds); k++) {
		/*
		 * Round robin: each repetition moves once in every mode, so that
		 * whatever else slows the (emulated) machine meanwhile falls on
		 * all modes alike instead of on the mode that happens to run then.
		 */
		static double samples[ARRAY_LEN(modes)][32];
		struct region r;
		double secs;
		int i, ok;

		ok = region_alloc(&r, kinds[k].size, kinds[k].nr);
		if (ok)
			fill(&r, k);
		for (i = 0; ok && i < reps; i++) {
			for (m = 0; ok && m < ARRAY_LEN(modes); m++) {
				set_knob("threads", modes[m].threads);
				set_knob("offloading", modes[m].offloading);
				ok = move_region(&r, (i * ARRAY_LEN(modes) + m + 1) % 2, &secs, NULL);
				samples[m][i] = (double)kinds[k].size * kinds[k].nr / secs / 1e9;
			}
		}
		if (ok && verify(&r, k) >= 0)
			ok = fail("corrupted during the benchmark");
		region_free(&r);
		for (m = 0; m < ARRAY_LEN(modes); m++) {
			qsort(samples[m], reps, sizeof(double), cmp_double);
			gbps[k][m] = ok ? samples[m][reps / 2] : 0;
			printf("    # bench %s %s %.3f GB/s\n", kinds[k].kind, modes[m].label, gbps[k][m]);
			ktap_result(ok, "bench_%s_%s", kinds[k].kind, modes[m].label);
		}
		printf("    # bench %s ratio", kinds[k].kind);
		for (m = 1; m < ARRAY_LEN(modes); m++)
			printf(" %s/off %.2f", modes[m].label, gbps[k][m] / gbps[k][0]);
		printf("\n");
	}
	set_knob("offloading", 0);
	set_knob("threads", 4);
	return failures ? 1 : 0;
}

/* The threads and offloading sysfs has now; -1 where it cannot be read. */
static void current_knobs(int *threads, int *offloading)
{
	*threads = (int)sysfs_long("threads");
	*offloading = (int)sysfs_long("offloading");
}

static int cmd_case(int argc, char **argv)
{
	int i, threads, offloading;

	current_knobs(&threads, &offloading);
	ktap_plan(argc / 2);
	for (i = 0; i + 1 < argc; i += 2) {
		int thp = !strcmp(argv[i], "thp");
		unsigned int nr = (unsigned int)atoi(argv[i + 1]);
		int ok = run_case(thp ? THP_SIZE : PAGE_4K, nr, threads, offloading, 0x5eed0000ULL + i);

		ktap_result(ok, "%s_x%u_threads%d_offload_%s", thp ? "thp" : "4k", nr, threads,
			    offloading > 0 ? "on" : "off");
	}
	return failures ? 1 : 0;
}

/*
 * One move_pages(2) call over THP, 4 KiB anonymous and shmem pages,
 * interleaved, to node 1 and back; every byte checked after each move.
 */
#define MIXED_THP 2
#define MIXED_4K 64
#define MIXED_SHM 64

static int cmd_mixed(void)
{
	static void *pages[MIXED_THP + MIXED_4K + MIXED_SHM];
	static int nodes[MIXED_THP + MIXED_4K + MIXED_SHM], status[MIXED_THP + MIXED_4K + MIXED_SHM];
	struct region thp, small;
	char *shm = MAP_FAILED;
	size_t shm_len = MIXED_SHM * PAGE_4K;
	unsigned int i, n = 0, t = 0, s = 0, a = 0;
	int fd, node, ok = 0;
	long ret, off;

	ktap_plan(1);
	memset(&thp, 0, sizeof(thp));
	memset(&small, 0, sizeof(small));
	if (!region_alloc(&thp, THP_SIZE, MIXED_THP) || !region_alloc(&small, PAGE_4K, MIXED_4K))
		goto out;
	fd = syscall(SYS_memfd_create, "mtcopy-mixed", 0);
	if (fd < 0) {
		fail("memfd_create: %s", strerror(errno));
		goto out;
	}
	if (ftruncate(fd, shm_len) == 0)
		shm = mmap(NULL, shm_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (shm == MAP_FAILED) {
		fail("memfd mapping: %s", strerror(errno));
		goto out;
	}
	fill(&thp, 1);
	fill(&small, 2);
	fill_buf(shm, shm_len, 3);
	if (anon_huge_kb(thp.addr) < (long)(MIXED_THP * THP_SIZE / 1024)) {
		fail("not backed by THP: AnonHugePages %ld kB", anon_huge_kb(thp.addr));
		goto out;
	}
	/* A THP, then 4 KiB anonymous and shmem pages in turn, a THP in the middle. */
	while (n < MIXED_THP + MIXED_4K + MIXED_SHM) {
		if (t < MIXED_THP && n == t * (MIXED_4K + MIXED_SHM) / MIXED_THP + t)
			pages[n++] = thp.addr + t++ * THP_SIZE;
		else if ((a <= s && a < MIXED_4K) || s == MIXED_SHM)
			pages[n++] = small.addr + a++ * PAGE_4K;
		else
			pages[n++] = shm + s++ * PAGE_4K;
	}
	for (node = 0; node <= 2; node++) {
		int to = node == 1 ? 1 : 0;

		for (i = 0; i < n; i++) {
			nodes[i] = to;
			status[i] = -1;
		}
		ret = sys_move_pages(n, pages, nodes, status, MPOL_MF_MOVE);
		if (ret) {
			fail("move_pages to node %d returned %ld (%s)", to, ret,
			     ret < 0 ? strerror(errno) : "pages left behind");
			goto out;
		}
		for (i = 0; i < n; i++) {
			if (status[i] != to) {
				fail("page %u (%p): status %d after move to node %d", i, pages[i], status[i], to);
				goto out;
			}
		}
		if (node == 0)
			continue;	/* the first move only gathers them on node 0 */
		off = verify(&thp, 1);
		if (off < 0)
			off = verify(&small, 2);
		if (off < 0)
			off = verify_buf(shm, shm_len, 3);
		if (off >= 0) {
			fail("byte %ld wrong after the move to node %d", off, to);
			goto out;
		}
	}
	printf("    # %u pages in one call: %u THP, %u 4 KiB anonymous, %u shmem\n", n, t, a, s);
	ok = 1;
out:
	if (shm != MAP_FAILED)
		munmap(shm, shm_len);
	region_free(&thp);
	region_free(&small);
	ktap_result(ok, "thp_4k_shmem_interleaved");
	return ok ? 0 : 1;
}

/* ---- memory offline ---- */

#define NODE1_DIR "/sys/devices/system/node/node1/"

static void on_alarm(int sig)
{
	(void)sig;
}

/* Writes @val to @path; -errno on failure. Gives up after @seconds. */
static long write_with_timeout(const char *path, const char *val, unsigned int seconds)
{
	struct sigaction sa;
	ssize_t n;
	int fd = open(path, O_WRONLY);

	if (fd < 0)
		return -errno;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: the write returns -EINTR */
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
	n = write(fd, val, strlen(val));
	if (n < 0)
		n = -errno;
	alarm(0);
	close(fd);
	return n;
}

static long vmstat(const char *name)
{
	FILE *f = fopen("/proc/vmstat", "r");
	char key[64];
	long value, found = -1;

	if (!f)
		return -1;
	while (fscanf(f, "%63s %ld", key, &value) == 2)
		if (!strcmp(key, name))
			found = value;
	fclose(f);
	return found;
}

static int by_block_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * Bind @mib MiB to node 1 (three quarters THP, the rest 4 KiB pages), fill
 * it, then offline node 1's memory blocks one after the other until one
 * goes offline, online it again and verify every byte. Offlining migrates
 * the pages of the block, with cpu_hotplug_lock held, through the migrator.
 */
static int cmd_offline(int mib)
{
	unsigned long node1 = 2;
	struct region r[2];
	int blocks[256], nr_blocks = 0, i, k, ok = 0, offlined = -1;
	long err = 0, migrated = -1, batches = -1;
	DIR *dir;
	struct dirent *e;

	ktap_plan(1);
	memset(r, 0, sizeof(r));
	for (k = 0; k < 2; k++) {
		size_t size = k ? PAGE_4K : THP_SIZE;
		size_t bytes = (size_t)mib << 20;
		unsigned int nr = (unsigned int)((k ? bytes / 4 : bytes / 4 * 3) / size);

		if (!region_alloc(&r[k], size, nr))
			goto out;
		if (sys_mbind(r[k].addr, size * nr, MPOL_BIND, &node1, 64, 0)) {
			fail("mbind node 1: %s", strerror(errno));
			goto out;
		}
		fill(&r[k], 0x0ff1 + k);
	}
	dir = opendir(NODE1_DIR);
	if (!dir) {
		fail("%s: %s", NODE1_DIR, strerror(errno));
		goto out;
	}
	while ((e = readdir(dir)) && nr_blocks < 256)
		if (!strncmp(e->d_name, "memory", 6) && e->d_name[6] >= '0' && e->d_name[6] <= '9')
			blocks[nr_blocks++] = atoi(e->d_name + 6);
	closedir(dir);
	qsort(blocks, nr_blocks, sizeof(int), by_block_number);
	if (!nr_blocks) {
		fail("node 1 has no memory blocks in %s", NODE1_DIR);
		goto out;
	}
	/*
	 * A block with an unmovable page (a page table, a slab) refuses at once
	 * with -EBUSY; such pages come and go, so try every block up to three times.
	 */
	for (i = 0; i < 3 * nr_blocks && offlined < 0; i++) {
		char path[128];
		long before = vmstat("pgmigrate_success");
		long before_batches = sysfs_long("batches");

		if (i && i % nr_blocks == 0)
			usleep(200000);
		snprintf(path, sizeof(path), NODE1_DIR "memory%d/state", blocks[i % nr_blocks]);
		err = write_with_timeout(path, "offline", 10);
		printf("    # memory%d: offline %s (%ld)\n", blocks[i % nr_blocks], err > 0 ? "done" : strerror((int)-err), err);
		if (err <= 0)
			continue;
		offlined = blocks[i % nr_blocks];
		migrated = vmstat("pgmigrate_success") - before;
		batches = sysfs_long("batches") - before_batches;
		err = write_with_timeout(path, "online", 20);
		if (err <= 0) {
			fail("memory%d: online again: %s", offlined, strerror((int)-err));
			goto out;
		}
		/* A block with none of our pages proves nothing: try the next one. */
		if (migrated <= 0) {
			printf("    # memory%d went offline without migrating a page: next block\n", offlined);
			offlined = -1;
		}
	}
	if (offlined < 0) {
		fail("no memory block of node 1 holding our pages went offline (of %d; last: %s)", nr_blocks,
		     err > 0 ? "offline, but no page migrated" : strerror((int)-err));
		goto out;
	}
	printf("    # memory%d offline and online again: %ld pages migrated, mtcopy batches +%ld\n",
	       offlined, migrated, batches);
	for (k = 0; k < 2; k++) {
		long off = verify(&r[k], 0x0ff1 + k);

		if (off >= 0) {
			fail("%s region: byte %ld wrong after the offline", k ? "4k" : "thp", off);
			goto out;
		}
	}
	if (migrated <= 0) {
		fail("memory%d went offline without migrating a page: none of ours was in it", offlined);
		goto out;
	}
	ok = 1;
out:
	region_free(&r[0]);
	region_free(&r[1]);
	ktap_result(ok, "offline_node1_block");
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "sysfs"))
		return cmd_sysfs(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "migrate"))
		return cmd_migrate();
	if (argc >= 3 && !strcmp(argv[1], "loop"))
		return cmd_loop(atoi(argv[2]), argc >= 4 ? argv[3] : NULL,
				argc >= 5 && !strcmp(argv[4], "displace-ok"));
	if (argc >= 3 && !strcmp(argv[1], "bench"))
		return cmd_bench(atoi(argv[2]));
	if (argc >= 4 && !strcmp(argv[1], "case"))
		return cmd_case(argc - 2, argv + 2);
	if (argc >= 2 && !strcmp(argv[1], "mixed"))
		return cmd_mixed();
	if (argc >= 3 && !strcmp(argv[1], "offline"))
		return cmd_offline(atoi(argv[2]));
	fprintf(stderr, "usage: %s sysfs CONTRACT | migrate | loop SECONDS [STOPFILE [displace-ok]] | bench REPS |"
		" case KIND NR... | mixed | offline MIB\n", argv[0]);
	return 2;
}
