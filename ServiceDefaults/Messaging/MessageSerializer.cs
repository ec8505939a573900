using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>How a message is stored in the outbox between the transaction and its publication.</summary>
internal static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Type name without version, so a redeployed service still reads rows written by the previous build.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type ResolveType(string typeName) =>
        Type.GetType(typeName, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not known to this service.");
}
