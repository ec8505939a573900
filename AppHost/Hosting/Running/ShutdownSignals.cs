using System.Runtime.InteropServices;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Ctrl+C, SIGTERM and a closed terminal all ask for the same orderly stop.</summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly List<PosixSignalRegistration> registrations;

    public ShutdownSignals()
    {
        registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                // Cancel the default (immediate exit): the AppHost must outlive its children.
                context.Cancel = true;
                Signal = context.Signal;
                requested.Cancel();
            }))];
    }

    public CancellationToken Requested => requested.Token;
    public PosixSignal? Signal { get; private set; }

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        requested.Dispose();
    }
}
