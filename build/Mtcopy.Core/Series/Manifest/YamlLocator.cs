using YamlDotNet.Core;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// Maps between <see cref="YamlPath"/>s and positions in the manifest text. Tolerant: when the
/// text is not valid YAML every lookup answers "unknown" (null).
/// </summary>
internal sealed class YamlLocator
{
    private readonly YamlTreeNode? root;

    public YamlLocator(string yamlText)
    {
        (root, IsValidYaml, SyntaxError) = YamlTreeNode.Load(yamlText);
    }

    /// <summary>False when the text is not valid YAML.</summary>
    public bool IsValidYaml { get; }

    /// <summary>Why the text is not valid YAML, when YamlDotNet says where.</summary>
    public YamlException? SyntaxError { get; }

    /// <summary>Start of the node at <paramref name="path"/>, or of its deepest existing ancestor.</summary>
    public Mark? Find(YamlPath path)
    {
        var node = root;
        if (node is null)
        {
            return null;
        }

        foreach (var segment in path.Segments)
        {
            var next = segment switch
            {
                string key => node.Entries.FirstOrDefault(e => e.Key == key).Value,
                int index when index < node.Items.Count => node.Items[index],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return node.Start;
    }

    /// <summary>Path of the mapping holding a key that starts at <paramref name="mark"/>.</summary>
    public YamlPath? MappingOfKeyAt(Mark mark) =>
        Mappings().Where(x => x.Node.Entries.Any(e => e.KeyStart.Index == mark.Index))
            .Select(x => x.Path).FirstOrDefault();

    /// <summary>
    /// The mapping YamlDotNet means when it reports missing keys: the one whose last key ends at
    /// <paramref name="mark"/>; else the innermost mapping containing it.
    /// </summary>
    public (YamlPath Path, Mark Start)? MappingEndingAt(Mark mark)
    {
        var all = Mappings().ToList();
        var exact = all.LastOrDefault(x => x.Node.Entries.Count > 0 && x.Node.Entries[^1].KeyEnd.Index == mark.Index);
        var found = exact.Node is not null
            ? exact
            : all.LastOrDefault(x => x.Node.Start.Index <= mark.Index && mark.Index <= x.Node.End.Index);
        return found.Node is null ? null : (found.Path, found.Node.Start);
    }

    /// <summary>A key that appears twice in one mapping: its path and where it appears the second time.</summary>
    public (YamlPath Path, Mark Start)? DuplicateKey(string key)
    {
        foreach (var (path, node) in Mappings())
        {
            var same = node.Entries.Where(e => e.Key == key).ToList();
            if (same.Count > 1)
            {
                return (path, same[1].KeyStart);
            }
        }

        return null;
    }

    /// <summary>Path of the value node starting at <paramref name="mark"/>.</summary>
    public YamlPath? ValueAt(Mark mark) =>
        root is null ? null : Walk(root, YamlPath.Root)
            .Where(x => x.Node.Start.Index == mark.Index).Select(x => x.Path).LastOrDefault();

    private IEnumerable<(YamlPath Path, YamlTreeNode Node)> Mappings() =>
        root is null ? [] : Walk(root, YamlPath.Root).Where(x => x.Node.IsMapping);

    private static IEnumerable<(YamlPath Path, YamlTreeNode Node)> Walk(YamlTreeNode node, YamlPath path)
    {
        yield return (path, node);
        foreach (var entry in node.Entries)
        {
            foreach (var child in Walk(entry.Value, path.Key(entry.Key)))
            {
                yield return child;
            }
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            foreach (var child in Walk(node.Items[i], path.Index(i)))
            {
                yield return child;
            }
        }
    }
}
