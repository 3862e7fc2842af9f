// SPDX-License-Identifier: GPL-2.0-only
/*
 * offc_test: a migrator for the smoke guest's tests of the offload
 * interface (start_offloading(), stop_offloading(), the fallback copy).
 * It is never part of the series. The mode parameter picks what it does:
 *
 *   probe  init checks that start_offloading() returns -EBUSY while another
 *          migrator (mtcopy with offloading=1) is active, and that
 *          stop_offloading() of this inactive migrator leaves that one
 *          active; init fails unless both hold.
 *   sleep  starts offloading; batch_copy() sleeps 200 ms, then copies every
 *          folio pair, so that rmmod meets a copy in flight.
 *   error  starts offloading; batch_copy() returns -EIO without copying,
 *          so the kernel must copy every folio itself.
 *
 * /sys/module/offc_test/parameters/calls counts the batch_copy() calls.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/migrate_offc.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#define OFFC_TEST_SLEEP_MS	200

enum offc_test_mode {
	OFFC_TEST_PROBE,
	OFFC_TEST_SLEEP,
	OFFC_TEST_ERROR,
};

static char *mode = "probe";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "probe, sleep or error");

static enum offc_test_mode offc_test_mode;
static atomic_t offc_test_calls = ATOMIC_INIT(0);

static int offc_test_calls_get(char *buffer, const struct kernel_param *kp)
{
	return sysfs_emit(buffer, "%d\n", atomic_read(&offc_test_calls));
}

static const struct kernel_param_ops offc_test_calls_ops = {
	.get = offc_test_calls_get,
};
module_param_cb(calls, &offc_test_calls_ops, NULL, 0444);
MODULE_PARM_DESC(calls, "batch_copy() calls so far (read-only)");

static int offc_test_batch_copy(struct list_head *dst_list,
				struct list_head *src_list,
				unsigned int nr_folios)
{
	struct folio *src, *dst;

	atomic_inc(&offc_test_calls);
	if (offc_test_mode == OFFC_TEST_ERROR)
		return -EIO;

	msleep(OFFC_TEST_SLEEP_MS);
	dst = list_first_entry(dst_list, struct folio, lru);
	list_for_each_entry(src, src_list, lru) {
		/* x86_64 has no highmem: a folio is contiguous in the direct map. */
		memcpy(folio_address(dst), folio_address(src), folio_size(src));
		dst = list_next_entry(dst, lru);
	}
	return 0;
}

static bool offc_test_can_offload(unsigned int nr_folios, size_t nr_bytes)
{
	return true;
}

static struct migrator offc_test_migrator = {
	.name = "offc_test",
	.batch_copy = offc_test_batch_copy,
	.can_offload = offc_test_can_offload,
};

/*
 * Another migrator is active: starting this one must fail with -EBUSY, and
 * stopping this inactive one must not stop the other (starting again still
 * fails with -EBUSY).
 */
static int offc_test_probe(void)
{
	int first, second;

	first = start_offloading(&offc_test_migrator);
	if (!first)
		stop_offloading(&offc_test_migrator);
	stop_offloading(&offc_test_migrator);
	second = start_offloading(&offc_test_migrator);
	if (!second)
		stop_offloading(&offc_test_migrator);

	pr_info("probe: start_offloading %d, after stop_offloading %d (want %d twice)\n",
		first, second, -EBUSY);
	return first == -EBUSY && second == -EBUSY ? 0 : -EINVAL;
}

static int __init offc_test_init(void)
{
	if (!strcmp(mode, "probe"))
		offc_test_mode = OFFC_TEST_PROBE;
	else if (!strcmp(mode, "sleep"))
		offc_test_mode = OFFC_TEST_SLEEP;
	else if (!strcmp(mode, "error"))
		offc_test_mode = OFFC_TEST_ERROR;
	else
		return -EINVAL;

	if (offc_test_mode == OFFC_TEST_PROBE)
		return offc_test_probe();
	return start_offloading(&offc_test_migrator);
}
module_init(offc_test_init);

static void __exit offc_test_exit(void)
{
	/* Waits for a copy in flight; does nothing if this one is inactive. */
	stop_offloading(&offc_test_migrator);
}
module_exit(offc_test_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A migrator for the smoke guest's offload interface tests");
