namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A resource's name and what the declaration attached to it.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;
    internal List<IResource> References { get; } = [];
    internal List<IResource> WaitsFor { get; } = [];
    internal List<EnvironmentValue> Environment { get; } = [];
    internal List<Func<string>> ReadyMessages { get; } = [];
}

/// <summary>A value set with WithEnvironment: text, or a parameter's value once it is resolved.</summary>
internal sealed record EnvironmentValue(string Name, string? Text, ParameterResource? Parameter)
{
    public string Resolve() => Text ?? Parameter!.Value;
}
