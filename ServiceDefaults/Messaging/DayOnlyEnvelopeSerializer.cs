using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit's JSON envelope with the sent time cut to the day, for anonymous messages: the
/// envelope's <c>sentTime</c> otherwise dates a survey response to the millisecond on the broker (and
/// in an <c>_error</c> queue, for as long as it is kept). Consumers read it like any other envelope.
/// </summary>
internal sealed class DayOnlyEnvelopeSerializer : IMessageSerializer
{
    public static readonly DayOnlyEnvelopeSerializer Instance = new();

    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class =>
        new SystemTextJsonMessageBody<T>(context, SystemTextJsonMessageSerializer.Options,
            new JsonMessageEnvelope(context, context.Message) { SentTime = DateTime.UtcNow.Date });
}
