using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.ServiceDefaults.Idempotency;

/// <summary>What the first request under a key recorded, when a request with the same key comes again.</summary>
public sealed record EarlierRequest(string? Resource);

/// <summary>
/// A request that creates something, sent with an <c>Idempotency-Key</c> header (IETF draft
/// "The Idempotency-Key HTTP Header Field"): the handler claims the key in the transaction that creates the thing,
/// so the thing and the key commit together or not at all. The same request again (a client's retry after a
/// timeout, while the first is still running or long after) waits for the first, then finds the key and answers
/// with what the first created, changing nothing; the answer carries <c>Idempotent-Replayed: true</c>. The same
/// key with another request is refused (422). Without the header a request is handled as always.
/// </summary>
public sealed class IdempotentRequest
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;
    private readonly HttpContext http;
    private readonly string scope;
    private readonly byte[] keyHash;
    private readonly byte[] requestHash;

    private IdempotentRequest(HttpContext http, string scope, byte[] keyHash, byte[] requestHash)
    {
        this.http = http;
        this.scope = scope;
        this.keyHash = keyHash;
        this.requestHash = requestHash;
    }

    /// <summary>The request's key, or null when it was sent without one.</summary>
    /// <param name="body">The request as the handler bound it; with the method and route values it identifies the request.</param>
    /// <exception cref="IdempotencyKeyException">The header is empty, repeated or too long.</exception>
    public static IdempotentRequest? Of(HttpContext http, object? body)
    {
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]) || values[0]!.Length > MaxKeyLength)
        {
            throw new IdempotencyKeyException(StatusCodes.Status400BadRequest, $"Send one {Header} of 1 to {MaxKeyLength} characters.");
        }
        var endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var caller = http.User.UserId() ?? "anonymous";
        var request = $"{http.Request.Method} {string.Join('&', http.Request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))} {JsonSerializer.Serialize(body)}";
        return new IdempotentRequest(http, $"{http.Request.Method} {endpoint} {caller}",
            SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!)), SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }

    /// <summary>
    /// Claims the key in <paramref name="tx"/>, recording <paramref name="resource"/> (what this request creates, for
    /// the answer to a repeat; null to keep nothing). Returns null when this request is the first: go on. Returns the
    /// earlier request's record when the key was used for this request before: answer as then, and change nothing.
    /// </summary>
    /// <exception cref="IdempotencyKeyException">The key was used for another request (422).</exception>
    public async Task<EarlierRequest?> ClaimAsync(NpgsqlTransaction tx, string? resource, CancellationToken ct)
    {
        // A concurrent repeat waits here on the first one's row until it commits (then conflicts) or rolls back (then claims).
        var claimed = await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO idempotency_keys (scope, key_hash, request_hash, resource) VALUES (@scope, @keyHash, @requestHash, @resource)
            ON CONFLICT DO NOTHING
            """, new { scope, keyHash, requestHash, resource }, tx, cancellationToken: ct));
        if (claimed == 1)
        {
            return null;
        }
        var earlier = await tx.Connection!.QuerySingleAsync<(byte[] RequestHash, string? Resource)>(new CommandDefinition(
            "SELECT request_hash, resource FROM idempotency_keys WHERE scope = @scope AND key_hash = @keyHash", new { scope, keyHash }, tx, cancellationToken: ct));
        if (!earlier.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            throw new IdempotencyKeyException(StatusCodes.Status422UnprocessableEntity, $"This {Header} was used for another request; send a new key with a new request.");
        }
        http.Response.Headers[ReplayedHeader] = "true";
        return new EarlierRequest(earlier.Resource);
    }
}

/// <summary>A request whose idempotency key cannot be honoured: answered with ProblemDetails and <see cref="StatusCode"/>.</summary>
public sealed class IdempotencyKeyException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

public static class IdempotentRequestExtensions
{
    /// <summary><see cref="IdempotentRequest.ClaimAsync"/> for a request that may have come without a key (then: go on).</summary>
    public static Task<EarlierRequest?> ClaimIfKeyedAsync(this IdempotentRequest? request, NpgsqlTransaction tx, string? resource, CancellationToken ct) =>
        request is null ? Task.FromResult<EarlierRequest?>(null) : request.ClaimAsync(tx, resource, ct);
}
