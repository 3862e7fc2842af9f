namespace Mtcopy.Adapters.Process;

/// <summary>Keeps the last N lines added. Not thread-safe; callers lock.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        if (capacity == 0)
        {
            return;
        }

        if (_lines.Count == capacity)
        {
            _lines.Dequeue();
        }

        _lines.Enqueue(line);
    }

    public IReadOnlyList<string> ToList() => [.. _lines];
}
