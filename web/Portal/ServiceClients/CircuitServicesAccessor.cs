using Microsoft.AspNetCore.Components.Server.Circuits;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>
/// Gives code outside a circuit's DI scope (HttpClient handlers) the services of the circuit whose event is
/// being handled, the pattern ASP.NET Core documents for reaching the authentication state from a handler.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

internal sealed class CircuitServicesAccessorHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
