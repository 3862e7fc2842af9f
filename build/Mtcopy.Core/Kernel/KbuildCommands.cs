using System.Globalization;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// Pure builders for the kbuild command lines mtcopy runs. Every command clears
/// <c>KCONFIG_CONFIG</c> and <c>CONFIG_</c> from the environment: either would silently
/// redirect Kconfig to another file or symbol prefix.
/// </summary>
public static class KbuildCommands
{
    /// <summary>Targets built when the caller names none.</summary>
    public static IReadOnlyList<string> DefaultBuildTargets { get; } = ["bzImage", "modules"];

    /// <summary><c>make -C src O=build ARCH=arch [vars] &lt;targets&gt;</c>, e.g. tinyconfig or defconfig.</summary>
    public static KbuildCommand BaseConfig(KbuildTree tree, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new UserErrorException("Name at least one base config target, e.g. tinyconfig or defconfig.");
        }

        return Make(tree, [.. targets.Select(RequireTarget)], KconfigEnvironment());
    }

    /// <summary>
    /// <c>sh &lt;src&gt;/scripts/kconfig/merge_config.sh -m -O &lt;build&gt; &lt;build&gt;/.config &lt;fragment&gt;</c>,
    /// run in the build directory (the script creates temporary files in its working directory,
    /// which must not be the source tree) with ARCH in the environment.
    /// </summary>
    public static KbuildCommand MergeFragment(KbuildTree tree, string fragmentPath)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentException.ThrowIfNullOrWhiteSpace(fragmentPath);
        if (!Path.IsPathFullyQualified(fragmentPath))
        {
            throw new ArgumentException($"'{fragmentPath}' must be an absolute path.", nameof(fragmentPath));
        }

        var environment = KconfigEnvironment();
        environment["ARCH"] = tree.Arch;
        return new KbuildCommand(
            "sh",
            [MergeConfigScript(tree), "-m", "-O", tree.BuildDir, ConfigPath(tree), fragmentPath],
            tree.BuildDir,
            environment);
    }

    /// <summary><c>make -C src O=build ARCH=arch [vars] olddefconfig</c>.</summary>
    public static KbuildCommand OldDefconfig(KbuildTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Make(tree, ["olddefconfig"], KconfigEnvironment());
    }

    /// <summary><c>make -C src O=build ARCH=arch [vars] -jN &lt;targets&gt;</c> with the pinned KBUILD_BUILD_* environment.</summary>
    public static KbuildCommand Build(KbuildTree tree, int jobs, IReadOnlyList<string>? targets = null, KbuildPinnedEnvironment? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        targets ??= DefaultBuildTargets;
        var environment = KconfigEnvironment();
        AddPinned(environment, pinned);
        return Make(tree, [JobsArgument(jobs), .. targets.Select(RequireTarget)], environment);
    }

    /// <summary>
    /// <c>make -C &lt;kernel build dir&gt; M=&lt;module dir&gt; [ARCH=arch] [vars] -jN modules</c>:
    /// an external module against an already built kernel.
    /// </summary>
    public static KbuildCommand ExternalModule(
        string kernelBuildDir,
        string moduleDir,
        string? arch,
        int jobs,
        KbuildPinnedEnvironment? pinned = null,
        IReadOnlyList<string>? extraVariables = null,
        string makeProgram = "make")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelBuildDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        if (!Path.IsPathFullyQualified(kernelBuildDir) || !Path.IsPathFullyQualified(moduleDir))
        {
            throw new ArgumentException("The kernel build directory and the module directory must be absolute paths.");
        }

        var arguments = new List<string> { "-C", kernelBuildDir, "M=" + moduleDir };
        if (arch is not null)
        {
            arguments.Add("ARCH=" + arch);
        }

        arguments.AddRange(extraVariables ?? []);
        arguments.Add(JobsArgument(jobs));
        arguments.Add("modules");
        var environment = KconfigEnvironment();
        AddPinned(environment, pinned);
        return new KbuildCommand(makeProgram, arguments, moduleDir, environment);
    }

    /// <summary>The .config kbuild writes: <c>&lt;build&gt;/.config</c>.</summary>
    public static string ConfigPath(KbuildTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Path.Combine(tree.BuildDir, ".config");
    }

    /// <summary><c>&lt;build&gt;/include/config/kernel.release</c>.</summary>
    public static string KernelReleasePath(string buildDir) =>
        Path.Combine(buildDir, "include", "config", "kernel.release");

    public static string MergeConfigScript(KbuildTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Path.Combine(tree.SourceDir, "scripts", "kconfig", "merge_config.sh");
    }

    private static KbuildCommand Make(KbuildTree tree, IEnumerable<string> tail, Dictionary<string, string?> environment) =>
        new(
            tree.MakeProgram,
            ["-C", tree.SourceDir, "O=" + tree.BuildDir, "ARCH=" + tree.Arch, .. tree.ExtraVariables, .. tail],
            tree.SourceDir,
            environment);

    private static Dictionary<string, string?> KconfigEnvironment() =>
        new(StringComparer.Ordinal) { ["KCONFIG_CONFIG"] = null, ["CONFIG_"] = null };

    private static void AddPinned(Dictionary<string, string?> environment, KbuildPinnedEnvironment? pinned)
    {
        if (pinned is null)
        {
            return;
        }

        foreach ((string name, string? value) in pinned.ToEnvironment())
        {
            environment[name] = value;
        }
    }

    private static string JobsArgument(int jobs) => "-j" + jobs.ToString(CultureInfo.InvariantCulture);

    private static string RequireTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Length > 0
            && !target.StartsWith('-')
            && target.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/' or '+')
            ? target
            : throw new UserErrorException($"'{target}' is not a make target name (e.g. tinyconfig, defconfig, bzImage, modules).");
    }
}
