namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Turns the declarations into runners: a local server unless the user named their own, each
/// project checked to be built. Everything that can be wrong before starting anything is found here.
/// </summary>
internal static class RunnerFactory
{
    public static IReadOnlyList<ResourceRunner> Create(IReadOnlyList<Resource> resources, AppHostSettings settings, ConsoleOutput output)
    {
        var runners = new Dictionary<IResource, ResourceRunner>();
        var ordered = new List<ResourceRunner>();
        foreach (var resource in resources)
        {
            var log = output.For(resource.Name);
            ResourceRunner? runner = resource switch
            {
                PostgresServerResource postgres => settings.ExternalConnectionString(postgres.Name) is { } external
                    ? new ExternalPostgresRunner(postgres, external, log)
                    : new LocalPostgresRunner(postgres, new LocalPostgres(
                        new LocalPostgresOptions(Path.Combine(settings.DataDirectory, "postgres")) { Port = ServerPort(settings, postgres.Name) }, log)),
                PostgresDatabaseResource database => new DatabaseRunner(database, (PostgresRunner)runners[database.Parent]),
                RabbitMQServerResource rabbitMq => settings.ExternalConnectionString(rabbitMq.Name) is { } external
                    ? new ExternalRabbitMqRunner(rabbitMq, external, log)
                    : new LocalRabbitMqRunner(rabbitMq, new LocalRabbitMq(new LocalRabbitMqOptions(Path.Combine(settings.DataDirectory, "rabbitmq"))
                    {
                        AmqpPort = ServerPort(settings, rabbitMq.Name),
                        ManagementPort = ServerPort(settings, $"{rabbitMq.Name}-management"),
                    }, log)),
                ProjectResource project => new ProjectRunner(project, runners, settings, log),
                ParameterResource => null,
                _ => throw new AppHostException($"Resource '{resource.Name}' is of a kind this AppHost cannot run ({resource.GetType().Name})."),
            };
            if (runner is null) continue;
            runners[resource] = runner;
            ordered.Add(runner);
        }
        return ordered;
    }

    /// <summary>The servers' own default ports (5432, 5672, 15672) are used when free unless a port is configured.</summary>
    private static int ServerPort(AppHostSettings settings, string name) => settings.Port(name) switch
    {
        null => 0,
        0 => FreePort.Any(),
        var port => port.Value,
    };
}
