using System.Collections;
using System.Diagnostics;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// A thread-safe sink for OpenTelemetry's in-memory exporter: spans end on many threads at once.
/// Several hosts in one process each export the same span, so reads are de-duplicated.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly Lock gate = new();
    private readonly List<Activity> spans = [];

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
        {
            return spans.Distinct().ToList();
        }
    }

    public void Add(Activity item)
    {
        lock (gate)
        {
            spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (gate)
        {
            return spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);
    public bool Remove(Activity item)
    {
        lock (gate)
        {
            return spans.Remove(item);
        }
    }

    public int Count => Snapshot().Count;
    public bool IsReadOnly => false;
    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
