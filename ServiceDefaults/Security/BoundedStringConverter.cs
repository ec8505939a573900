using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;

namespace StrategyPlatform.ServiceDefaults.Security;

/// <summary>The reason a JSON value was refused, in words for the ProblemDetails' field entry.</summary>
public sealed class RejectedValueException(string message) : JsonException(message);

/// <summary>
/// Every JSON string (values and dictionary keys) read by an API: at most <see cref="InputLimits.MaxStringLength"/>
/// characters, no control characters but tab and line breaks, no lone surrogates (which cannot be stored
/// as UTF-8). A refusal is a <see cref="JsonException"/>, which becomes 400 ProblemDetails naming the field.
/// </summary>
internal sealed class BoundedStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Check(ref reader) : throw new JsonException("A text was expected.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Check(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Check(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new RejectedValueException("The text is not valid Unicode.");
        }
        if (value.Length > InputLimits.MaxStringLength)
        {
            throw new RejectedValueException($"At most {InputLimits.MaxStringLength} characters.");
        }
        if (RequestHygiene.HasControl(value))
        {
            throw new RejectedValueException("Control characters are not allowed.");
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new RejectedValueException("The text is not valid Unicode.");
            }
        }
        return value;
    }
}
