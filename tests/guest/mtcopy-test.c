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
 *   mtcopy-test loop SECONDS [STOPFILE]
 *                                migrate and verify without pause (to run
 *                                while offloading is switched or rmmod runs)
 *                                until STOPFILE exists, then one more whole
 *                                round; SECONDS caps it
 *   mtcopy-test bench REPS       throughput: GB/s, median of REPS
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

static void fill(struct region *r, uint64_t seed)
{
	uint64_t *w = (uint64_t *)r->addr;
	size_t i, n = r->folio_size * r->nr / 8;

	for (i = 0; i < n; i++)
		w[i] = pattern(seed, i);
}

/* Returns the byte offset of the first wrong byte, or -1. */
static long verify(const struct region *r, uint64_t seed)
{
	const uint64_t *w = (const uint64_t *)r->addr;
	size_t i, n = r->folio_size * r->nr / 8;

	for (i = 0; i < n; i++) {
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

/* Move every folio of @r to @node; check that every 4 KiB page is there. */
static int move_region(struct region *r, int node, double *seconds)
{
	static void *pages[THP_SIZE / PAGE_4K * 8];
	static int nodes[THP_SIZE / PAGE_4K * 8], status[THP_SIZE / PAGE_4K * 8];
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
	if (ret)
		return fail("move_pages to node %d returned %ld (%s)", node, ret, ret < 0 ? strerror(errno) : "pages left behind");
	for (i = 0; i < r->nr; i++)
		if (status[i] != node)
			return fail("folio %u: status %d after move to node %d", i, status[i], node);
	for (i = 0; i < nr_pages; i++)
		pages[i] = r->addr + i * PAGE_4K;
	ret = sys_move_pages(nr_pages, pages, NULL, status, 0);
	if (ret)
		return fail("move_pages query returned %ld", ret);
	for (i = 0; i < nr_pages; i++)
		if (status[i] != node)
			return fail("page %u is on node %d, want %d", i, status[i], node);
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
	if (!move_region(&r, 0, NULL))
		goto out;
	read_counters(&before);
	if (!move_region(&r, 1, NULL))
		goto out;
	off = verify(&r, seed);
	if (off >= 0) {
		fail("byte %ld (folio %ld, offset %ld) wrong after move to node 1", off,
		     off / (long)folio_size, off % (long)folio_size);
		goto out;
	}
	if (!move_region(&r, 0, NULL))
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
 * migration after the event is verified too; SECONDS caps it.
 */
static int cmd_loop(int seconds, const char *stop_file)
{
	struct timespec start, now;
	unsigned long rounds = 0;
	int last_round;
	int ok = 1;

	ktap_plan(1);
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		size_t size = rounds % 2 ? THP_SIZE : PAGE_4K;
		unsigned int nr = rounds % 2 ? 2 : 64;
		struct region r;
		int node;

		/* A round that starts after the stop file appeared is the last. */
		last_round = stop_file && access(stop_file, F_OK) == 0;
		if (!region_alloc(&r, size, nr)) {
			ok = 0;
			break;
		}
		fill(&r, rounds);
		for (node = 1; node >= 0 && ok; node--) {
			long off;

			ok = move_region(&r, node, NULL);
			off = ok ? verify(&r, rounds) : -1;
			if (off >= 0)
				ok = fail("round %lu: byte %ld wrong on node %d", rounds, off, node);
		}
		region_free(&r);
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (ok && !last_round && now.tv_sec - start.tv_sec < seconds);
	printf("    # %lu rounds%s\n", rounds, last_round ? "" : ", stopped by the time cap");
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
		{ "4k", PAGE_4K, 4096 }, { "thp", THP_SIZE, 8 },
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
				ok = move_region(&r, (i * ARRAY_LEN(modes) + m + 1) % 2, &secs);
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

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "sysfs"))
		return cmd_sysfs(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "migrate"))
		return cmd_migrate();
	if (argc >= 3 && !strcmp(argv[1], "loop"))
		return cmd_loop(atoi(argv[2]), argc >= 4 ? argv[3] : NULL);
	if (argc >= 3 && !strcmp(argv[1], "bench"))
		return cmd_bench(atoi(argv[2]));
	fprintf(stderr, "usage: %s sysfs CONTRACT | migrate | loop SECONDS [STOPFILE] | bench REPS\n", argv[0]);
	return 2;
}
