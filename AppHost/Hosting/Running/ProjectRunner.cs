namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A .NET project run from its build output, healthy once GET /health answers 200.</summary>
internal sealed class ProjectRunner : ResourceRunner
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly ProjectResource project;
    private readonly ProjectBuildOutput build;
    private readonly IReadOnlyDictionary<IResource, ResourceRunner> runners;
    private readonly AppHostSettings settings;
    private readonly Action<string> log;
    private readonly int? configuredPort;
    private ChildProcess? process;
    private int? port;

    public ProjectRunner(ProjectResource project, IReadOnlyDictionary<IResource, ResourceRunner> runners, AppHostSettings settings, Action<string> log)
        : base(project)
    {
        this.project = project;
        this.runners = runners;
        this.settings = settings;
        this.log = log;
        build = ProjectBuildOutput.Find(project, settings);
        configuredPort = settings.Port(project.Name);
    }

    /// <summary>Chosen on first use, after a copy left running by a killed earlier run has been stopped.</summary>
    public int Port => port ??= configuredPort switch
    {
        null => FreePort.PreferredOrAny(project.DeclaredPort ?? 0),
        0 => FreePort.Any(),
        var configured => configured.Value,
    };
    public string Url => $"http://127.0.0.1:{Port}";
    public override Task<int>? Exited => process?.Exited;
    public override ResourceStatus Status => new("Running", process is { HasExited: false } running ? running.Id : null, Url);
    private string PidFile => Path.Combine(settings.DataDirectory, "projects", $"{project.Name}.pid");

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        var environment = await ProjectEnvironment.BuildAsync(project, Url, runners, settings, ct);
        process = ChildProcess.Start(new ChildProcessSpec(DotnetHost.Path, [build.EntryAssembly])
        {
            WorkingDirectory = build.ProjectDirectory,
            Environment = environment,
        }, log);
        StaleProcess.Write(PidFile, process.Id);
        await WaitUntilHealthyAsync(process, ct);
    }

    public override Task StopLeftoverAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PidFile)!);
        return StaleProcess.StopAsync(PidFile, build.EntryAssembly, Libc.SIGTERM, StopGrace, log);
    }

    public override async Task StopAsync()
    {
        if (process is null) return;
        if (!await process.StopAsync(Libc.SIGTERM, StopGrace))
            log($"{project.Name} did not stop within {StopGrace.TotalSeconds:0} s of SIGTERM and was killed.");
        await process.DisposeAsync();
    }

    private async Task WaitUntilHealthyAsync(ChildProcess running, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + HealthTimeout;
        var lastAnswer = "no answer";
        while (true)
        {
            if (running.HasExited)
                throw new AppHostException($"{project.Name} exited with code {running.Exited.Result} while starting.");
            try
            {
                using var response = await Http.GetAsync($"{Url}/health", ct);
                if (response.IsSuccessStatusCode) return;
                lastAnswer = $"{(int)response.StatusCode} {Abbreviated(await response.Content.ReadAsStringAsync(ct))}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                lastAnswer = e.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw new AppHostException($"{project.Name} was not healthy within {HealthTimeout.TotalSeconds:0} s (GET {Url}/health: {lastAnswer}).");
            await Task.Delay(500, ct);
        }
    }

    /// <summary>A health report can hold whole stack traces; the project's own log has them in full.</summary>
    private static string Abbreviated(string body)
    {
        var oneLine = string.Join(' ', body.Split('\n', StringSplitOptions.TrimEntries));
        return oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
