using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Hosting;

namespace StrategyPlatform.ServiceDefaults.Security;

/// <summary>
/// Refuses a request whose path or query carries control characters (PostgreSQL refuses NUL in text,
/// which would otherwise surface as a 500) or is longer than any real link, and bounds the body to the
/// endpoint's limit (the server's own limit is higher: see <see cref="InputLimits.ServerMaxBodyBytes"/>).
/// </summary>
internal sealed class RequestHygiene(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > InputLimits.MaxUrlLength)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status414UriTooLong, "The address is too long.",
                new() { ["path"] = [$"At most {InputLimits.MaxUrlLength} characters."] });
            return;
        }
        if (BadPart(request) is { } part)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "The address could not be read.",
                new() { [part] = ["Control characters are not allowed."] });
            return;
        }
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? InputLimits.MaxBodyBytes : declared.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request is too large.",
                new() { ["body"] = [$"At most {limit / 1024} KB."] });
            return;
        }
        if (limit is { } max)
        {
            request.Body = new BoundedStream(request.Body, max);
        }
        await next(context);
    }

    private static string? BadPart(HttpRequest request)
    {
        if (HasControl(request.Path.Value))
        {
            return "path";
        }
        foreach (var (key, values) in request.Query)
        {
            if (HasControl(key) || values.Any(HasControl))
            {
                return HasControl(key) ? "query" : key;
            }
        }
        return null;
    }

    internal static bool HasControl(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>A body stream that refuses to read past the limit with the server's own 413.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge) : n;
        }
    }
}
