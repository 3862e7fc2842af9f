using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// A minimal YAML node tree with positions, built from parser events. Unlike YamlDotNet's
/// representation model it keeps duplicate keys, so errors about them can be located too.
/// </summary>
internal sealed class YamlTreeNode
{
    private YamlTreeNode(Mark start)
    {
        Start = start;
        End = start;
    }

    public Mark Start { get; }

    public Mark End { get; private set; }

    public bool IsMapping { get; private init; }

    public bool IsSequence { get; private init; }

    /// <summary>A scalar's text (null for a mapping or a sequence).</summary>
    public string? Value { get; private init; }

    /// <summary>A plain (unquoted) scalar: only these can mean null (<c>~</c>, <c>null</c>, nothing).</summary>
    public bool IsPlain { get; private init; }

    /// <summary>A scalar that YAML reads as null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull => !IsMapping && !IsSequence && IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Mapping entries in document order (duplicates kept).</summary>
    public List<(string Key, Mark KeyStart, Mark KeyEnd, YamlTreeNode Value)> Entries { get; } = [];

    /// <summary>Sequence items in order.</summary>
    public List<YamlTreeNode> Items { get; } = [];

    /// <summary>
    /// The first document's root (null for an empty text), or the reason the text is not valid
    /// YAML. The error is null when YamlDotNet failed without saying where.
    /// </summary>
    public static (YamlTreeNode? Root, bool Valid, YamlException? Error) Load(string yamlText)
    {
        try
        {
            var parser = new Parser(new StringReader(yamlText));
            parser.Consume<StreamStart>();
            var root = parser.TryConsume<DocumentStart>(out _) ? Read(parser) : null;
            while (parser.MoveNext())
            {
                // Read to the end so that syntax errors after the first document surface too.
            }

            return (root, true, null);
        }
        catch (YamlException e)
        {
            return (null, false, e);
        }
        catch (InvalidOperationException)
        {
            return (null, false, ScanForError(yamlText));
        }
    }

    /// <summary>
    /// The parser's own error for a text the tree could not be read from; when the parser fails without one (it
    /// does, on an unclosed flow collection), an error at the last event it read.
    /// </summary>
    private static YamlException? ScanForError(string yamlText)
    {
        Mark last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(yamlText));
            while (parser.MoveNext())
            {
                last = parser.Current!.Start;
            }

            return null;
        }
        catch (YamlException e)
        {
            return e;
        }
        catch (InvalidOperationException)
        {
            return new YamlException(last, last, "an unclosed bracket or quote, or bad indentation, from here on");
        }
    }

    private static YamlTreeNode Read(IParser parser)
    {
        var current = Next(parser);
        switch (current)
        {
            case MappingStart:
                var map = new YamlTreeNode(current.Start) { IsMapping = true };
                while (parser.Current is not MappingEnd)
                {
                    var key = parser.Current is Scalar scalar ? scalar.Value : "?";
                    var keyNode = Read(parser);
                    map.Entries.Add((key, keyNode.Start, keyNode.End, Read(parser)));
                }

                map.End = Next(parser).End;
                return map;
            case SequenceStart:
                var list = new YamlTreeNode(current.Start) { IsSequence = true };
                while (parser.Current is not SequenceEnd)
                {
                    list.Items.Add(Read(parser));
                }

                list.End = Next(parser).End;
                return list;
            case Scalar scalar:
                return new YamlTreeNode(current.Start) { End = current.End, Value = scalar.Value, IsPlain = scalar.Style == ScalarStyle.Plain };
            default:
                return new YamlTreeNode(current.Start) { End = current.End };
        }
    }

    /// <summary>Returns the current event and moves past it.</summary>
    private static ParsingEvent Next(IParser parser)
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        parser.MoveNext();
        return current;
    }
}
