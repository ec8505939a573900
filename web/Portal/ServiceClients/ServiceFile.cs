namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>A file from a service (content, type and the name the service gave it).</summary>
public sealed record ServiceFile(byte[] Content, string ContentType, string FileName)
{
    public static async Task<ServiceFile> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var name = disposition?.FileNameStar ?? disposition?.FileName ?? "download";
        return new(await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name.Trim('"'));
    }
}
