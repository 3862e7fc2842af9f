using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class KtapParserTests
{
    private static KtapDocument Parse(params string[] lines) => KtapParser.Parse(string.Join("\n", lines) + "\n");

    private static KtapTest Find(KtapDocument document, string fullName) =>
        Assert.Single(document.AllTests(), t => t.FullName == fullName);

    [Fact]
    public void Real_guest_report_passes_with_its_tree_and_diagnostics()
    {
        KtapDocument document = KtapParser.Parse(SmokeFixtures.Read("guest-pass.ktap"));

        Assert.True(document.IsComplete);
        Assert.True(document.Passed);
        Assert.Empty(document.Problems);
        Assert.Empty(document.FailedNames);
        Assert.Equal(1, document.Version);
        Assert.Equal(7, document.Plan);
        Assert.Equal(
            ["module_load", "sysfs_contract", "migrate", "offloading_off_during_migration", "rmmod_during_migration", "rmmod_idle", "dmesg_clean"],
            document.Tests.Select(t => t.Name));
        Assert.Equal([0, 26, 98, 1, 1, 0, 0], document.Tests.Select(t => t.Children.Count));
        Assert.Equal(["insmod /lib/modules/mtcopy.ko returned 0"], document.Tests[0].Diagnostics);
        Assert.Equal("migrate/thp_x3_threads8_offload_on", document.Tests[2].Children[^1].FullName);
        Assert.Equal(["48 rounds"], Find(document, "rmmod_during_migration/migration_loop").Diagnostics);
        Assert.Equal(["rmmod: 0, loop: 0"], document.Tests[4].Diagnostics);
        Assert.Equal(["mtcopy-smoke: 0 failed of 7"], document.Diagnostics);
        Assert.Equal(133, document.AllTests().Count());
    }

    [Fact]
    public void Nested_failure_keeps_the_diagnostic_that_follows_it_and_names_the_subtest()
    {
        KtapDocument document = Parse(
            "KTAP version 1",
            "1..2",
            "ok 1 module_load",
            "    KTAP version 1",
            "    1..3",
            "    ok 1 thp_x1_threads5_offload_on",
            "    not ok 2 thp_x3_threads5_offload_on",
            "    # byte 4096 (folio 0, offset 4096) wrong after move to node 1",
            "    ok 3 thp_x1_threads7_offload_on",
            "not ok 2 migrate");

        Assert.True(document.IsComplete);
        Assert.False(document.Passed);
        Assert.Equal(["migrate/thp_x3_threads5_offload_on"], document.FailedNames);
        KtapTest failed = Find(document, "migrate/thp_x3_threads5_offload_on");
        Assert.Equal(KtapStatus.Fail, failed.Status);
        Assert.Equal(["byte 4096 (folio 0, offset 4096) wrong after move to node 1"], failed.Diagnostics);
        Assert.Equal(7, failed.Line);
        Assert.Empty(Find(document, "migrate").Diagnostics);
        Assert.Empty(Find(document, "migrate/thp_x1_threads7_offload_on").Diagnostics);
        Assert.Equal(KtapStatus.Fail, Find(document, "migrate").Status);
    }

    [Fact]
    public void Indented_diagnostic_before_a_parent_line_belongs_to_the_parent()
    {
        KtapDocument document = Parse(
            "KTAP version 1",
            "1..2",
            "    KTAP version 1",
            "    1..1",
            "    # 12 rounds",
            "    ok 1 migration_loop",
            "    # rmmod: 1, loop: 0",
            "not ok 1 rmmod_during_migration",
            "    # insmod returned 1",
            "not ok 2 module_load");

        Assert.Equal(["rmmod: 1, loop: 0"], document.Tests[0].Diagnostics);
        Assert.Equal(["12 rounds"], document.Tests[0].Children[0].Diagnostics);
        Assert.Equal(KtapStatus.Pass, document.Tests[0].Children[0].Status);
        Assert.Equal(["insmod returned 1"], document.Tests[1].Diagnostics);
        Assert.Empty(document.Tests[1].Children);
        Assert.Equal(["rmmod_during_migration", "module_load"], document.FailedNames);
    }

    [Fact]
    public void Skip_and_todo_directives()
    {
        KtapDocument document = Parse(
            "KTAP version 1",
            "1..4",
            "ok 1 thp_cases # SKIP no THP on this kernel",
            "not ok 2 bench_ratio # TODO slower under TCG",
            "ok 3 fixed_already # TODO",
            "not ok 4 - named_with_dash # skip lowercase");

        Assert.True(document.Passed);
        Assert.Equal([KtapStatus.Skip, KtapStatus.Skip, KtapStatus.Pass, KtapStatus.Skip], document.Tests.Select(t => t.Status));
        Assert.Equal([KtapDirective.Skip, KtapDirective.Todo, KtapDirective.Todo, KtapDirective.Skip], document.Tests.Select(t => t.Directive));
        Assert.Equal("thp_cases", document.Tests[0].Name);
        Assert.Equal("no THP on this kernel", document.Tests[0].DirectiveReason);
        Assert.Equal("slower under TCG", document.Tests[1].DirectiveReason);
        Assert.Equal("named_with_dash", document.Tests[3].Name);
    }

    [Fact]
    public void A_comment_that_is_not_a_directive_becomes_a_diagnostic()
    {
        KtapDocument document = Parse("KTAP version 1", "1..1", "not ok 1 counters # bytes +0");

        Assert.Equal("counters", document.Tests[0].Name);
        Assert.Equal(KtapStatus.Fail, document.Tests[0].Status);
        Assert.Equal(["bytes +0"], document.Tests[0].Diagnostics);
    }

    [Fact]
    public void Missing_subtests_fail_the_parent_even_when_it_says_ok()
    {
        var lines = new List<string> { "KTAP version 1", "1..1", "    KTAP version 1", "    1..98" };
        lines.AddRange(Enumerable.Range(1, 40).Select(i => $"    ok {i} case_{i}"));
        lines.Add("ok 1 migrate");

        KtapDocument document = Parse([.. lines]);

        KtapTest migrate = document.Tests[0];
        Assert.True(document.IsComplete);
        Assert.Equal(KtapStatus.Fail, migrate.Status);
        Assert.Equal(58, migrate.MissingSubtests);
        Assert.Contains("planned 98, got 40", migrate.Diagnostics);
        Assert.Equal(["migrate"], document.FailedNames);
        Assert.False(document.Passed);
    }

    [Fact]
    public void Fewer_top_level_results_than_planned_says_where_the_output_stopped()
    {
        KtapDocument document = Parse("KTAP version 1", "1..7", "ok 1 module_load", "ok 2 sysfs_contract", "random console noise");

        Assert.False(document.IsComplete);
        Assert.False(document.Passed);
        Assert.Equal(["planned 7, got 2: the output stops after line 4: 'ok 2 sysfs_contract'"], document.Problems);
    }

    [Fact]
    public void Output_ending_inside_a_subtest_block_makes_an_unfinished_failed_test()
    {
        var lines = new List<string> { "KTAP version 1", "1..7", "ok 1 module_load", "    KTAP version 1", "    1..98" };
        lines.AddRange(Enumerable.Range(1, 40).Select(i => $"    ok {i} case_{i}"));
        lines.Add("[   12.345678] Kernel panic - not syncing: out of memory");

        KtapDocument document = Parse([.. lines]);

        Assert.False(document.IsComplete);
        KtapTest unfinished = document.Tests[^1];
        Assert.True(unfinished.Unfinished);
        Assert.Equal("(unfinished test 2)", unfinished.Name);
        Assert.Equal(2, unfinished.Number);
        Assert.Equal(KtapStatus.Fail, unfinished.Status);
        Assert.Equal(40, unfinished.Children.Count);
        Assert.Equal("(unfinished test 2)/case_40", unfinished.Children[^1].FullName);
        Assert.Equal(
            ["the output stops after line 45: 'ok 40 case_40', inside this subtest block", "planned 98, got 40"],
            unfinished.Diagnostics);
        Assert.Equal(["(unfinished test 2)"], document.FailedNames);
        Assert.Equal(["planned 7, got 1: the output stops after line 45: 'ok 40 case_40'"], document.Problems);
    }

    [Fact]
    public void A_finished_subtest_block_without_its_parent_line_is_unfinished_too()
    {
        KtapDocument document = Parse("KTAP version 1", "1..1", "    KTAP version 1", "    1..1", "    ok 1 only");

        KtapTest unfinished = Assert.Single(document.Tests);
        Assert.True(unfinished.Unfinished);
        Assert.Equal(0, unfinished.MissingSubtests);
        Assert.False(document.IsComplete);
        Assert.Equal(["(unfinished test 1)"], document.FailedNames);
    }

    [Fact]
    public void Console_noise_and_printk_timestamps_are_ignored()
    {
        string clean = string.Join("\n",
            "KTAP version 1", "1..2", "ok 1 module_load", "    KTAP version 1", "    1..1", "    not ok 1 a", "    # why", "not ok 2 parent");
        string noisy = string.Join("\r\n",
            "SeaBIOS (version 1.16.2-debian-1.16.2-1)",
            "[    0.000000] Linux version 6.12.117",
            "KTAP version 1",
            "\u0000\u00ff\u001b[0m garbage",
            "1..2",
            "[    1.234567] ok 1 module_load",
            "    KTAP version 1",
            "random: crng init done",
            "    1..1",
            "    not ok 1 a",
            "",
            "    # why",
            "   okay this is not a result",
            "not ok 2 parent",
            "reboot: Power down");

        KtapDocument expected = KtapParser.Parse(clean);
        KtapDocument actual = KtapParser.Parse(noisy);

        Assert.True(actual.IsComplete);
        Assert.Equal(expected.FailedNames, actual.FailedNames);
        Assert.Equal(["parent/a"], actual.FailedNames);
        Assert.Equal(["why"], Find(actual, "parent/a").Diagnostics);
        Assert.Equal(
            expected.AllTests().Select(t => (t.FullName, t.Status, t.Diagnostics.Count)),
            actual.AllTests().Select(t => (t.FullName, t.Status, t.Diagnostics.Count)));
    }

    [Fact]
    public void Empty_output_is_not_a_report()
    {
        KtapDocument document = KtapParser.Parse("");

        Assert.False(document.IsComplete);
        Assert.False(document.Passed);
        Assert.Equal(["no KTAP output"], document.Problems);
    }

    [Fact]
    public void Missing_version_and_plan_are_problems()
    {
        KtapDocument document = Parse("ok 1 a");

        Assert.False(document.IsComplete);
        Assert.Equal(["no 'KTAP version 1' line", "no plan line (1..N); got 1 results and the output stops after line 1: 'ok 1 a'"], document.Problems);
    }

    [Fact]
    public void Bail_out_is_a_problem()
    {
        KtapDocument document = Parse("KTAP version 1", "1..1", "Bail out! module did not load", "not ok 1 module_load");

        Assert.True(document.IsComplete);
        Assert.False(document.Passed);
        Assert.Equal(["line 3: Bail out! module did not load"], document.Problems);
    }

    [Fact]
    public void Parent_reported_ok_with_a_failed_child_fails()
    {
        KtapDocument document = Parse("KTAP version 1", "1..1", "    KTAP version 1", "    1..1", "    not ok 1 child", "ok 1 parent");

        KtapTest parent = document.Tests[0];
        Assert.Equal(KtapStatus.Fail, parent.Status);
        Assert.Equal(["reported ok, but 1 of its subtests failed"], parent.Diagnostics);
        Assert.Equal(["parent/child"], document.FailedNames);
    }

    [Fact]
    public void Three_levels_nest_and_get_full_names()
    {
        KtapDocument document = Parse(
            "KTAP version 1",
            "1..1",
            "    KTAP version 1",
            "    1..2",
            "        KTAP version 1",
            "        1..1",
            "        not ok 1 leaf",
            "        # deep reason",
            "    not ok 1 middle",
            "    ok 2 sibling",
            "not ok 1 top");

        Assert.True(document.IsComplete);
        Assert.Equal(["top", "top/middle", "top/middle/leaf", "top/sibling"], document.AllTests().Select(t => t.FullName));
        Assert.Equal(["top/middle/leaf"], document.FailedNames);
        Assert.Equal(["deep reason"], Find(document, "top/middle/leaf").Diagnostics);
    }

    [Fact]
    public void Diagnostics_after_a_top_level_not_ok_line_belong_to_it()
    {
        KtapDocument document = Parse("KTAP version 1", "1..2", "not ok 1 dmesg_clean", "# WARNING: CPU: 1 PID: 1 at mm/migrate.c:100", "ok 2 after");

        Assert.Equal(["WARNING: CPU: 1 PID: 1 at mm/migrate.c:100"], document.Tests[0].Diagnostics);
        Assert.Empty(document.Tests[1].Diagnostics);
    }

    [Fact]
    public void Two_subtest_blocks_without_a_parent_line_between_them_leave_an_unfinished_test()
    {
        KtapDocument document = Parse(
            "KTAP version 1", "1..2",
            "    KTAP version 1", "    1..1", "    ok 1 first_block",
            "    KTAP version 1", "    1..1", "    ok 1 second_block",
            "ok 2 second");

        Assert.Equal(["(unfinished test 1)", "second"], document.Tests.Select(t => t.Name));
        Assert.Equal("second/second_block", document.Tests[1].Children[0].FullName);
        Assert.Equal("(unfinished test 1)/first_block", document.Tests[0].Children[0].FullName);
    }
}
