using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Puts a filtered <c>modules.order</c> in a build directory for as long as it is held, and the build's own list back
/// when disposed. The filtered file gets the original's mtime, so make sees nothing new (no modpost, no relink). The
/// original waits in <see cref="PackagedModuleOrder.KeptFileName"/>; a run killed while the swap was held leaves it
/// there, and the next swap puts it back before anything else.
/// </summary>
public sealed class ModuleOrderSwap : IDisposable
{
    private readonly string _order;
    private readonly string _kept;

    private ModuleOrderSwap(string order, string kept)
    {
        _order = order;
        _kept = kept;
    }

    /// <summary>Swaps in the list without <paramref name="leftOutModules"/>; null when there is nothing to leave out or no list.</summary>
    public static ModuleOrderSwap? Begin(string buildDir, IReadOnlyList<string> leftOutModules)
    {
        ArgumentNullException.ThrowIfNull(leftOutModules);
        string order = Path.Combine(buildDir, "modules.order");
        string kept = Path.Combine(buildDir, PackagedModuleOrder.KeptFileName);
        Restore(order, kept);
        if (leftOutModules.Count == 0 || !File.Exists(order))
        {
            return null;
        }

        DateTime mtime = File.GetLastWriteTimeUtc(order);
        File.Copy(order, kept, overwrite: true);
        File.SetLastWriteTimeUtc(kept, mtime);
        File.WriteAllText(order, PackagedModuleOrder.Filter(File.ReadAllText(kept), leftOutModules));
        File.SetLastWriteTimeUtc(order, mtime);
        return new ModuleOrderSwap(order, kept);
    }

    public void Dispose() => Restore(_order, _kept);

    private static void Restore(string order, string kept)
    {
        if (File.Exists(kept))
        {
            File.Move(kept, order, overwrite: true);
        }
    }
}
