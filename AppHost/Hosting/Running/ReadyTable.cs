namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// The one table printed once everything is healthy. Each row is
/// <c>| name | state | pid | url |</c>, so tests and scripts can read it.
/// </summary>
internal static class ReadyTable
{
    public static IEnumerable<string> Lines(IEnumerable<ResourceRunner> runners)
    {
        var rows = runners
            .Select(runner => (runner.Resource.Name, Status: runner.Status))
            .Select(row => new[] { row.Name, row.Status.State, row.Status.ProcessId?.ToString() ?? "", row.Status.Url })
            .Prepend(["Resource", "State", "PID", "URL"])
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";

        yield return Line(rows[0]);
        yield return "|" + string.Join("|", widths.Select(width => new string('-', width + 2))) + "|";
        foreach (var row in rows.Skip(1)) yield return Line(row);
    }
}
