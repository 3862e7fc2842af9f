namespace Mtcopy.Core.Packaging;

/// <summary>
/// The directories DKMS works in, all under one scratch root instead of the host's /usr/src,
/// /var/lib/dkms and /lib/modules (dkms --sourcetree, --dkmstree, --installtree).
/// </summary>
public sealed record DkmsTrees
{
    public DkmsTrees(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Path.IsPathFullyQualified(root) || Path.TrimEndingDirectorySeparator(root) == "/")
        {
            throw new ArgumentException($"'{root}' must be an absolute path other than /.", nameof(root));
        }

        Root = Path.TrimEndingDirectorySeparator(root);
    }

    public string Root { get; }

    public string SourceTree => Root + "/usr/src";

    public string DkmsTree => Root + "/var/lib/dkms";

    public string InstallTree => Root + "/lib/modules";

    /// <summary>The dkms options that point it at these trees.</summary>
    public IReadOnlyList<string> Options => ["--sourcetree", SourceTree, "--dkmstree", DkmsTree, "--installtree", InstallTree];
}
