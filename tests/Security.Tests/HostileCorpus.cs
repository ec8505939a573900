using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Bad input for one endpoint: every route value replaced by something hostile, its query parameters
/// given control characters or the wrong type, and (where it takes a body) malformed, mistyped, huge,
/// deeply nested, invalid UTF-8 and injection-laden bodies of the kind it accepts. Every case is invalid
/// for the endpoint, so every answer must be a refusal.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Already escaped for a URL where they must be (NUL, CR/LF, invalid UTF-8).</summary>
    private static readonly string[] RouteValues =
    [
        "' OR '1'='1' --", "1;DROP TABLE surveys", "<script>alert(1)</script>", "%00", "a%00b", "%C3%28", "%FF%FE", "..%2F..%2Fetc%2Fpasswd",
        "%0D%0ASet-Cookie:%20x=y", "-1", "99999999999999999999999", "null", "%F0%9F%98%80", new string('9', 5000),
    ];

    public sealed record Case(string Url, Func<HttpContent>? Body, string What);

    public static IEnumerable<Case> For(AppEndpoint endpoint)
    {
        foreach (var parameter in endpoint.Pattern.Parameters)
        {
            foreach (var value in RouteValues)
            {
                yield return new(endpoint.SampleUrl(name => name == parameter.Name ? value : null), SampleBody(endpoint), $"route {parameter.Name}={Short(value)}");
            }
        }
        var url = endpoint.SampleUrl();
        yield return new($"{url}?q=%00&from=not-a-date&to=%01&year=abc&take=-5&afterId=zzz&format=%00", SampleBody(endpoint), "query with control characters and wrong types");
        yield return new($"{url}?{new string('x', 5000)}=1", SampleBody(endpoint), "an overlong query");
        foreach (var query in QueryParameters(endpoint))
        {
            yield return new($"{url}?{query.Name}=%00", SampleBody(endpoint), $"query {query.Name} with NUL");
            if (query.ParameterInfo.ParameterType != typeof(string))
            {
                yield return new($"{url}?{query.Name}=%27%20OR%201%3D1", SampleBody(endpoint), $"query {query.Name} of the wrong type");
            }
        }
        if (!endpoint.TakesBody)
        {
            yield break;
        }
        foreach (var (body, what) in Bodies(ContentType(endpoint)))
        {
            yield return new(url, body, what);
        }
    }

    private static IEnumerable<IParameterBindingMetadata> QueryParameters(AppEndpoint endpoint) =>
        endpoint.Parameters.Where(p => endpoint.Pattern.GetParameter(p.Name) is null && (p.HasTryParse || p.ParameterInfo.ParameterType == typeof(string))
            && p.ParameterInfo.ParameterType != typeof(Microsoft.AspNetCore.Http.HttpContext));

    private static string ContentType(AppEndpoint endpoint) =>
        endpoint.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";

    /// <summary>For a route or query case of an endpoint with a body: an empty body of its kind, so only the address is at fault.</summary>
    private static Func<HttpContent>? SampleBody(AppEndpoint endpoint) => endpoint.TakesBody ? Bytes("{}", ContentType(endpoint)) : null;

    private static IEnumerable<(Func<HttpContent>, string)> Bodies(string contentType)
    {
        var huge = new string('x', 2 * 1024 * 1024);
        switch (contentType)
        {
            case "text/csv":
                yield return (Bytes("name;category;email\n", contentType), "a header and no rows");
                yield return (Bytes("nonsense\n\u0000\u0001\u0002\n", contentType), "no header, control characters");
                yield return (Raw([0xC3, 0x28, 0xFF, 0xFE, 0x00], contentType), "invalid UTF-8");
                yield return (Bytes("name;category;email\n' OR 1=1 --;<script>;not-an-email\n", contentType), "injection strings in every column");
                yield return (Bytes("name;category;email\n" + huge, contentType), "a 2 MB line");
                yield return (Bytes("name;category;email\n" + string.Concat(Enumerable.Repeat("x;Ngo;x\n", 800_000)), contentType), "over the size limit");
                yield break;
            case "multipart/form-data":
                yield return (() => new MultipartFormDataContent(), "no file");
                yield return (() => new MultipartFormDataContent { { new ByteArrayContent([0xC3, 0x28, 0x00, 0x01]), "file", "events.csv" } }, "a file of invalid UTF-8 and NUL");
                yield return (() => new MultipartFormDataContent { { new StringContent("title\n<script>alert(1)</script>"), "file", "events.csv" } }, "a file without the required columns");
                yield return (() => new MultipartFormDataContent { { new ByteArrayContent(new byte[7 * 1024 * 1024]), "file", "big.csv" } }, "a file over the size limit");
                yield return (Bytes("--broken\r\nnot multipart", "multipart/form-data; boundary=broken"), "a broken multipart body");
                yield break;
        }
        yield return (Bytes("{\"a\":", contentType), "malformed JSON");
        yield return (Bytes("[]", contentType), "an array instead of an object");
        yield return (Bytes("\"just text\"", contentType), "a string instead of an object");
        yield return (Bytes("", contentType), "an empty body");
        yield return (Bytes(new string('[', 200) + new string(']', 200), contentType), "arrays nested 200 deep");
        yield return (Bytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), contentType), "objects nested 100 deep");
        yield return (Bytes($"{{\"title\":\"{huge}\"}}", contentType), "a 2 MB body");
        yield return (Raw([.. Encoding.UTF8.GetBytes("{\"title\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")], contentType), "invalid UTF-8");
        yield return (Bytes("{\"title\":\"a\\u0000b\",\"name\":\"\\u0000\",\"comment\":\"\\u0001\",\"reason\":\"\\u0000\",\"note\":\"\\u0000\",\"respondentCategory\":\"\\u0000\"}", contentType), "NUL and control characters in strings");
        yield return (Bytes("{\"title\":\"\\ud800\",\"comment\":\"\\udfff\",\"note\":\"\\ud800x\"}", contentType), "lone surrogates");
        yield return (Bytes($"{{\"title\":\"{new string('x', 20_000)}\",\"comment\":\"{new string('x', 20_000)}\",\"note\":\"{new string('x', 20_000)}\"}}", contentType), "20,000-character strings");
        yield return (Bytes("{\"year\":\"two thousand\",\"value\":\"NaN\",\"definition\":5,\"answers\":[1,2],\"respondentCategory\":7,\"note\":5,\"opensOn\":\"yesterday\",\"startsAt\":true,\"ratings\":{}}", contentType), "wrong types");
        yield return (Bytes("{\"kind\":\"'; DROP TABLE surveys; --\",\"campaignId\":\"' OR 1=1 --\",\"category\":\"<script>alert(1)</script>\",\"type\":\"<img src=x onerror=alert(1)>\",\"year\":\"1 OR 1=1\"}", contentType), "injection strings in typed fields");
        yield return (Bytes("{\"year\":1e400,\"value\":99999999999999999999999999999999999999,\"estimatedReach\":-1e308}", contentType), "numbers out of range");
    }

    private static Func<HttpContent> Bytes(string text, string contentType) => Raw(Encoding.UTF8.GetBytes(text), contentType);

    private static Func<HttpContent> Raw(byte[] bytes, string contentType) => () =>
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    };

    private static string Short(string value) => value.Length > 30 ? value[..12] + $"…({value.Length} chars)" : value;
}
