using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Kpi.Years;

public sealed record YearView(int Year, bool Locked, bool Ended, string? LockedBy, string? LockedByName, DateTime? LockedAt, string? Note);

/// <summary>How a lock or an unlock ended.</summary>
public abstract record YearLockOutcome
{
    public sealed record Done(YearView Year) : YearLockOutcome;

    /// <summary>Not one of the strategy's years.</summary>
    public sealed record NotAStrategyYear : YearLockOutcome;

    /// <summary>The year has not ended yet (Latvian time).</summary>
    public sealed record NotEnded(DateOnly LastDay) : YearLockOutcome;
}

/// <summary>
/// Locking a year after the monitoring group's review: its values become final and only an
/// Administrator can still correct them, with a reason. The lock, the statuses it settles and the
/// messages they publish commit in one transaction.
/// <para>
/// A year is locked only once it has ended. Locking a running year would call its unfinished months
/// missed and turn provisional values (indicators 13 and 14 keep counting until 31 December) into
/// verdicts; the mid-year review needs none of that, since the review report shows any year as it
/// stands. Refusing is also the one answer that cannot be clicked through by mistake.
/// </para>
/// </summary>
public static class YearLocks
{
    public static async Task<IReadOnlyList<YearView>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, TimeProvider clock, CancellationToken ct)
    {
        var locks = (await connection.QueryAsync<(int Year, string By, string? ByName, DateTime At, string? Note)>(new CommandDefinition(
            "SELECT year, locked_by, locked_by_name, locked_at, note FROM year_locks", transaction: tx, cancellationToken: ct))).ToDictionary(l => l.Year);
        var today = LatvianTime.Today(clock);
        return [.. StrategyYears.All.Select(y => locks.TryGetValue(y, out var l)
            ? new YearView(y, true, y < today.Year, l.By, l.ByName, l.At, l.Note)
            : new YearView(y, false, y < today.Year, null, null, null, null))];
    }

    public static Task<bool> IsLockedAsync(NpgsqlTransaction tx, int year, CancellationToken ct) =>
        tx.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM year_locks WHERE year = @year)", new { year }, tx, cancellationToken: ct));

    public static async Task<YearLockOutcome> LockAsync(
        NpgsqlDataSource db, TimeProvider clock, int year, string? note, Actor actor, Func<NpgsqlTransaction, Task> audit, CancellationToken ct)
    {
        if (!StrategyYears.Contains(year))
        {
            return new YearLockOutcome.NotAStrategyYear();
        }
        if (year >= LatvianTime.Today(clock).Year)
        {
            return new YearLockOutcome.NotEnded(new DateOnly(year, 12, 31));
        }
        return await ChangeAsync(db, clock, year, audit, ct, (tx, now) => tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO year_locks (year, locked_by, locked_by_name, locked_at, note) VALUES (@year, @Id, @Name, @now, @note)
            ON CONFLICT (year) DO NOTHING
            """, new { year, actor.Id, actor.Name, now, note }, tx, cancellationToken: ct)));
    }

    public static async Task<YearLockOutcome> UnlockAsync(
        NpgsqlDataSource db, TimeProvider clock, int year, Func<NpgsqlTransaction, Task> audit, CancellationToken ct) =>
        !StrategyYears.Contains(year) ? new YearLockOutcome.NotAStrategyYear()
        : await ChangeAsync(db, clock, year, audit, ct, (tx, _) => tx.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM year_locks WHERE year = @year", new { year }, tx, cancellationToken: ct)));

    /// <summary>The change and its audit entry, in one transaction holding every indicator's write lock.</summary>
    private static async Task<YearLockOutcome> ChangeAsync(NpgsqlDataSource db, TimeProvider clock, int year,
        Func<NpgsqlTransaction, Task> audit, CancellationToken ct, Func<NpgsqlTransaction, DateTimeOffset, Task> change)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Writers of values take the indicators first and then look at the locks: the same order here, so none slips past a lock.
        await IndicatorWriteLock.TakeAllAsync(tx, ct);
        await change(tx, clock.GetUtcNow());
        await audit(tx);
        var view = (await ListAsync(connection, tx, clock, ct)).Single(y => y.Year == year);
        await tx.CommitAsync(ct);
        return new YearLockOutcome.Done(view);
    }
}
