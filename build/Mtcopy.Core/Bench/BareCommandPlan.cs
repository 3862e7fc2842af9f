using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Bench;

/// <summary>
/// The commands each pipeline step wraps, run bare: built by the same pure builders the stages use
/// (<see cref="KbuildCommands"/>, <see cref="QemuCommand"/>, <see cref="PackagingCommands"/>), so the
/// bare run does exactly the work the stage hands to tools and nothing else.
/// </summary>
public static class BareCommandPlan
{
    /// <summary>The starting config (a make target, or copying the user's .config), merge_config.sh, olddefconfig.</summary>
    public static IReadOnlyList<BenchCommand> Configure(KbuildTree tree, string? baseTarget, string? baseConfigFile, string fragmentPath)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if ((baseTarget is null) == (baseConfigFile is null))
        {
            throw new ArgumentException("Give either a base config target or a base config file.");
        }

        BenchCommand start = baseTarget is not null
            ? BenchCommand.From(KbuildCommands.BaseConfig(tree, baseTarget.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            : BenchCommand.Of("cp", [baseConfigFile!, KbuildCommands.ConfigPath(tree)]);
        return
        [
            start,
            BenchCommand.From(KbuildCommands.MergeFragment(tree, fragmentPath)),
            BenchCommand.From(KbuildCommands.OldDefconfig(tree)),
        ];
    }

    /// <summary><c>make -jN bzImage modules</c>, then <c>make M=</c> for each module directory, all with the pinned build environment.</summary>
    public static IReadOnlyList<BenchCommand> Build(KbuildTree tree, int jobs, KbuildPinnedEnvironment? pinned, IReadOnlyList<string> moduleDirs)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(moduleDirs);
        return
        [
            BenchCommand.From(KbuildCommands.Build(tree, jobs, null, pinned)),
            .. moduleDirs.Select(dir => BenchCommand.From(KbuildCommands.ExternalModule(tree.BuildDir, dir, tree.Arch, jobs, pinned))),
        ];
    }

    /// <summary>Compiling the guest's test program, then the qemu boot (its own timeout; the guest's verdict is not judged here).</summary>
    public static IReadOnlyList<BenchCommand> Smoke(string testSource, string testProgram, QemuSettings qemu)
    {
        ArgumentNullException.ThrowIfNull(qemu);
        return
        [
            BenchCommand.Of(GuestTestProgram.Compiler, GuestTestProgram.CompileArguments(testSource, testProgram)),
            BenchCommand.Of(qemu.Program, QemuCommand.Arguments(qemu)) with { Timeout = qemu.Timeout, AllowNonZeroExit = true },
        ];
    }

    /// <summary>dpkg-deb and rpmbuild on the staged trees, then lintian and rpmlint on what they built.</summary>
    public static IReadOnlyList<BenchCommand> Package(BarePackagePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return
        [
            BenchCommand.From(PackagingCommands.DpkgDeb(paths.DebRoot, paths.DebOutput, paths.SourceDateEpoch)),
            BenchCommand.From(PackagingCommands.RpmBuild(paths.RpmTopDir, paths.RpmSpec, paths.SourceDateEpoch)),
            BenchCommand.From(PackagingCommands.Lintian(paths.DebOutput)) with { AllowNonZeroExit = true },
            BenchCommand.From(PackagingCommands.Rpmlint(paths.RpmOutput, paths.RpmlintConfig)) with { AllowNonZeroExit = true },
        ];
    }

    /// <summary>Short names of the commands, for the report: "make bzImage modules; make M=".</summary>
    public static string Describe(IEnumerable<BenchCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return string.Join("; ", commands.Select(Short));
    }

    private static string Short(BenchCommand command)
    {
        string program = Path.GetFileName(command.Program);
        return program switch
        {
            "make" when command.Arguments.FirstOrDefault(a => a.StartsWith("M=", StringComparison.Ordinal)) is not null => "make M=<module>",
            "make" => "make " + string.Join(' ', command.Arguments.Where(a => !a.Contains('=', StringComparison.Ordinal) && !a.StartsWith('-') && !Path.IsPathFullyQualified(a))),
            "sh" when command.Arguments.Count > 0 && !command.Arguments[0].StartsWith('-') => Path.GetFileName(command.Arguments[0]),
            _ => program,
        };
    }
}
