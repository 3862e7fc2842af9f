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

    /// <summary>The first document's root node; null for an empty text or one that is not valid YAML.</summary>
    public YamlTreeNode? Root => root;

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
}
