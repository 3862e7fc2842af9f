namespace Mtcopy.Core.Sources;

/// <summary><c>git:&lt;url&gt;@&lt;ref&gt;</c>: a branch, tag or commit id of a git remote.</summary>
public sealed record GitRemoteSource(string Url, string Ref) : KernelSourceSpec
{
    public override string ToArgument() => $"{GitPrefix}{Url}@{Ref}";
}
