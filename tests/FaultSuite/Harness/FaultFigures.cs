namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// A scenario's outcome, counted in the databases: what the load client sent and was told, what the
/// aggregator counted exactly once, what was lost (accepted or committed, never counted) and what was
/// counted more than once (or counted without having been submitted).
/// </summary>
public sealed record FaultFigures(string Name, int Submitted, int Accepted, int CountedOnce, int Lost, int Duplicated)
{
    public bool Passed => Lost == 0 && Duplicated == 0;

    /// <summary>The one line a reader (and a script) reads: exactly this form.</summary>
    public override string ToString() =>
        $"fault {Name}: {Submitted} submitted, {Accepted} accepted, {CountedOnce} counted once, {Lost} lost, {Duplicated} duplicated";

    public static FaultFigures operator +(FaultFigures a, FaultFigures b) =>
        new(a.Name, a.Submitted + b.Submitted, a.Accepted + b.Accepted, a.CountedOnce + b.CountedOnce, a.Lost + b.Lost, a.Duplicated + b.Duplicated);
}

/// <summary>What a scenario reports: its figures, and the facts beyond them it checked (a 409, a peak RSS, a p99) with whether they held.</summary>
public sealed record ScenarioResult(FaultFigures Figures, IReadOnlyList<string> Notes, IReadOnlyList<string> Violations)
{
    public bool Passed => Figures.Passed && Violations.Count == 0;
}
