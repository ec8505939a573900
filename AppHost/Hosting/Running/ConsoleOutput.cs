namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Every resource's log on one console: each line prefixed with the resource's name, padded, and
/// coloured when the console is a terminal. The last lines of each are kept for crash reports.
/// </summary>
internal sealed class ConsoleOutput
{
    public const string AppHostName = "apphost";
    private const int LinesKept = 20;
    private static readonly string[] Palette = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94"];

    private readonly Dictionary<string, Queue<string>> lastLines = [];
    private readonly Dictionary<string, string> colours = [];
    private readonly int width;
    private readonly bool colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public ConsoleOutput(IEnumerable<string> resourceNames)
    {
        var names = resourceNames.Prepend(AppHostName).ToList();
        width = names.Max(name => name.Length);
        for (var i = 0; i < names.Count; i++) colours[names[i]] = i == 0 ? "1" : Palette[(i - 1) % Palette.Length];
    }

    public Action<string> For(string resource) => line => Write(resource, line);

    public void Info(string line) => Write(AppHostName, line);

    /// <summary>A problem: on standard error, so it stands out from the resources' logs.</summary>
    public void Error(string message)
    {
        lock (lastLines)
        {
            foreach (var line in message.Split('\n'))
                Safely(() => Console.Error.WriteLine(colour ? $"\e[31m{Prefix(AppHostName)}{line}\e[0m" : Prefix(AppHostName) + line));
        }
    }

    /// <summary>Lines written as they are, without a prefix (the ready table).</summary>
    public void Block(IEnumerable<string> lines)
    {
        lock (lastLines)
        {
            foreach (var line in lines) Safely(() => Console.Out.WriteLine(line));
        }
    }

    public IReadOnlyList<string> LastLines(string resource)
    {
        lock (lastLines) return lastLines.TryGetValue(resource, out var kept) ? [.. kept] : [];
    }

    private void Write(string resource, string line)
    {
        lock (lastLines)
        {
            if (!lastLines.TryGetValue(resource, out var kept)) lastLines[resource] = kept = new Queue<string>();
            kept.Enqueue(line);
            if (kept.Count > LinesKept) kept.Dequeue();
            var prefix = Prefix(resource);
            Safely(() => Console.Out.WriteLine(colour && colours.TryGetValue(resource, out var code) ? $"\e[{code}m{prefix}\e[0m{line}" : prefix + line));
        }
    }

    /// <summary>A closed terminal (SIGHUP) must not stop the AppHost from stopping its children.</summary>
    private static void Safely(Action write)
    {
        try { write(); }
        catch (IOException) { }
    }

    private string Prefix(string resource) => resource.PadRight(width) + " | ";
}
