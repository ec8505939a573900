using StrategyPlatform.ServiceDefaults.Idempotency;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The media-events log: staff read it, the communications unit (and administrators) write it.</summary>
public static class MediaEventsApi
{
    public static IEndpointRouteBuilder MapMediaEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/media-events").WithTags("Media events").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("", ListEvents);
        api.MapGet("{id:guid}", GetEvent);
        api.MapGet("calendar/{year:int}/{month:int}", Calendar);
        api.MapPost("", CreateEvent).RequireAuthorization(StaffPolicies.ManageMediaEvents);
        api.MapPut("{id:guid}", UpdateEvent).RequireAuthorization(StaffPolicies.ManageMediaEvents);
        api.MapPost("{id:guid}/withdraw", WithdrawEvent).RequireAuthorization(StaffPolicies.ManageMediaEvents);
        app.MapCampaignsApi();
        app.MapMediaEventFilesApi();
        app.MapFactsFeedApi();
        app.MapCountingRuleApi();
        return app;
    }

    public static async Task<Results<Ok<MediaEventPage>, ValidationProblem>> ListEvents(
        [AsParameters] MediaEventFilter filter, NpgsqlDataSource db, CancellationToken ct) =>
        filter.Validate() is { Count: > 0 } errors
            ? errors.ToProblem()
            : TypedResults.Ok(await MediaEventQueries.PageAsync(db, filter, ct));

    public static async Task<Results<Ok<MediaEventDetails>, NotFound>> GetEvent(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await MediaEventStore.FindAsync(connection, id, null, ct);
        return row is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MediaEventDetails(row.ToDto(), await MediaEventStore.HistoryAsync(connection, id, ct)));
    }

    public static async Task<Results<Ok<IReadOnlyList<MediaEventDto>>, ValidationProblem>> Calendar(
        int year, int month, NpgsqlDataSource db, CancellationToken ct) =>
        year is < 2000 or > 2100 || month is < 1 or > 12
            ? FieldErrors.Problem("month", ErrorCodes.OutOfRange, "Give a year from 2000 to 2100 and a month from 1 to 12.")
            : TypedResults.Ok(await MediaEventQueries.MonthAsync(db, year, month, ct));

    public static async Task<Results<Created<MediaEventDto>, ValidationProblem>> CreateEvent(
        MediaEventInput input, ClaimsPrincipal user, MediaEventWriter writer, HttpContext http, CancellationToken ct) =>
        await writer.CreateAsync(input, Actor.From(user), ct, IdempotentRequest.Of(http, input)) switch
        {
            WriteOutcome.Done done => TypedResults.Created($"/api/media-events/{done.Event.Id}", done.Event),
            WriteOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            var other => throw new InvalidOperationException($"Creating cannot end with {other}."),
        };

    public static async Task<Results<Ok<MediaEventDto>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateEvent(
        Guid id, MediaEventInput input, ClaimsPrincipal user, MediaEventWriter writer, CancellationToken ct) =>
        Answer(await writer.ReviseAsync(id, input, Actor.From(user), ct));

    public static async Task<Results<Ok<MediaEventDto>, ValidationProblem, NotFound, ProblemHttpResult>> WithdrawEvent(
        Guid id, WithdrawRequest request, ClaimsPrincipal user, MediaEventWriter writer, CancellationToken ct) =>
        Answer(await writer.WithdrawAsync(id, request, Actor.From(user), ct));

    private static Results<Ok<MediaEventDto>, ValidationProblem, NotFound, ProblemHttpResult> Answer(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Done done => TypedResults.Ok(done.Event),
        WriteOutcome.Invalid invalid => invalid.Errors.ToProblem(),
        WriteOutcome.NotFound => TypedResults.NotFound(),
        WriteOutcome.Conflict conflict => TypedResults.Problem(conflict.Detail, statusCode: StatusCodes.Status409Conflict,
            title: "The event has changed.", extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
    };
}
