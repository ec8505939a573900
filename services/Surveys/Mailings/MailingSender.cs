using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Data;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Organisations;

namespace StrategyPlatform.Surveys.Mailings;

/// <summary>
/// Sends the pending messages of every mailing, one at a time for all replicas together (the pace row's lock),
/// at the configured pace. Each message is sent inside the transaction that then keeps its new link's hash and
/// marks the recipient Sent, so the recipient row is the message's idempotency key: a restart finds every
/// message either Sent with its link working, or still Pending with nothing changed. The link's token lives in
/// this method's variables and the message handed to the SMTP client, nowhere else: not in a table, a log or a span.
/// </summary>
/// <remarks>
/// Only a crash in the instant between the relay's "250 OK" and the commit would send one message twice; the
/// second then carries the same Message-ID (mailing and organisation), which mail systems use to drop duplicates.
/// A stopping service finishes the message in hand (the relay's timeout bounds it) and stops.
/// </remarks>
public sealed partial class MailingSender(
    NpgsqlDataSource db, IDatabaseReadiness readiness, MailSettings? settings, InvitationIssuer links, IAuditTrail audit,
    TimeProvider clock, ILogger<MailingSender> logger) : BackgroundService
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Something is due now (a mailing created, a message to send again): look without waiting for the next poll.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings is null)
        {
            LogNoRelay(logger);
            return;
        }
        await readiness.WaitAsync(stoppingToken);
        await using var postman = new Postman(settings);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await SendNextAsync(postman, settings);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogDatabaseUnavailable(logger, e.Message);
                wait = TimeSpan.FromSeconds(5);
            }
            if (wait > TimeSpan.Zero)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(wait);
                try
                {
                    await wake.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The wait is over.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>How long to wait before the next look (zero: at once).</returns>
    private async Task<TimeSpan> SendNextAsync(Postman postman, MailSettings settings)
    {
        // Not the stopping token: a message begun is finished, sent or not, and recorded.
        var ct = CancellationToken.None;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var pace = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT next_send_at FROM mail_pacer WHERE id = 1 FOR UPDATE SKIP LOCKED", transaction: tx, cancellationToken: ct));
        if (pace is null)
        {
            return TimeSpan.FromSeconds(1); // another replica is sending
        }
        if (pace.Value > now.UtcDateTime)
        {
            return pace.Value - now.UtcDateTime;
        }
        var next = await connection.QuerySingleOrDefaultAsync<DueMessage>(new CommandDefinition(DueMessage.Select, new { now }, tx, cancellationToken: ct));
        if (next is null)
        {
            var due = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "SELECT min(next_attempt_at) FROM mailing_recipients WHERE state = 'Pending'", transaction: tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            var untilDue = due is { } d ? d - now.UtcDateTime : TimeSpan.MaxValue;
            return untilDue < TimeSpan.FromSeconds(5) ? untilDue : TimeSpan.FromSeconds(5);
        }

        var outcome = await DeliverAsync(connection, tx, postman, settings, next, now, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE mailing_recipients SET state = @State, attempts = attempts + @Tried, next_attempt_at = @NextAttempt,
                sent_at = @SentAt, failure = @Failure, address = @Address, language = @Language
            WHERE mailing_id = @MailingId AND organisation_id = @OrganisationId;
            UPDATE mailings SET finished_at = @now WHERE id = @MailingId AND finished_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM mailing_recipients WHERE mailing_id = @MailingId AND state = 'Pending');
            UPDATE mail_pacer SET next_send_at = @nextSend WHERE id = 1;
            """, new
        {
            outcome.State, Tried = outcome.Tried ? 1 : 0, outcome.NextAttempt, outcome.SentAt, outcome.Failure, Address = next.Email,
            next.Language, next.MailingId, next.OrganisationId, now,
            // After a connection failure the relay is given the first retry's pause, rather than every recipient an attempt in a row.
            nextSend = !outcome.Tried ? now : outcome.State == "Pending" ? now + settings.FirstRetry : now + settings.Interval,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return TimeSpan.Zero;
    }

    private sealed record Outcome(string State, bool Tried, DateTimeOffset NextAttempt, DateTimeOffset? SentAt, string? Failure);

    private async Task<Outcome> DeliverAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Postman postman, MailSettings settings,
        DueMessage next, DateTimeOffset now, CancellationToken ct)
    {
        Outcome Skipped(string why) => new("Skipped", false, now, null, why);
        Outcome Failed(string why, bool tried) => new("Failed", tried, now, null, why);
        if (next.SurveyState != nameof(SurveyState.Open))
        {
            return Skipped("The survey was closed before this message was sent.");
        }
        if (next.Used is null)
        {
            return Skipped("The organisation has no invitation to this survey.");
        }
        if (next.Used is true)
        {
            return Skipped("The organisation answered before this message was sent.");
        }
        if (!OrganisationImport.IsEmail(next.Email) || !MailboxAddress.TryParse(next.Email, out var to))
        {
            return Failed("Not a valid e-mail address.", tried: false);
        }
        to.Name = next.Name;
        var token = LinkTokens.NewToken();
        if (links.MailLinkFor(token) is not { } link)
        {
            return new("Pending", false, now + settings.FirstRetry, null, "The portal's public address is not configured (Surveys:PortalUrl).");
        }
        var (subject, text) = MailTexts.Render(next.Subject, next.Body, next.Signature, next.Language, next.Name, next.ClosesOnDate, link);
        var message = new MimeMessage { Subject = subject, MessageId = $"{next.MailingId:N}.{next.OrganisationId:N}@{settings.From.Domain}" };
        message.From.Add(settings.From);
        message.To.Add(to);
        // Says "a system sent this": auto-responders (out-of-office) do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text };
        message.Body.Headers.Add(HeaderId.ContentLanguage, next.Language);

        var (delivery, reason) = await postman.SendAsync(message, ct);
        switch (delivery)
        {
            case Delivery.Sent:
                // The new link works from now on and the old one no longer; a draft begun with the old one is kept for the new.
                await connection.ExecuteAsync(new CommandDefinition("""
                    WITH old AS (SELECT token_hash FROM invitations WHERE survey_id = @SurveyId AND organisation_id = @OrganisationId AND NOT used),
                    moved AS (UPDATE response_drafts d SET token_hash = @hash FROM old WHERE d.token_hash = old.token_hash)
                    UPDATE invitations SET token_hash = @hash WHERE survey_id = @SurveyId AND organisation_id = @OrganisationId AND NOT used
                    """, new { next.SurveyId, next.OrganisationId, hash = LinkTokens.Hash(token) }, tx, cancellationToken: ct));
                await audit.RecordAsync(tx, AuditActor.System, $"survey.{next.Kind.ToLowerInvariant()}-sent", next.SurveyId.ToString(),
                    new { mailingId = next.MailingId, organisationId = next.OrganisationId, organisation = next.Name }, ct);
                LogSent(logger, next.Kind, next.MailingId, next.OrganisationId);
                return new("Sent", true, now, now, null);
            case Delivery.Refused:
                LogRefused(logger, next.MailingId, next.OrganisationId, reason);
                return Failed(reason ?? "Refused by the mail server.", tried: true);
            default:
                var attempts = next.Attempts + 1;
                LogTryAgain(logger, next.MailingId, next.OrganisationId, attempts, reason);
                return attempts >= settings.MaxAttempts
                    ? Failed($"Not delivered after {attempts} attempts: {reason}", tried: true)
                    : new("Pending", true, now + settings.RetryAfter(attempts), null, reason);
        }
    }

    /// <summary>The next message due, with what it takes to write it.</summary>
    private sealed class DueMessage
    {
        public const string Select = """
            SELECT r.mailing_id AS MailingId, r.organisation_id AS OrganisationId, r.attempts, m.survey_id AS SurveyId, m.kind,
                   m.subject_lv AS SubjectLv, m.subject_en AS SubjectEn, m.body_lv AS BodyLv, m.body_en AS BodyEn,
                   m.signature_lv AS SignatureLv, m.signature_en AS SignatureEn,
                   o.name, o.email, o.language, s.state AS SurveyState, s.closes_on AS ClosesOn, i.used
            FROM mailing_recipients r
            JOIN mailings m ON m.id = r.mailing_id
            JOIN partner_organisations o ON o.id = r.organisation_id
            JOIN surveys s ON s.id = m.survey_id
            LEFT JOIN invitations i ON i.survey_id = m.survey_id AND i.organisation_id = r.organisation_id
            WHERE r.state = 'Pending' AND r.next_attempt_at <= @now
            ORDER BY r.next_attempt_at, r.organisation_id
            LIMIT 1
            FOR UPDATE OF r SKIP LOCKED
            """;

        public Guid MailingId { get; init; }
        public Guid OrganisationId { get; init; }
        public int Attempts { get; init; }
        public Guid SurveyId { get; init; }
        public string Kind { get; init; } = "";
        public string SubjectLv { get; init; } = "";
        public string SubjectEn { get; init; } = "";
        public string BodyLv { get; init; } = "";
        public string BodyEn { get; init; } = "";
        public string SignatureLv { get; init; } = "";
        public string SignatureEn { get; init; } = "";
        public string Name { get; init; } = "";
        public string Email { get; init; } = "";
        public string Language { get; init; } = "lv";
        public string SurveyState { get; init; } = "";
        public DateTime? ClosesOn { get; init; }
        public bool? Used { get; init; }

        public LocalizedText Subject => new(SubjectLv, SubjectEn);
        public LocalizedText Body => new(BodyLv, BodyEn);
        public LocalizedText Signature => new(SignatureLv, SignatureEn);
        public DateOnly? ClosesOnDate => ClosesOn is { } d ? DateOnly.FromDateTime(d) : null;
    }

    [LoggerMessage(LogLevel.Warning, "No mail relay is configured (ConnectionStrings__mail): invitations and reminders cannot be sent by e-mail.")]
    private static partial void LogNoRelay(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "The mailing sender could not reach the database: {Reason}. Trying again in 5 s.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "{Kind} of mailing {MailingId} sent to organisation {OrganisationId}.")]
    private static partial void LogSent(ILogger logger, string kind, Guid mailingId, Guid organisationId);

    [LoggerMessage(LogLevel.Warning, "Mailing {MailingId}: the relay refused the message to organisation {OrganisationId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid mailingId, Guid organisationId, string? reason);

    [LoggerMessage(LogLevel.Warning, "Mailing {MailingId}: the message to organisation {OrganisationId} was not sent (attempt {Attempt}): {Reason}")]
    private static partial void LogTryAgain(ILogger logger, Guid mailingId, Guid organisationId, int attempt, string? reason);
}
