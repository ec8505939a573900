namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Our stand-in for Aspire's DistributedApplication: the declared resources, run as local processes.</summary>
public sealed class DistributedApplication
{
    private readonly DistributedApplicationBuilder builder;

    internal DistributedApplication(DistributedApplicationBuilder builder) => this.builder = builder;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    /// <summary>Runs until Ctrl+C or SIGTERM; the exit code is 0 then, 1 when something failed.</summary>
    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();

    public async Task<int> RunAsync()
    {
        using var signals = new ShutdownSignals();
        var output = new ConsoleOutput(builder.Resources.Where(resource => resource is not ParameterResource).Select(resource => resource.Name));
        IReadOnlyList<ResourceRunner> runners;
        try
        {
            var settings = AppHostSettings.Load(builder.Configuration);
            new ParameterStore(settings).Resolve(builder.Resources.OfType<ParameterResource>());
            runners = RunnerFactory.Create(builder.Resources, settings, output);
            output.Info($"Data in {settings.DataDirectory}; projects from their {settings.BuildConfiguration} build.");
        }
        catch (Exception e) when (e is AppHostException or ServerNotInstalledException)
        {
            output.Error(e.Message);
            return 1;
        }
        return await new Orchestrator(runners, output).RunAsync(builder.Resources, signals.Requested);
    }
}
