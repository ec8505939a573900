using StrategyPlatform.FaultSuite;
using StrategyPlatform.FaultSuite.Harness;

// scripts/fault-suite.sh: every scenario at the full counts (or --scale ci), one line of figures each; exit 1 on any loss or duplicate.
var scale = Scale.Full;
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--scale" && i + 1 < args.Length)
    {
        scale = Scale.Named(args[++i]);
    }
    else
    {
        names.Add(args[i]);
    }
}
var unknown = names.Except(FaultScenarios.All.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", FaultScenarios.All.Select(s => s.Name))}.");
    return 2;
}
FaultLog.ToConsole = true;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
// A script or CI stops the suite with SIGTERM: it ends the run (the platform in hand is stopped), not only the scenario in hand.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
var chosen = FaultScenarios.All.Where(s => names.Count == 0 || names.Contains(s.Name)).ToList();
var results = await SuiteRunner.RunAsync(chosen, scale, result =>
{
    foreach (var note in result.Notes)
    {
        Console.Error.WriteLine($"  {result.Figures.Name}: {note}");
    }
    foreach (var violation in result.Violations)
    {
        Console.Error.WriteLine($"  {result.Figures.Name}: FAILED: {violation}");
    }
}, stop.Token);
Console.WriteLine();
foreach (var result in results)
{
    Console.WriteLine(result.Figures);
}
return results.All(r => r.Passed) ? 0 : 1;
