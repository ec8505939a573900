using StrategyPlatform.ServiceDefaults.Idempotency;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>
/// Creates, revises and withdraws media events. Each write, its history entry and its message
/// (through the outbox, keyed by the event id so the versions are published in order) commit in
/// one transaction: the KPI aggregator sees exactly the changes that were made.
/// </summary>
public sealed class MediaEventWriter(NpgsqlDataSource db, IOutbox outbox, TimeProvider clock)
{
    /// <param name="idempotency">The request's key: sent again (a retry after a timeout), the first request's event is the answer.</param>
    public async Task<WriteOutcome> CreateAsync(MediaEventInput input, Actor actor, CancellationToken ct, IdempotentRequest? idempotency = null)
    {
        var errors = MediaEventValidator.Validate(input, out var values);
        if (values is null)
        {
            return new WriteOutcome.Invalid(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        // Claimed first: a repeat that arrives while this request runs waits here, then finds what it created.
        if (await idempotency.ClaimIfKeyedAsync(tx, id.ToString(), ct) is { Resource: { } earlier })
        {
            return new WriteOutcome.Done((await MediaEventStore.FindAsync(connection, Guid.Parse(earlier), tx, ct))!.ToDto());
        }
        if (values.CampaignId is { } campaignId && !await MediaEventStore.CampaignExistsAsync(tx, campaignId, ct))
        {
            return UnknownCampaign();
        }
        await RecordAsync(tx, values, actor, ct, id);
        var created = (await MediaEventStore.FindAsync(connection, id, tx, ct))!;
        await tx.CommitAsync(ct);
        return new WriteOutcome.Done(created.ToDto());
    }

    /// <summary>Records one new event with its history and message on the caller's transaction (also used by the CSV import).</summary>
    internal async Task<Guid> RecordAsync(NpgsqlTransaction tx, MediaEventValues values, Actor actor, CancellationToken ct, Guid? newId = null)
    {
        var id = newId ?? Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var date = await MediaEventStore.InsertAsync(tx, id, values, actor, now, ct);
        await MediaEventStore.AddHistoryAsync(tx, id, 1, "Created", actor, now, [], ct);
        await outbox.AddAsync(tx, new MediaEventRecorded(id, 1, values.FactsOn(date), now), id.ToString(), ct);
        return id;
    }

    public async Task<WriteOutcome> ReviseAsync(Guid id, MediaEventInput input, Actor actor, CancellationToken ct)
    {
        var errors = MediaEventValidator.Validate(input, out var values);
        if (input.Version is null)
        {
            errors.Add("version", ErrorCodes.VersionRequired, "Send the version of the event you edited.");
        }
        if (values is null || errors.Count > 0)
        {
            return new WriteOutcome.Invalid(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await MediaEventStore.FindAsync(connection, id, tx, ct, forUpdate: true);
        if (current is null)
        {
            return new WriteOutcome.NotFound();
        }
        if (Refusal(current, input.Version) is { } refusal)
        {
            return refusal;
        }
        if (values.CampaignId is { } campaignId && !await MediaEventStore.CampaignExistsAsync(tx, campaignId, ct))
        {
            return UnknownCampaign();
        }
        var changes = values.ChangesSince(current.Values);
        if (changes.Count == 0)
        {
            // Saving an unchanged form is not a revision: no new version, history entry or message.
            return new WriteOutcome.Done(current.ToDto());
        }
        var version = current.Version + 1;
        var now = clock.GetUtcNow();
        await MediaEventStore.UpdateAsync(tx, id, version, values, actor, now, ct);
        await MediaEventStore.AddHistoryAsync(tx, id, version, "Revised", actor, now, changes, ct);
        var revised = (await MediaEventStore.FindAsync(connection, id, tx, ct))!;
        await outbox.AddAsync(tx, new MediaEventRevised(id, version, revised.Facts, now), id.ToString(), ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome.Done(revised.ToDto());
    }

    public async Task<WriteOutcome> WithdrawAsync(Guid id, WithdrawRequest request, Actor actor, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return new WriteOutcome.Invalid(new FieldErrors().Add("reason", string.IsNullOrEmpty(reason) ? ErrorCodes.Required : ErrorCodes.TooLong,
                "Say why the event is withdrawn (at most 1000 characters)."));
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await MediaEventStore.FindAsync(connection, id, tx, ct, forUpdate: true);
        if (current is null)
        {
            return new WriteOutcome.NotFound();
        }
        // The version is optional here: withdrawing needs no fields the user might have overwritten.
        if (Refusal(current, request.Version ?? current.Version) is { } refusal)
        {
            return refusal;
        }
        var version = current.Version + 1;
        var now = clock.GetUtcNow();
        await MediaEventStore.WithdrawAsync(tx, id, version, reason, actor, now, ct);
        await MediaEventStore.AddHistoryAsync(tx, id, version, "Withdrawn", actor, now, [new HistoryChange("withdrawnReason", null, reason)], ct);
        await outbox.AddAsync(tx, new MediaEventWithdrawn(id, version, reason, now), id.ToString(), ct);
        var withdrawn = (await MediaEventStore.FindAsync(connection, id, tx, ct))!;
        await tx.CommitAsync(ct);
        return new WriteOutcome.Done(withdrawn.ToDto());
    }

    private static WriteOutcome.Conflict? Refusal(MediaEventRow current, int? editedVersion) =>
        current.WithdrawnAt is not null
            ? new WriteOutcome.Conflict("The event has been withdrawn and can no longer be changed.", current.Version)
            : current.Version != editedVersion
                ? new WriteOutcome.Conflict(
                    $"Someone else changed the event after you opened it (you edited version {editedVersion}, it is now version {current.Version}). Reload it and apply your change again.",
                    current.Version)
                : null;

    private static WriteOutcome.Invalid UnknownCampaign() => new(new FieldErrors().Add("campaignId", ErrorCodes.NotFound, "There is no campaign with this id."));
}
