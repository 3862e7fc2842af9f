namespace Mtcopy.Adapters.Sources;

/// <summary>
/// The fixed identity, date and configuration of import commits, so the same input always
/// gives the same commit id, whatever the user's git configuration says.
/// </summary>
internal static class ImportIdentity
{
    public const string Name = "mtcopy-import";
    public const string Email = "import@mtcopy.invalid";
    public const string Date = "1970-01-01T00:00:00Z";
    public const string Branch = "base";

    /// <summary>
    /// Highest-precedence attributes ($GIT_DIR/info/attributes): store every byte as it is,
    /// whatever a tree's own .gitattributes asks (no eol conversion, filters or $Id$ expansion).
    /// </summary>
    public const string VerbatimAttributes = "* -text -eol -filter -ident -working-tree-encoding\n";

    /// <summary>Environment for git commands that create or commit into cache repositories.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = Name,
        ["GIT_AUTHOR_EMAIL"] = Email,
        ["GIT_AUTHOR_DATE"] = Date,
        ["GIT_COMMITTER_NAME"] = Name,
        ["GIT_COMMITTER_EMAIL"] = Email,
        ["GIT_COMMITTER_DATE"] = Date,
    };
}
