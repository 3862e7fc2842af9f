// SPDX-License-Identifier: GPL-2.0
/*
 * A module that oopses on load, named like the migrator: the smoke test's
 * own check that a broken module fails the stage and is named in the report.
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init mtcopy_oops_init(void)
{
	volatile int *nowhere = NULL;

	*nowhere = 1;
	return 0;
}
module_init(mtcopy_oops_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Oopses on load: a negative control for the smoke test");
