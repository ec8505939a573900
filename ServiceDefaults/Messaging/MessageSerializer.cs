using System.Collections.Concurrent;
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
    public static string TypeName(Type type) => Names.GetOrAdd(type, t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    // Both looked up for every message written and published; a service has a handful of message types.
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    public static Type ResolveType(string typeName) =>
        Types.TryGetValue(typeName, out var known) ? known
        : Type.GetType(typeName, throwOnError: false) is { } type ? Types.GetOrAdd(typeName, type)
        : throw new InvalidOperationException($"Outbox message type '{typeName}' is not known to this service.");
}
