// SPDX-License-Identifier: GPL-2.0
/*
 * mtcopy: a migrator that copies batched page migrations with several
 * CPU threads, running on the CPUs of the source and destination nodes.
 *
 *   /sys/kernel/cpu_mt/offloading  0 or 1: copy migrations here or not
 *   /sys/kernel/cpu_mt/threads     1 to 64 copy threads (default 4)
 *   /sys/kernel/cpu_mt/{batches,folios,bytes,fallbacks}  read-only counters
 *
 * The bytes of a batch are split into one contiguous range per thread, in
 * whole pages when there are enough, else in cache lines; the last range of
 * a split takes what is left, so every byte is copied whatever the thread
 * count and the folio sizes.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/migrate_offc.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/topology.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#define MTCOPY_MAX_THREADS	64
#define MTCOPY_DEFAULT_THREADS	4

/*
 * From Linux 6.17 on, a per-CPU workqueue says so with WQ_PERCPU; the
 * Makefile passes it in where the kernel has it.
 */
#ifndef MTCOPY_WQ_PERCPU
#define MTCOPY_WQ_PERCPU	0
#endif

static DEFINE_MUTEX(mtcopy_lock);	/* serialises offloading on and off */
static bool mtcopy_offloading;		/* under mtcopy_lock */
static unsigned int mtcopy_threads = MTCOPY_DEFAULT_THREADS;
static struct workqueue_struct *mtcopy_wq;

static atomic_long_t mtcopy_nr_batches = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_folios = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_bytes = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_fallbacks = ATOMIC_LONG_INIT(0);

/* One folio of a batch: where its bytes start in the batch as a whole. */
struct mtcopy_folio {
	char *to;
	const char *from;
	size_t offset;
	size_t size;
};

/* One thread's share of a batch: the bytes [start, end) of the batch. */
struct mtcopy_work {
	struct work_struct work;
	const struct mtcopy_folio *folios;
	unsigned int nr_folios;
	size_t start;
	size_t end;
	int ret;
};

/*
 * Fault injection for the smoke test's own check: built with
 * KCFLAGS=-DMTCOPY_FAULT_SKIP_TAIL, the copy drops the last byte of every
 * share that does not end on a page boundary, as the RFC's migrator did.
 * The smoke test must then fail and name the cases.
 */
static size_t mtcopy_fault_tail(size_t end)
{
#ifdef MTCOPY_FAULT_SKIP_TAIL
	return end % PAGE_SIZE ? 1 : 0;
#else
	return 0;
#endif
}

/* Copy the bytes [start, end) of the batch described by @folios. */
static int mtcopy_copy_range(const struct mtcopy_folio *folios,
			     unsigned int nr_folios, size_t start, size_t end)
{
	unsigned int i;

	end -= mtcopy_fault_tail(end);

	for (i = 0; i < nr_folios && start < end; i++) {
		const struct mtcopy_folio *f = &folios[i];
		size_t from, len;

		if (start >= f->offset + f->size)
			continue;
		from = start - f->offset;
		len = min(end, f->offset + f->size) - start;
		if (copy_mc_to_kernel(f->to + from, f->from + from, len))
			return -EHWPOISON;
		start += len;
		cond_resched();
	}
	return 0;
}

static void mtcopy_work_fn(struct work_struct *work)
{
	struct mtcopy_work *w = container_of(work, struct mtcopy_work, work);

	w->ret = mtcopy_copy_range(w->folios, w->nr_folios, w->start, w->end);
}

/*
 * The CPUs to copy on: the online CPUs of the source and destination nodes,
 * or any online CPU if neither node has one.
 */
static void mtcopy_pick_cpus(struct cpumask *cpus, int src_nid, int dst_nid)
{
	cpumask_or(cpus, cpumask_of_node(dst_nid), cpumask_of_node(src_nid));
	if (!cpumask_and(cpus, cpus, cpu_online_mask))
		cpumask_copy(cpus, cpu_online_mask);
}

/*
 * Split @total bytes over @nr_threads ranges: whole pages when every thread
 * gets at least one, else cache lines. Range @i is [*start, *end).
 */
static void mtcopy_split(size_t total, unsigned int nr_threads, unsigned int i,
			 size_t *start, size_t *end)
{
	size_t unit = total / nr_threads >= PAGE_SIZE ? PAGE_SIZE : SMP_CACHE_BYTES;
	size_t units = DIV_ROUND_UP(total, unit);
	size_t per = units / nr_threads, extra = units % nr_threads;

	*start = (i * per + min_t(size_t, i, extra)) * unit;
	*end = min(total, *start + (per + (i < extra)) * unit);
	*start = min(total, *start);
}

static int mtcopy_batch_copy(struct list_head *dst_list,
			     struct list_head *src_list,
			     unsigned int nr_folios)
{
	unsigned int nr_threads = READ_ONCE(mtcopy_threads);
	struct mtcopy_folio *folios;
	struct mtcopy_work *works;
	struct folio *src, *dst;
	unsigned int i = 0, this_cpu;
	cpumask_var_t cpus;
	size_t total = 0;
	int cpu, ret = 0;
	bool local;

	folios = kmalloc_array(nr_folios, sizeof(*folios),
			       GFP_NOWAIT | __GFP_NOWARN);
	if (!folios)
		return -ENOMEM;

	dst = list_first_entry(dst_list, struct folio, lru);
	list_for_each_entry(src, src_list, lru) {
		if (WARN_ON_ONCE(i == nr_folios ||
				 folio_size(src) != folio_size(dst))) {
			kfree(folios);
			return -EINVAL;
		}
		folios[i].to = folio_address(dst);
		folios[i].from = folio_address(src);
		folios[i].offset = total;
		folios[i].size = folio_size(src);
		total += folios[i].size;
		i++;
		dst = list_next_entry(dst, lru);
	}
	nr_folios = i;

	nr_threads = clamp_t(unsigned int, nr_threads, 1, MTCOPY_MAX_THREADS);
	works = kcalloc(nr_threads, sizeof(*works), GFP_NOWAIT | __GFP_NOWARN);
	if (!works || !zalloc_cpumask_var(&cpus, GFP_NOWAIT | __GFP_NOWARN)) {
		/* Short of memory: copy here, with this one thread. */
		kfree(works);
		atomic_long_inc(&mtcopy_nr_fallbacks);
		ret = mtcopy_copy_range(folios, nr_folios, 0, total);
		goto out;
	}

	src = list_first_entry(src_list, struct folio, lru);
	dst = list_first_entry(dst_list, struct folio, lru);

	cpus_read_lock();
	mtcopy_pick_cpus(cpus, folio_nid(src), folio_nid(dst));
	/*
	 * When the calling thread runs on one of those CPUs, it copies the
	 * first share itself instead of sleeping until the others are done,
	 * and the shares it hands out go to the CPUs after its own.
	 */
	this_cpu = raw_smp_processor_id();
	local = cpumask_test_cpu(this_cpu, cpus);
	cpu = local ? cpumask_next(this_cpu, cpus) : cpumask_first(cpus);
	for (i = 0; i < nr_threads; i++) {
		struct mtcopy_work *w = &works[i];

		w->folios = folios;
		w->nr_folios = nr_folios;
		mtcopy_split(total, nr_threads, i, &w->start, &w->end);
		if (w->start == w->end || (local && i == 0))
			continue;
		if (cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpus);
		INIT_WORK(&w->work, mtcopy_work_fn);
		queue_work_on(cpu, mtcopy_wq, &w->work);
		cpu = cpumask_next(cpu, cpus);
	}
	if (local)
		ret = mtcopy_copy_range(folios, nr_folios, works[0].start,
					works[0].end);
	for (i = local ? 1 : 0; i < nr_threads; i++) {
		if (works[i].start == works[i].end)
			continue;
		flush_work(&works[i].work);
		if (works[i].ret)
			ret = works[i].ret;
	}
	cpus_read_unlock();

	free_cpumask_var(cpus);
	kfree(works);
out:
	kfree(folios);
	if (ret) {
		atomic_long_inc(&mtcopy_nr_fallbacks);
		return ret;
	}
	atomic_long_inc(&mtcopy_nr_batches);
	atomic_long_add(nr_folios, &mtcopy_nr_folios);
	atomic_long_add(total, &mtcopy_nr_bytes);
	return 0;
}

static bool mtcopy_can_offload(struct folio *dst, struct folio *src)
{
	/* Kconfig rules out HIGHMEM: folio_address() reaches every byte. */
	return folio_size(dst) == folio_size(src);
}

static struct migrator mtcopy_migrator = {
	.name = "mtcopy",
	.batch_copy = mtcopy_batch_copy,
	.can_offload = mtcopy_can_offload,
	.owner = THIS_MODULE,
};

static ssize_t offloading_show(struct kobject *kobj,
			       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(mtcopy_offloading));
}

static ssize_t offloading_store(struct kobject *kobj,
				struct kobj_attribute *attr,
				const char *buf, size_t count)
{
	unsigned int on;
	int ret;

	ret = kstrtouint(buf, 10, &on);
	if (ret)
		return ret;
	if (on > 1)
		return -EINVAL;

	mutex_lock(&mtcopy_lock);
	if (on && !mtcopy_offloading) {
		ret = start_offloading(&mtcopy_migrator);
		if (!ret)
			WRITE_ONCE(mtcopy_offloading, true);
	} else if (!on && mtcopy_offloading) {
		/* Returns once no copy is running here any more. */
		stop_offloading(&mtcopy_migrator);
		WRITE_ONCE(mtcopy_offloading, false);
	}
	mutex_unlock(&mtcopy_lock);

	return ret ? ret : count;
}

static ssize_t threads_show(struct kobject *kobj,
			    struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", READ_ONCE(mtcopy_threads));
}

static ssize_t threads_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	unsigned int threads;
	int ret;

	ret = kstrtouint(buf, 10, &threads);
	if (ret)
		return ret;
	if (threads < 1 || threads > MTCOPY_MAX_THREADS)
		return -EINVAL;

	WRITE_ONCE(mtcopy_threads, threads);
	return count;
}

#define MTCOPY_COUNTER_ATTR(_name, _counter)				\
static ssize_t _name##_show(struct kobject *kobj,			\
			    struct kobj_attribute *attr, char *buf)	\
{									\
	return sysfs_emit(buf, "%ld\n", atomic_long_read(&(_counter)));	\
}									\
static struct kobj_attribute _name##_attr = __ATTR_RO(_name)

MTCOPY_COUNTER_ATTR(batches, mtcopy_nr_batches);
MTCOPY_COUNTER_ATTR(folios, mtcopy_nr_folios);
MTCOPY_COUNTER_ATTR(bytes, mtcopy_nr_bytes);
MTCOPY_COUNTER_ATTR(fallbacks, mtcopy_nr_fallbacks);

static struct kobj_attribute offloading_attr = __ATTR_RW(offloading);
static struct kobj_attribute threads_attr = __ATTR_RW(threads);

static struct attribute *mtcopy_attrs[] = {
	&offloading_attr.attr,
	&threads_attr.attr,
	&batches_attr.attr,
	&folios_attr.attr,
	&bytes_attr.attr,
	&fallbacks_attr.attr,
	NULL,
};

static const struct attribute_group mtcopy_attr_group = {
	.attrs = mtcopy_attrs,
};

static struct kobject *mtcopy_kobj;

static int __init mtcopy_init(void)
{
	int ret;

	mtcopy_wq = alloc_workqueue("mtcopy", WQ_MEM_RECLAIM | MTCOPY_WQ_PERCPU, 0);
	if (!mtcopy_wq)
		return -ENOMEM;

	mtcopy_kobj = kobject_create_and_add("cpu_mt", kernel_kobj);
	if (!mtcopy_kobj) {
		ret = -ENOMEM;
		goto err_wq;
	}

	ret = sysfs_create_group(mtcopy_kobj, &mtcopy_attr_group);
	if (ret)
		goto err_kobj;

	return 0;

err_kobj:
	kobject_put(mtcopy_kobj);
err_wq:
	destroy_workqueue(mtcopy_wq);
	return ret;
}

static void __exit mtcopy_exit(void)
{
	/* No store can start offloading again once the files are gone. */
	sysfs_remove_group(mtcopy_kobj, &mtcopy_attr_group);
	kobject_put(mtcopy_kobj);

	mutex_lock(&mtcopy_lock);
	if (mtcopy_offloading) {
		stop_offloading(&mtcopy_migrator);
		mtcopy_offloading = false;
	}
	mutex_unlock(&mtcopy_lock);

	destroy_workqueue(mtcopy_wq);
}

module_init(mtcopy_init);
module_exit(mtcopy_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Multi-threaded CPU copy for batched page migration");
