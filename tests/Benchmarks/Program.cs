using StrategyPlatform.Benchmarks;

// The platform's speed figures, measured on real servers over real HTTP (Kestrel on loopback).
// Run: dotnet run -c Release --project tests/Benchmarks [-- <responses> <concurrency>]
var responses = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;

await using var platform = await BenchmarkPlatform.StartAsync();
var report = new Report();
await ResponseThroughput.RunAsync(platform, responses, concurrency, report);
await LinkAnswering.RunAsync(platform, partners: 500, concurrency, report);
await EndToEndLatency.RunAsync(platform, samples: 200, report);
report.Print(Console.Out);
