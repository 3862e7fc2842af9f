namespace Mtcopy.Core.Packaging;

/// <summary>One check of the package smoke: a name (e.g. <c>deb/dkms_build_patched</c>), its outcome and what was seen.</summary>
public sealed record PackageSmokeCheck(string Name, PackageSmokeStatus Status, string Detail)
{
    public bool Ok => Status != PackageSmokeStatus.Failed;

    public override string ToString() => $"{Status.ToString().ToUpperInvariant()} {Name}: {Detail}";

    public static PackageSmokeCheck Pass(string name, string detail) => new(name, PackageSmokeStatus.Passed, detail);

    public static PackageSmokeCheck Fail(string name, string detail) => new(name, PackageSmokeStatus.Failed, detail);

    public static PackageSmokeCheck That(string name, bool ok, string detail) =>
        new(name, ok ? PackageSmokeStatus.Passed : PackageSmokeStatus.Failed, detail);
}
