// SPDX-License-Identifier: GPL-2.0-only
/*
 * mtcopy: a migrator that copies batched page migrations with several CPU
 * threads.
 *
 *   /sys/kernel/cpu_mt/offloading  0 or 1: copy migrations here or not
 *   /sys/kernel/cpu_mt/threads     1 to 64: the most threads per batch
 *   /sys/kernel/cpu_mt/{batches,folios,bytes,fallbacks}  read-only counters
 *
 * The bytes of a batch are copied in chunks of MTCOPY_CHUNK bytes, taken in
 * order from a shared cursor by the calling thread and by up to threads - 1
 * workers, no more than the CPUs that may run them: a fast thread takes many
 * chunks, a slow or late one few or none, and the caller waits at most for
 * the chunks the workers are copying at the end. On a busy machine the
 * caller copies the batch alone. A batch under two MTCOPY_MIN_SHARE, or any
 * batch with threads set to 1, is declined: the kernel copies it as usual.
 *
 * The workers come from an unbound workqueue, queued to the source and
 * destination nodes of the batch in turn; the workqueue keeps them off
 * isolated CPUs.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/migrate_offc.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/sched/isolation.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/topology.h>
#include <linux/workqueue.h>

#define MTCOPY_MAX_THREADS	64
#define MTCOPY_DEFAULT_THREADS	4
/* Below this per thread, handing work to another CPU costs more than it saves. */
#define MTCOPY_MIN_SHARE	SZ_256K
#define MTCOPY_CHUNK		SZ_64K

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

/* A batch being copied: its folios and the cursor of the next chunk. */
struct mtcopy_batch {
	const struct mtcopy_folio *folios;
	unsigned int nr_folios;
	size_t total;
	atomic_long_t next;	/* byte offset of the next chunk to copy */
	atomic_t error;
};

struct mtcopy_worker {
	struct work_struct work;
	struct mtcopy_batch *batch;
};

/* Copy the bytes [start, end) of the batch described by @folios. */
static int mtcopy_copy_range(const struct mtcopy_folio *folios,
			     unsigned int nr_folios, size_t start, size_t end)
{
	unsigned int i;

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

/* Copy chunks of @b until none is left or a copy failed. */
static void mtcopy_copy_chunks(struct mtcopy_batch *b)
{
	unsigned long start;
	int ret;

	while (!atomic_read(&b->error)) {
		start = atomic_long_fetch_add(MTCOPY_CHUNK, &b->next);
		if (start >= b->total)
			break;
		ret = mtcopy_copy_range(b->folios, b->nr_folios, start,
					min_t(size_t, b->total,
					      start + MTCOPY_CHUNK));
		if (ret)
			atomic_set(&b->error, ret);
	}
}

static void mtcopy_work_fn(struct work_struct *work)
{
	mtcopy_copy_chunks(container_of(work, struct mtcopy_worker, work)->batch);
}

/* The online CPUs of @nodes that unbound workqueues may run on. */
static unsigned int mtcopy_nr_cpus(const nodemask_t *nodes)
{
	unsigned int nr = 0;
	int nid, cpu;

	for_each_node_mask(nid, *nodes)
		for_each_cpu_and(cpu, cpumask_of_node(nid), cpu_online_mask)
			nr += housekeeping_test_cpu(cpu, HK_TYPE_WQ) &&
			      housekeeping_test_cpu(cpu, HK_TYPE_DOMAIN);
	return nr;
}

/* How many threads, the caller included, copy a batch of @total bytes. */
static unsigned int mtcopy_nr_threads(size_t total, const nodemask_t *nodes)
{
	unsigned int nr = READ_ONCE(mtcopy_threads);

	nr = min_t(size_t, nr, total / MTCOPY_MIN_SHARE);
	nr = min(nr, mtcopy_nr_cpus(nodes));
	return max(nr, 1U);
}

static bool mtcopy_can_offload(unsigned int nr_folios, size_t nr_bytes)
{
	return READ_ONCE(mtcopy_threads) > 1 &&
	       nr_bytes >= 2 * MTCOPY_MIN_SHARE;
}

static int mtcopy_batch_copy(struct list_head *dst_list,
			     struct list_head *src_list,
			     unsigned int nr_folios)
{
	struct mtcopy_worker *workers = NULL;
	struct mtcopy_batch batch = {};
	struct mtcopy_folio *folios;
	unsigned int i = 0, nr_workers;
	struct folio *src, *dst;
	nodemask_t nodes = NODE_MASK_NONE;
	size_t total = 0;
	int nid, ret = -ENOMEM;

	folios = kmalloc_array(nr_folios, sizeof(*folios),
			       GFP_NOWAIT | __GFP_NOWARN);
	if (!folios)
		goto out;

	dst = list_first_entry(dst_list, struct folio, lru);
	list_for_each_entry(src, src_list, lru) {
		if (WARN_ON_ONCE(i == nr_folios ||
				 folio_size(src) != folio_size(dst))) {
			ret = -EINVAL;
			goto out;
		}
		folios[i].to = folio_address(dst);
		folios[i].from = folio_address(src);
		folios[i].offset = total;
		folios[i].size = folio_size(src);
		total += folios[i].size;
		node_set(folio_nid(src), nodes);
		node_set(folio_nid(dst), nodes);
		i++;
		dst = list_next_entry(dst, lru);
	}
	nr_folios = i;

	batch.folios = folios;
	batch.nr_folios = nr_folios;
	batch.total = total;
	atomic_long_set(&batch.next, 0);
	atomic_set(&batch.error, 0);

	nr_workers = mtcopy_nr_threads(total, &nodes) - 1;
	if (nr_workers) {
		workers = kcalloc(nr_workers, sizeof(*workers),
				  GFP_NOWAIT | __GFP_NOWARN);
		if (!workers)
			goto out;
	}

	/* Wake the workers, on the batch's nodes in turn, then copy too. */
	nid = first_node(nodes);
	for (i = 0; i < nr_workers; i++) {
		workers[i].batch = &batch;
		INIT_WORK(&workers[i].work, mtcopy_work_fn);
		queue_work_node(nid, mtcopy_wq, &workers[i].work);
		nid = next_node_in(nid, nodes);
	}
	mtcopy_copy_chunks(&batch);

	/* A worker that has not started finds nothing left: do not wait for it. */
	for (i = 0; i < nr_workers; i++)
		if (!cancel_work(&workers[i].work))
			flush_work(&workers[i].work);
	ret = atomic_read(&batch.error);
out:
	kfree(workers);
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

static struct migrator mtcopy_migrator = {
	.name = "mtcopy",
	.batch_copy = mtcopy_batch_copy,
	.can_offload = mtcopy_can_offload,
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

	/* Migration may run to reclaim memory: keep a rescuer. */
	mtcopy_wq = alloc_workqueue("mtcopy", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
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

	/* Waits for a copy in flight, so the module can go at any time. */
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
