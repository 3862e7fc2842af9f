// SPDX-License-Identifier: GPL-2.0-only
/*
 * mtcopy: a migrator that copies batched page migrations with several CPU
 * threads. See Documentation/ABI/testing/sysfs-kernel-cpu_mt.
 *
 *   /sys/kernel/cpu_mt/offloading  0 or 1: copy migrations here or not
 *   /sys/kernel/cpu_mt/threads     1 to 64 copy threads (default 4)
 *   /sys/kernel/cpu_mt/{batches,folios,bytes,fallbacks,declined}  counters
 *
 * A batch is cut into chunks of MTCOPY_CHUNK bytes. The migrating thread
 * queues helpers on an unbound workqueue, on the CPUs of the batch's
 * destination and source nodes, then copies chunks itself until none is
 * left, and finally takes back the helpers that have not started. So a
 * helper that cannot run soon (its CPUs busy) costs at most one chunk of
 * waiting, and the copy never depends on one CPU being free.
 *
 * Offloading only pays when there is enough to copy: a batch of fewer than
 * two shares of MTCOPY_MIN_SHARE bytes, or with threads set to 1, is
 * declined and migrated as without a migrator.
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
#include <linux/uaccess.h>
#include <linux/workqueue.h>

/* BEGIN mtcopy test build: kmod-src only, not part of the driver patch */
/*
 * Fault injection for the smoke guest's negative control: built with
 * KCFLAGS=-DMTCOPY_FAULT_SKIP_TAIL, every copy drops its last byte, as a
 * migrator that loses bytes would. Every batch mtcopy copies comes out
 * wrong, while declined batches and offloading off stay right: the smoke
 * test must then fail and name exactly the offloaded cases.
 */
#ifdef MTCOPY_FAULT_SKIP_TAIL
static unsigned long mtcopy_fault_copy(void *to, const void *from,
				       unsigned int len)
{
	return len > 1 ? copy_mc_to_kernel(to, from, len - 1) : 0;
}
#undef copy_mc_to_kernel
#define copy_mc_to_kernel mtcopy_fault_copy
#endif
/* END mtcopy test build */

#define MTCOPY_MAX_THREADS	64
#define MTCOPY_DEFAULT_THREADS	4

/* The unit of work that the copying threads take one after the other. */
#define MTCOPY_CHUNK		SZ_64K
/* Each thread, the migrating one included, has at least this much to copy. */
#define MTCOPY_MIN_SHARE	SZ_256K

static DEFINE_MUTEX(mtcopy_lock);	/* serialises offloading on and off */
static bool mtcopy_offloading;		/* under mtcopy_lock */
static unsigned int mtcopy_threads = MTCOPY_DEFAULT_THREADS;
static struct workqueue_struct *mtcopy_wq;

static atomic_long_t mtcopy_nr_batches = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_folios = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_bytes = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_fallbacks = ATOMIC_LONG_INIT(0);
static atomic_long_t mtcopy_nr_declined = ATOMIC_LONG_INIT(0);

/* One folio of a batch: where its bytes start in the batch as a whole. */
struct mtcopy_folio {
	char *to;
	const char *from;
	size_t offset;
	size_t size;
};

/* A batch being copied: its folios and the next chunk to take. */
struct mtcopy_job {
	const struct mtcopy_folio *folios;
	unsigned int nr_folios;
	size_t total;
	unsigned long nr_chunks;
	atomic_long_t next_chunk;
	atomic_t failed;
};

struct mtcopy_helper {
	struct work_struct work;
	struct mtcopy_job *job;
};

/* Copy the bytes [start, end) of the batch described by @job. */
static int mtcopy_copy_range(const struct mtcopy_job *job, size_t start,
			     size_t end)
{
	const struct mtcopy_folio *folios = job->folios;
	unsigned int lo = 0, hi = job->nr_folios, i;

	/* The folio holding @start: the last one that begins at or before it. */
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (folios[mid].offset <= start)
			lo = mid;
		else
			hi = mid;
	}

	for (i = lo; i < job->nr_folios && start < end; i++) {
		const struct mtcopy_folio *f = &folios[i];
		size_t from = start - f->offset;
		size_t len = min(end, f->offset + f->size) - start;

		if (copy_mc_to_kernel(f->to + from, f->from + from, len))
			return -EHWPOISON;
		start += len;
	}
	return 0;
}

/* Copy chunks of @job until none is left or a copy failed. */
static void mtcopy_run(struct mtcopy_job *job)
{
	unsigned long chunk;

	while ((chunk = atomic_long_fetch_inc(&job->next_chunk)) <
	       job->nr_chunks) {
		size_t start = chunk * MTCOPY_CHUNK;

		if (atomic_read(&job->failed))
			return;
		if (mtcopy_copy_range(job, start,
				      min(job->total, start + MTCOPY_CHUNK))) {
			atomic_set(&job->failed, 1);
			return;
		}
		cond_resched();
	}
}

static void mtcopy_helper_fn(struct work_struct *work)
{
	mtcopy_run(container_of(work, struct mtcopy_helper, work)->job);
}

/* Whether @cpu may run copy work: online, and neither isolated nor nohz_full. */
static bool mtcopy_cpu_usable(int cpu)
{
	return cpu_online(cpu) &&
	       cpumask_test_cpu(cpu, housekeeping_cpumask(HK_TYPE_WQ)) &&
	       cpumask_test_cpu(cpu, housekeeping_cpumask(HK_TYPE_DOMAIN));
}

/*
 * How many helpers the batch can use, at most @want: one per usable CPU of
 * @nodes, not counting the CPU of the migrating thread, which copies too.
 * Hotplug may change the answer at any time; it only sizes the work.
 */
static unsigned int mtcopy_nr_helpers(const nodemask_t *nodes,
				      unsigned int want)
{
	unsigned int nr = 0;
	int nid, cpu, this_cpu = raw_smp_processor_id();

	for_each_node_mask(nid, *nodes) {
		for_each_cpu(cpu, cpumask_of_node(nid)) {
			if (cpu == this_cpu || !mtcopy_cpu_usable(cpu))
				continue;
			if (++nr == want)
				return nr;
		}
	}
	return nr;
}

/*
 * The node for helper @i: the batch's destination nodes in turn, then its
 * source nodes, so that the copy uses the CPUs next to the memory it
 * writes first. NUMA_NO_NODE if no node of the batch has a CPU.
 */
static int mtcopy_helper_node(const nodemask_t *dst_nodes,
			      const nodemask_t *src_nodes, unsigned int i)
{
	unsigned int nr_dst = nodes_weight(*dst_nodes);
	unsigned int nr = nr_dst + nodes_weight(*src_nodes);
	const nodemask_t *nodes = dst_nodes;
	int nid;

	if (!nr)
		return NUMA_NO_NODE;
	i %= nr;
	if (i >= nr_dst) {
		nodes = src_nodes;
		i -= nr_dst;
	}
	for_each_node_mask(nid, *nodes)
		if (!i--)
			return nid;
	return NUMA_NO_NODE;
}

static int mtcopy_batch_copy(struct list_head *dst_list,
			     struct list_head *src_list,
			     const struct migrate_offc_batch *batch)
{
	unsigned int nr_threads = READ_ONCE(mtcopy_threads);
	nodemask_t dst_nodes = NODE_MASK_NONE, src_nodes = NODE_MASK_NONE;
	nodemask_t cpu_nodes;
	struct mtcopy_helper *helpers = NULL;
	struct mtcopy_folio *folios;
	struct mtcopy_job job = { };
	unsigned int i = 0, nr_helpers;
	struct folio *src, *dst;
	int ret = 0;

	folios = kmalloc_array(batch->nr_folios, sizeof(*folios),
			       GFP_NOWAIT | __GFP_NOWARN);
	if (!folios) {
		ret = -ENOMEM;
		goto out;
	}

	dst = list_first_entry(dst_list, struct folio, lru);
	list_for_each_entry(src, src_list, lru) {
		if (WARN_ON_ONCE(i == batch->nr_folios ||
				 folio_size(src) != folio_size(dst))) {
			ret = -EINVAL;
			goto out;
		}
		folios[i].to = folio_address(dst);
		folios[i].from = folio_address(src);
		folios[i].offset = job.total;
		folios[i].size = folio_size(src);
		job.total += folios[i].size;
		node_set(folio_nid(dst), dst_nodes);
		node_set(folio_nid(src), src_nodes);
		i++;
		dst = list_next_entry(dst, lru);
	}
	job.folios = folios;
	job.nr_folios = i;
	job.nr_chunks = DIV_ROUND_UP(job.total, MTCOPY_CHUNK);

	/* Only nodes with CPUs can run helpers; a source node counts once. */
	nodes_and(dst_nodes, dst_nodes, node_states[N_CPU]);
	nodes_and(src_nodes, src_nodes, node_states[N_CPU]);
	nodes_andnot(src_nodes, src_nodes, dst_nodes);
	nodes_or(cpu_nodes, dst_nodes, src_nodes);
	if (nodes_empty(cpu_nodes))
		cpu_nodes = node_states[N_CPU];

	nr_threads = min_t(size_t, nr_threads, job.total / MTCOPY_MIN_SHARE);
	nr_helpers = nr_threads > 1 ?
		     mtcopy_nr_helpers(&cpu_nodes, nr_threads - 1) : 0;
	if (!nr_helpers) {
		/* No CPU to help: the kernel's own copy is just as fast. */
		atomic_long_inc(&mtcopy_nr_declined);
		kfree(folios);
		return -EOPNOTSUPP;
	}

	helpers = kcalloc(nr_helpers, sizeof(*helpers),
			  GFP_NOWAIT | __GFP_NOWARN);
	if (!helpers) {
		ret = -ENOMEM;
		goto out;
	}

	for (i = 0; i < nr_helpers; i++) {
		helpers[i].job = &job;
		INIT_WORK(&helpers[i].work, mtcopy_helper_fn);
		queue_work_node(mtcopy_helper_node(&dst_nodes, &src_nodes, i),
				mtcopy_wq, &helpers[i].work);
	}

	mtcopy_run(&job);

	/*
	 * Every chunk has been taken. A helper that has not started yet has
	 * nothing left to do: take it back rather than wait for its CPU.
	 */
	for (i = nr_helpers; i-- > 0; )
		if (!cancel_work(&helpers[i].work))
			flush_work(&helpers[i].work);

	if (atomic_read(&job.failed))
		ret = -EHWPOISON;
out:
	kfree(helpers);
	kfree(folios);
	if (ret) {
		/* The kernel copies each folio of the batch instead. */
		atomic_long_inc(&mtcopy_nr_fallbacks);
		return ret;
	}
	atomic_long_inc(&mtcopy_nr_batches);
	atomic_long_add(job.nr_folios, &mtcopy_nr_folios);
	atomic_long_add(job.total, &mtcopy_nr_bytes);
	return 0;
}

static bool mtcopy_can_offload(const struct migrate_offc_batch *batch)
{
	/*
	 * One thread would copy exactly as the kernel does; a small batch
	 * costs more to hand out than it saves; an asynchronous caller must
	 * not wait for other CPUs (the core does not offer its batches).
	 */
	if (READ_ONCE(mtcopy_threads) < 2 ||
	    batch->nr_bytes < 2 * MTCOPY_MIN_SHARE ||
	    batch->mode == MIGRATE_ASYNC) {
		atomic_long_inc(&mtcopy_nr_declined);
		return false;
	}
	/* Kconfig rules out HIGHMEM: folio_address() reaches every byte. */
	return true;
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
MTCOPY_COUNTER_ATTR(declined, mtcopy_nr_declined);

static struct kobj_attribute offloading_attr = __ATTR_RW(offloading);
static struct kobj_attribute threads_attr = __ATTR_RW(threads);

static struct attribute *mtcopy_attrs[] = {
	&offloading_attr.attr,
	&threads_attr.attr,
	&batches_attr.attr,
	&folios_attr.attr,
	&bytes_attr.attr,
	&fallbacks_attr.attr,
	&declined_attr.attr,
	NULL,
};

static const struct attribute_group mtcopy_attr_group = {
	.attrs = mtcopy_attrs,
};

static struct kobject *mtcopy_kobj;

static int __init mtcopy_init(void)
{
	int ret;

	/*
	 * Unbound: the helpers go where the scheduler finds room, never to
	 * isolated or nohz_full CPUs, and a long copy does not hold up a
	 * CPU's per-CPU worker pool. WQ_MEM_RECLAIM: migration may run to
	 * free memory, so the helpers must not wait for a new worker.
	 */
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

	/* Returns once no copy runs here: none can use the code below. */
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
