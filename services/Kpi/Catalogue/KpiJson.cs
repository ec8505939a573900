using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyPlatform.Kpi.Catalogue;

/// <summary>How definitions are stored in jsonb and read from the seed files: camelCase, enums by name.</summary>
public static class KpiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Empty {typeof(T).Name} JSON.");
}
