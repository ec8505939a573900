using System.Collections.Concurrent;
using System.Text.Json;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// The generated secrets of one data folder, in <c>parameters.json</c> (mode 0600, git-ignored with the folder):
/// a value generated on the first run is read back on every later run.
/// </summary>
public sealed class SecretStore
{
    private static readonly ConcurrentDictionary<string, SecretStore> Stores = new();
    private readonly Lock gate = new();
    private readonly HashSet<string> generatedNow = [];

    private SecretStore(string dataDirectory) => FilePath = Path.Combine(dataDirectory, "parameters.json");

    public string FilePath { get; }

    /// <summary>One store per folder, shared by every parameter kept in it.</summary>
    public static SecretStore For(string dataDirectory) => Stores.GetOrAdd(Path.GetFullPath(dataDirectory), folder => new SecretStore(folder));

    /// <summary>Whether this run generated the value (so it may be shown once), rather than reading it back.</summary>
    public bool WasGeneratedNow(string name)
    {
        lock (gate)
        {
            return generatedNow.Contains(name);
        }
    }

    /// <summary>Takes a value kept elsewhere by an earlier version of the AppHost, unless one is kept here already.</summary>
    public void Adopt(string name, string legacyFile)
    {
        if (File.Exists(legacyFile))
        {
            GetOrCreate(name, () => File.ReadAllText(legacyFile).Trim(), generated: false);
        }
    }

    public string GetOrCreate(string name, Func<string> generate) => GetOrCreate(name, generate, generated: true);

    private string GetOrCreate(string name, Func<string> generate, bool generated)
    {
        lock (gate)
        {
            var saved = Load();
            if (saved.TryGetValue(name, out var value))
            {
                return value;
            }
            saved[name] = value = generate();
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            OwnerOnlyFile.Write(FilePath, JsonSerializer.Serialize(saved, new JsonSerializerOptions { WriteIndented = true }));
            if (generated)
            {
                generatedNow.Add(name);
            }
            return value;
        }
    }

    private Dictionary<string, string> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{FilePath} is not valid JSON ({e.Message}); fix or delete it.", e);
        }
    }
}
