using Dapper;
using Npgsql;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// Every writer of an indicator's values or statuses (the media-event consumer, the recounter of
/// survey answers, an entered value, a definition edit, a year lock, the replay) first takes the
/// indicators' catalogue rows for update, in catalogue order, so writers of the same indicator are
/// serialised and never deadlock one another. Recording a survey answer's fact does not take it: the
/// fact is keyed by the response and its change is left for the recounter (<c>PendingRecounts</c>).
/// </summary>
public static class IndicatorWriteLock
{
    public static Task TakeAsync(NpgsqlTransaction tx, IEnumerable<string> numbers, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM (SELECT number FROM indicators WHERE number = ANY(@numbers) ORDER BY sort_order FOR UPDATE) locked",
            new { numbers = numbers.ToArray() }, tx, cancellationToken: ct));

    /// <summary>Every indicator's (a year lock, which settles them all).</summary>
    public static Task TakeAllAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM (SELECT number FROM indicators ORDER BY sort_order FOR UPDATE) locked", transaction: tx, cancellationToken: ct));
}
