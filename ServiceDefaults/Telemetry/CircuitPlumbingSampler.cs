using OpenTelemetry.Trace;

namespace StrategyPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Drops the traces a Blazor Server circuit makes of its own plumbing: every render acknowledgement and
/// every answer to a JavaScript call is a SignalR hub invocation, and .NET 10 traces each as a one-span
/// trace of its own. On the portal they outnumbered real requests and buried them in the dashboard.
/// Invocations that do work (a click, a navigation, the first render) keep their traces, and so do the
/// HTTP calls and queries made under a dropped one (a page's OnAfterRenderAsync runs inside the render
/// acknowledgement): see <see cref="For"/>. (Each circuit's start stays a one-span trace, one per page
/// load: filtering it by its operation name did not take, so it is left.)
/// </summary>
public sealed class CircuitPlumbingSampler : Sampler
{
    /// <summary>SignalR names every hub invocation so; the hub and method come as creation tags.</summary>
    private const string HubInvocation = "Microsoft.AspNetCore.SignalR.Server.InvocationIn";
    private const string ComponentHub = "Microsoft.AspNetCore.Components.Server.ComponentHub";

    /// <summary>Hub methods that only carry the circuit's bookkeeping: no application code starts in them.</summary>
    private static readonly HashSet<string> Plumbing =
        ["OnRenderCompleted", "EndInvokeJSFromDotNet", "ReceiveByteArray", "ReceiveJSDataChunk"];

    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);

    /// <summary>
    /// The whole sampler: every root span and every span under a dropped one is judged by name, so work done
    /// under a dropped invocation is still traced; a caller's (remote) decision not to sample is respected.
    /// </summary>
    public static Sampler For() => new ParentBasedSampler(
        new CircuitPlumbingSampler(),
        remoteParentSampled: new AlwaysOnSampler(),
        remoteParentNotSampled: new AlwaysOffSampler(),
        localParentSampled: new AlwaysOnSampler(),
        localParentNotSampled: new CircuitPlumbingSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        IsPlumbing(samplingParameters) ? Drop : Keep;

    private static bool IsPlumbing(in SamplingParameters span)
    {
        if (span.Name != HubInvocation || span.Tags is null)
        {
            return false;
        }
        string? service = null, method = null;
        foreach (var tag in span.Tags)
        {
            switch (tag.Key)
            {
                case "rpc.service": service = tag.Value as string; break;
                case "rpc.method": method = tag.Value as string; break;
            }
        }
        return service == ComponentHub && method is not null && Plumbing.Contains(method);
    }
}
