using MassTransit;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Portal.Indicators;

/// <summary>
/// Receives every <see cref="IndicatorValueChanged"/> (on a temporary queue of this portal instance, so
/// each instance gets its copy) and passes it to the open dashboards. Nothing is stored: running it twice
/// only reloads a tile twice.
/// </summary>
public sealed class IndicatorValueChangedConsumer(IndicatorChanges changes) : IConsumer<IndicatorValueChanged>
{
    public Task Consume(ConsumeContext<IndicatorValueChanged> context)
    {
        changes.Publish(new IndicatorChange(context.Message.IndicatorNumber, context.Message.Year));
        return Task.CompletedTask;
    }
}
