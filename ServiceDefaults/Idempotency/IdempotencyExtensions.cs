using Dapper;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Data;
using StrategyPlatform.ServiceDefaults.Idempotency;

namespace Microsoft.Extensions.Hosting;

public static class IdempotencyExtensions
{
    /// <summary>Kept long enough for any client's retries, then pruned (by day: the rows have no time).</summary>
    public static readonly TimeSpan KeyRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// The <c>idempotency_keys</c> table in the service's database, the answer to a key that cannot be honoured
    /// (ProblemDetails naming the header), and the daily pruning of old keys. Endpoints that create things call
    /// <see cref="IdempotentRequest.Of"/> and claim the key in their transaction.
    /// </summary>
    public static TBuilder AddIdempotentRequests<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMigrationSource(new MigrationSource("idempotency", typeof(IdempotencyExtensions).Assembly, ".Idempotency.Migrations."));
        builder.Services.AddExceptionHandler<IdempotencyKeyExceptionHandler>();
        builder.Services.AddHostedService<IdempotencyKeyPruning>();
        return builder;
    }
}

internal sealed class IdempotencyKeyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not IdempotencyKeyException refused)
        {
            return false;
        }
        httpContext.Response.StatusCode = refused.StatusCode;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [IdempotentRequest.Header] = [refused.Message] })
        {
            Status = refused.StatusCode,
            Title = "The idempotency key cannot be used.",
            Extensions = { [FieldErrors.CodesExtension] = new Dictionary<string, string[]> { [IdempotentRequest.Header] = [ErrorCodes.Invalid] } },
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

internal sealed class IdempotencyKeyPruning(NpgsqlDataSource dataSource, IDatabaseReadiness readiness, ILogger<IdempotencyKeyPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        do
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM idempotency_keys WHERE created_on < current_date - @days",
                    new { days = (int)IdempotencyExtensions.KeyRetention.TotalDays }, cancellationToken: stoppingToken));
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning("Pruning idempotency keys skipped: {Message}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
