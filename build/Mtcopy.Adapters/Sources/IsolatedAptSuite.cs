namespace Mtcopy.Adapters.Sources;

/// <summary>
/// An apt state of mtcopy's own for one Debian suite, under the cache (<c>&lt;cache&gt;/apt-&lt;suite&gt;/</c>):
/// its own sources.list, package lists and archive cache, so a package that only another suite
/// provides (e.g. linux-source-7.2 from sid) can be downloaded without touching /etc/apt or
/// the system's package lists. Signatures are checked with the Debian archive keyring.
/// </summary>
internal sealed record IsolatedAptSuite
{
    public const string DebianKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";
    public const string DebianMirror = "http://deb.debian.org/debian";
    public const string DebianSecurityMirror = "http://deb.debian.org/debian-security";

    public IsolatedAptSuite(string cacheRoot, string suite, bool privileged)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(suite);
        if (suite.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-'))
        {
            throw new ArgumentException($"'{suite}' is not a Debian suite name.", nameof(suite));
        }

        Suite = suite;
        Directory = Path.Combine(Path.GetFullPath(cacheRoot), "apt-" + suite);
        Privileged = privileged;
    }

    public string Suite { get; }

    /// <summary>The root of this apt state.</summary>
    public string Directory { get; }

    /// <summary>When root, apt downloads as root too: its _apt user cannot enter a cache under /root.</summary>
    public bool Privileged { get; }

    public string SourcesListPath => Path.Combine(Directory, "sources.list");

    public string ListsDirectory => Path.Combine(Directory, "lists");

    public string CacheDirectory => Path.Combine(Directory, "cache");

    /// <summary>The one line of sources.list: security suites from the security archive, all others from the main archive.</summary>
    public string SourcesLine =>
        $"deb [signed-by={DebianKeyring}] {(Suite.EndsWith("-security", StringComparison.Ordinal) ? DebianSecurityMirror : DebianMirror)} {Suite} main";

    /// <summary>
    /// The <c>-o</c> options that point apt-get and apt-cache at this state only: no system
    /// sources or preferences, our lists and caches; no translations or AppStream metadata.
    /// </summary>
    public IReadOnlyList<string> Options
    {
        get
        {
            var options = new List<string>
            {
                "-o", "Dir::Etc::SourceList=" + SourcesListPath,
                "-o", "Dir::Etc::SourceParts=/dev/null",
                "-o", "Dir::Etc::Preferences=/dev/null",
                "-o", "Dir::Etc::PreferencesParts=/dev/null",
                "-o", "Dir::State::Lists=" + ListsDirectory,
                "-o", "Dir::Cache=" + CacheDirectory,
                "-o", "Dir::Cache::Archives=" + Path.Combine(CacheDirectory, "archives"),
                "-o", "Acquire::Languages=none",
                "-o", "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false",
                "-o", "Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false",
            };
            if (Privileged)
            {
                options.AddRange(["-o", "APT::Sandbox::User=root"]);
            }

            return options;
        }
    }

    /// <summary>Creates the directories and writes sources.list (the only files apt needs besides its lists).</summary>
    public void Prepare()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(ListsDirectory, "partial"));
        System.IO.Directory.CreateDirectory(Path.Combine(CacheDirectory, "archives", "partial"));
        File.WriteAllText(SourcesListPath, $"# mtcopy's own apt source for {Suite}; the system's apt configuration is not used or changed.\n{SourcesLine}\n");
    }
}
