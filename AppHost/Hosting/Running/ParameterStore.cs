using System.Text.Json;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Parameter values: from configuration (<c>Parameters__{name}</c>) when set, else the value generated
/// on an earlier run, else a new one from the CSPRNG, kept in parameters.json (mode 0600).
/// </summary>
internal sealed class ParameterStore(AppHostSettings settings)
{
    private const int GeneratedLength = 32;
    private string FilePath => Path.Combine(settings.DataDirectory, "parameters.json");

    public void Resolve(IEnumerable<ParameterResource> parameters)
    {
        var saved = Load();
        var changed = false;
        foreach (var parameter in parameters)
        {
            if (settings.Parameter(parameter.Name) is { Length: > 0 } configured)
            {
                parameter.Value = configured;
                continue;
            }
            if (!saved.TryGetValue(parameter.Name, out var value))
            {
                if (!parameter.Secret)
                    throw new AppHostException($"Parameter '{parameter.Name}' has no value: set Parameters__{parameter.Name}.");
                saved[parameter.Name] = value = Secret.Password(GeneratedLength);
                changed = true;
            }
            parameter.Value = value;
        }
        if (changed)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            Secret.WriteOwnerOnly(FilePath, JsonSerializer.Serialize(saved, new JsonSerializerOptions { WriteIndented = true }));
        }
    }

    private Dictionary<string, string> Load()
    {
        if (!File.Exists(FilePath)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? [];
        }
        catch (JsonException e)
        {
            throw new AppHostException($"{FilePath} is not valid JSON ({e.Message}); fix or delete it.");
        }
    }
}
