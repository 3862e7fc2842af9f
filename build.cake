// The mtcopy pipeline's task graph. Every task is one call into the compiled
// CLI (build/Mtcopy.Cli); the logic lives there, tested with xunit.
//
//   Fetch -> Apply -> Configure -> Build -> Package -> Smoke -> Default
//   (Package before Smoke: the guest also loads the module DKMS built from the package;
//   --target=Smoke alone skips packaging and tests the Build stage's module only)
//   Bench (measures the pipeline and the guest), Clean
//   SystemTest: Fetch -> ... -> Package (config 'system') -> a real Debian 12 guest installs the packages

var target = Argument("target", "Default");

// Arguments passed through to the CLI unchanged, when given.
var passThrough = new[] {
    "kernel", "series", "config", "configs", "out", "jobs", "fuzz",
    "sign-key", "sign-cert", "kernels", "onto", "cache", "matrix-results", "system-fault",
};
// SystemTest boots its own kernel (the 'system' config: systemd, virtio disk, ext4) in its own output
// directory, unless told otherwise, so the default run's smoke kernel and artifacts/ stay as they are.
var systemTestDefaults = new Dictionary<string, string> { ["configs"] = "system", ["out"] = "artifacts-system" };
// Flags: given bare (--continue), which Cake's Argument<string> refuses as "not set".
var flags = new[] { "continue", "abort" };

string cli = null;
// One id for all stages of this run, so metadata.json collects them together.
var runId = DateTime.UtcNow.ToString("yyyyMMddTHHmmssfffZ");

// Cake's own arguments, accepted beside ours.
var cakeOwn = new[] { "target", "verbosity", "v", "debug", "d", "dryrun", "noop", "whatif", "exclusive", "e", "bootstrap", "showdescription", "showtree", "description", "tree", "info", "version" };

Setup(context =>
{
    RefuseUnknownArguments(context);
    cli = EnsureCli();
});

// A misspelt argument (--kernal=...) would otherwise be ignored and the run would use the default.
void RefuseUnknownArguments(ICakeContext context)
{
    var known = new HashSet<string>(passThrough.Concat(flags).Concat(cakeOwn), StringComparer.OrdinalIgnoreCase);
    var unknown = context.Arguments.GetArguments().Keys.Where(k => !known.Contains(k)).OrderBy(k => k).ToList();
    if (unknown.Count > 0)
    {
        throw new CakeException(2, $"unknown argument(s): {string.Join(", ", unknown.Select(k => "--" + k))}; "
            + $"the arguments are --target and {string.Join(", ", passThrough.Concat(flags).Select(k => "--" + k))} (./build.sh --help explains them)");
    }
}

// The summary for people, and metadata.json closed, whether the run passed or not.
Teardown(context =>
{
    if (cli != null && target != "Clean")
    {
        Cli("summary");
    }
});

void Stage(string name)
{
    var exit = Cli(name);
    if (exit != 0)
    {
        throw new CakeException(exit, $"stage {name} failed (exit {exit}); see the report above");
    }
}

int Cli(string name)
{
    var args = new ProcessArgumentBuilder().Append(cli).Append(name).Append($"--run-id={runId}").Append($"--target={target}");
    foreach (var key in passThrough)
    {
        if (HasArgument(key))
        {
            args.Append($"--{key}={Argument<string>(key)}");
        }
        else if (target == "SystemTest" && systemTestDefaults.TryGetValue(key, out var value))
        {
            args.Append($"--{key}={value}");
        }
    }
    foreach (var key in flags)
    {
        if (HasArgument(key))
        {
            var value = Arguments<string>(key, new string[0]).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            args.Append(value == null ? $"--{key}" : $"--{key}={value}");
        }
    }
    return StartProcess("dotnet", new ProcessSettings { Arguments = args });
}

// Build the CLI when its sources changed since the last build.
string EnsureCli()
{
    var dll = MakeAbsolute(File("build/Mtcopy.Cli/bin/Release/net10.0/mtcopy.dll")).FullPath;
    var stamp = System.IO.File.Exists(dll) ? System.IO.File.GetLastWriteTimeUtc(dll) : DateTime.MinValue;
    var newest = GetFiles("build/**/*.cs").Concat(GetFiles("build/**/*.csproj")).Concat(GetFiles("Directory.*.props"))
        .Where(f => !f.FullPath.Contains("/obj/") && !f.FullPath.Contains("/bin/"))
        .Select(f => System.IO.File.GetLastWriteTimeUtc(f.FullPath))
        .DefaultIfEmpty(DateTime.MaxValue)
        .Max();
    if (newest > stamp)
    {
        DotNetBuild("build/Mtcopy.Cli/Mtcopy.Cli.csproj", new DotNetBuildSettings
        {
            Configuration = "Release",
            NoLogo = true,
            Verbosity = DotNetVerbosity.Quiet,
        });
    }
    return dll;
}

Task("Fetch").Does(() => Stage("fetch"));
Task("Apply").IsDependentOn("Fetch").Does(() => Stage("apply"));
Task("Configure").IsDependentOn("Apply").Does(() => Stage("configure"));
Task("Build").IsDependentOn("Configure").Does(() => Stage("build"));
Task("Smoke").IsDependentOn("Build").Does(() => Stage("smoke"));
Task("Package").IsDependentOn("Build").Does(() => Stage("package"));
Task("Default").IsDependentOn("Package").IsDependentOn("Smoke");
// Packages installed, upgraded and purged with apt/dpkg/dkms in a booted Debian 12 guest.
Task("SystemTest").IsDependentOn("Package").Does(() => Stage("systemtest"));
Task("Bench").Does(() => Stage("bench"));
Task("CheckSeries").IsDependentOn("Build").Does(() => Stage("checkseries"));
Task("Clean").Does(() => Stage("clean"));
Task("Matrix").Does(() => Stage("matrix"));
Task("MatrixJoin").Does(() => Stage("matrix-join"));
Task("Rebase").Does(() => Stage("rebase"));

RunTarget(target);
