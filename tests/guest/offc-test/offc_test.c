// SPDX-License-Identifier: GPL-2.0
/*
 * offc_test: a test migrator for the smoke guest's checks of the migrator
 * interface (include/linux/migrate_offc.h). Test build only.
 *
 * Module parameters (/sys/module/offc_test/parameters/):
 *   mode        copy | sleep | error | lie: how batch_copy() behaves.
 *               sleep copies after msleep(sleep_ms), so that a stop or an
 *               unload meets a copy in flight; error scribbles over the
 *               destination and returns -EIO, so that only the kernel's CPU
 *               fallback can leave the right bytes; lie scribbles and
 *               returns 0 (a negative control: the guest must see the bad
 *               bytes).
 *   sleep_ms    how long a sleep copy sleeps.
 *   active      1: start_offloading(); 0: stop_offloading(). The write
 *               fails with what start_offloading() returned.
 *   last_start  what the last start_offloading() returned.
 *   stop_other  any write: stop_offloading() of a migrator that was never
 *               started, and of NULL; both must leave the active one be.
 *   fake_stop   1: active=0 and the unload skip stop_offloading() (a
 *               negative control: the guest must see a copy that outlives
 *               the "stop").
 *   calls, errors, inflight, overlaps, violations: read-only counters.
 *               overlaps: stops that began while a copy was in flight;
 *               violations: stops that returned while one still was.
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/list.h>
#include <linux/migrate_offc.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/string.h>

enum offc_mode { OFFC_COPY, OFFC_SLEEP, OFFC_ERROR, OFFC_LIE };

static const char *const offc_mode_names[] = {
	[OFFC_COPY] = "copy",
	[OFFC_SLEEP] = "sleep",
	[OFFC_ERROR] = "error",
	[OFFC_LIE] = "lie",
};

static int offc_mode;
static unsigned int sleep_ms = 200;
static bool fake_stop;
static int last_start;
static bool registered;
static DEFINE_MUTEX(offc_lock);
static atomic_t calls, errors, inflight, overlaps, violations;

/* Overwrite the start and the end of every destination folio. */
static void offc_scribble(struct list_head *dst_list)
{
	struct folio *dst;

	list_for_each_entry(dst, dst_list, lru) {
		char *to = folio_address(dst);

		memset(to, 0x5a, 64);
		to[folio_size(dst) - 1] ^= 0xff;
	}
}

static int offc_copy(struct list_head *dst_list, struct list_head *src_list)
{
	struct folio *src, *dst;

	dst = list_first_entry(dst_list, struct folio, lru);
	list_for_each_entry(src, src_list, lru) {
		if (folio_mc_copy(dst, src))
			return -EHWPOISON;
		dst = list_next_entry(dst, lru);
	}
	return 0;
}

static int offc_batch_copy(struct list_head *dst_list,
			   struct list_head *src_list, unsigned int nr_folios)
{
	int ret;

	atomic_inc(&calls);
	atomic_inc(&inflight);
	switch (READ_ONCE(offc_mode)) {
	case OFFC_SLEEP:
		msleep(READ_ONCE(sleep_ms));
		ret = offc_copy(dst_list, src_list);
		break;
	case OFFC_ERROR:
		offc_scribble(dst_list);
		atomic_inc(&errors);
		ret = -EIO;
		break;
	case OFFC_LIE:
		offc_scribble(dst_list);
		ret = 0;
		break;
	default:
		ret = offc_copy(dst_list, src_list);
		break;
	}
	atomic_dec(&inflight);
	return ret;
}

static struct migrator offc_migrator = {
	.name = "offc_test",
	.batch_copy = offc_batch_copy,
	.owner = THIS_MODULE,
};

/* Never started: stopping it must not touch the active migrator. */
static struct migrator offc_other = {
	.name = "offc_test_other",
	.batch_copy = offc_batch_copy,
	.owner = THIS_MODULE,
};

/* Called with offc_lock held. */
static void offc_stop(void)
{
	if (atomic_read(&inflight))
		atomic_inc(&overlaps);
	if (!fake_stop) {
		stop_offloading(&offc_migrator);
		registered = false;
	}
	if (atomic_read(&inflight)) {
		atomic_inc(&violations);
		pr_err("offc_test: a copy still runs after stop_offloading() returned\n");
	}
}

static int offc_active_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	mutex_lock(&offc_lock);
	if (on && !registered) {
		ret = start_offloading(&offc_migrator);
		last_start = ret;
		registered = !ret;
	} else if (!on && registered) {
		offc_stop();
	}
	mutex_unlock(&offc_lock);
	return ret;
}

static int offc_active_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(registered));
}

static const struct kernel_param_ops offc_active_ops = {
	.set = offc_active_set,
	.get = offc_active_get,
};
module_param_cb(active, &offc_active_ops, NULL, 0644);
MODULE_PARM_DESC(active, "1: start_offloading(), 0: stop_offloading()");

static int offc_mode_set(const char *val, const struct kernel_param *kp)
{
	int i = sysfs_match_string(offc_mode_names, val);

	if (i < 0)
		return i;
	WRITE_ONCE(offc_mode, i);
	return 0;
}

static int offc_mode_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%s\n", offc_mode_names[READ_ONCE(offc_mode)]);
}

static const struct kernel_param_ops offc_mode_ops = {
	.set = offc_mode_set,
	.get = offc_mode_get,
};
module_param_cb(mode, &offc_mode_ops, NULL, 0644);
MODULE_PARM_DESC(mode, "copy, sleep, error or lie");

static int offc_stop_other_set(const char *val, const struct kernel_param *kp)
{
	stop_offloading(&offc_other);
	stop_offloading(NULL);
	return 0;
}

static const struct kernel_param_ops offc_stop_other_ops = {
	.set = offc_stop_other_set,
};
module_param_cb(stop_other, &offc_stop_other_ops, NULL, 0200);
MODULE_PARM_DESC(stop_other, "stop_offloading() of a migrator never started");

static int offc_atomic_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read((atomic_t *)kp->arg));
}

static const struct kernel_param_ops offc_counter_ops = {
	.get = offc_atomic_get,
};
module_param_cb(calls, &offc_counter_ops, &calls, 0444);
module_param_cb(errors, &offc_counter_ops, &errors, 0444);
module_param_cb(inflight, &offc_counter_ops, &inflight, 0444);
module_param_cb(overlaps, &offc_counter_ops, &overlaps, 0444);
module_param_cb(violations, &offc_counter_ops, &violations, 0444);

module_param(sleep_ms, uint, 0644);
MODULE_PARM_DESC(sleep_ms, "how long a sleep copy sleeps");
module_param(fake_stop, bool, 0644);
MODULE_PARM_DESC(fake_stop, "negative control: do not call stop_offloading()");
module_param(last_start, int, 0444);
MODULE_PARM_DESC(last_start, "what the last start_offloading() returned");

static void __exit offc_exit(void)
{
	mutex_lock(&offc_lock);
	if (registered)
		offc_stop();
	/* A fake stop left it registered: the module must not go with it. */
	if (registered)
		stop_offloading(&offc_migrator);
	mutex_unlock(&offc_lock);
	pr_info("offc_test: unloaded: overlaps %d violations %d\n",
		atomic_read(&overlaps), atomic_read(&violations));
}
module_exit(offc_exit);

static int __init offc_init(void)
{
	return 0;
}
module_init(offc_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A test migrator for the mtcopy smoke guest");
