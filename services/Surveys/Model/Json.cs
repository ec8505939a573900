using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyPlatform.Surveys.Model;

/// <summary>How definitions and answers are stored in jsonb: the same camelCase and enum names the API uses.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
