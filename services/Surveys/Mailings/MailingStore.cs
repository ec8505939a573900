using Dapper;
using Npgsql;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Mailings;

public sealed record AudienceMember(Guid OrganisationId, string Name, string Email, string Language, DateTimeOffset? LastMailedAt);

/// <param name="MailedWithinInterval">Reminders only: left out because they were mailed within the interval.</param>
public sealed record Audience(MailingKind Kind, int Count, IReadOnlyList<AudienceMember> Recipients, int WithoutAddress, int Answered,
    int MailedWithinInterval, int? IntervalDays);

public sealed record MailingSummary(Guid Id, MailingKind Kind, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt,
    int Total, int Sent, int Failed, int Skipped, int Pending);

public sealed record MailingRecipient(Guid OrganisationId, string Name, string? Address, string? Language, string State, int Attempts,
    DateTimeOffset? SentAt, string? Failure);

public sealed record MailingDetail(Guid Id, MailingKind Kind, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt,
    int Total, int Sent, int Failed, int Skipped, int Pending, LocalizedText Subject, IReadOnlyList<MailingRecipient> Recipients);

/// <summary>The mailings' reads and writes that are not the sending itself.</summary>
public static class MailingStore
{
    public const int DefaultIntervalDays = 7;

    /// <summary>Sent messages of the survey to one organisation, of one kind or any.</summary>
    private const string SentTo = """
        SELECT 1 FROM mailing_recipients r JOIN mailings m ON m.id = r.mailing_id
        WHERE m.survey_id = @surveyId AND r.organisation_id = o.id AND r.state = 'Sent'
        """;

    /// <summary>
    /// Who a mailing would go to. Invitations: every organisation that has not answered and has not been sent an
    /// invitation by e-mail yet. Reminders: every invited organisation that has not answered and was not mailed in the
    /// last <paramref name="intervalDays"/> days.
    /// </summary>
    public static async Task<Audience> AudienceAsync(NpgsqlConnection connection, Guid surveyId, MailingKind kind, int intervalDays, DateTimeOffset now,
        NpgsqlTransaction? tx, CancellationToken ct)
    {
        var since = now.AddDays(-intervalDays);
        var rows = (await connection.QueryAsync<(Guid Id, string Name, string Email, string Language, DateTime? LastMailedAt, bool Invited, bool Used, bool Invitation, bool Recent)>(new CommandDefinition($"""
            SELECT o.id, o.name, o.email, o.language,
                   (SELECT max(r.sent_at) FROM mailing_recipients r JOIN mailings m ON m.id = r.mailing_id
                    WHERE m.survey_id = @surveyId AND r.organisation_id = o.id AND r.state = 'Sent') AS last_mailed_at,
                   i.id IS NOT NULL AS invited, coalesce(i.used, false) AS used,
                   EXISTS ({SentTo} AND m.kind = 'Invitation') AS invitation,
                   EXISTS ({SentTo} AND r.sent_at > @since) AS recent
            FROM partner_organisations o
            LEFT JOIN invitations i ON i.survey_id = @surveyId AND i.organisation_id = o.id
            ORDER BY o.name
            """, new { surveyId, since }, tx, cancellationToken: ct))).ToList();
        var open = rows.Where(r => !r.Used).ToList();
        var candidates = kind == MailingKind.Invitation ? open.Where(r => !r.Invitation).ToList() : open.Where(r => r.Invited).ToList();
        var chosen = candidates.Where(r => kind == MailingKind.Invitation || !r.Recent).ToList();
        var members = chosen.Where(r => r.Email.Length > 0)
            .Select(r => new AudienceMember(r.Id, r.Name, r.Email, r.Language, r.LastMailedAt is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null))
            .ToList();
        return new Audience(kind, members.Count, members, chosen.Count - members.Count, rows.Count(r => r.Used),
            kind == MailingKind.Reminder ? candidates.Count(r => r.Recent) : 0, kind == MailingKind.Reminder ? intervalDays : null);
    }

    public static async Task<MailTemplate> TemplateAsync(NpgsqlConnection connection, Guid surveyId, MailingKind kind, LocalizedText title, CancellationToken ct,
        NpgsqlTransaction? tx = null)
    {
        var saved = await connection.QuerySingleOrDefaultAsync<(string SubjectLv, string SubjectEn, string BodyLv, string BodyEn, string SignatureLv, string SignatureEn)?>(
            new CommandDefinition("""
                SELECT subject_lv, subject_en, body_lv, body_en, signature_lv, signature_en FROM mail_templates WHERE survey_id = @surveyId AND kind = @kind
                """, new { surveyId, kind = kind.ToString() }, tx, cancellationToken: ct));
        return saved is { } t
            ? new MailTemplate(kind, new(t.SubjectLv, t.SubjectEn), new(t.BodyLv, t.BodyEn), new(t.SignatureLv, t.SignatureEn), Saved: true)
            : MailTexts.Default(kind, title);
    }

    public static Task SaveTemplateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid surveyId, MailingKind kind, MailTemplateRequest t, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mail_templates (survey_id, kind, subject_lv, subject_en, body_lv, body_en, signature_lv, signature_en, updated_at)
            VALUES (@surveyId, @kind, @subjectLv, @subjectEn, @bodyLv, @bodyEn, @signatureLv, @signatureEn, @now)
            ON CONFLICT (survey_id, kind) DO UPDATE SET subject_lv = EXCLUDED.subject_lv, subject_en = EXCLUDED.subject_en, body_lv = EXCLUDED.body_lv,
                body_en = EXCLUDED.body_en, signature_lv = EXCLUDED.signature_lv, signature_en = EXCLUDED.signature_en, updated_at = EXCLUDED.updated_at
            """, new
        {
            surveyId, kind = kind.ToString(), subjectLv = t.Subject!.Lv.Trim(), subjectEn = t.Subject.En.Trim(), bodyLv = t.Body!.Lv, bodyEn = t.Body.En,
            signatureLv = t.Signature!.Lv.Trim(), signatureEn = t.Signature.En.Trim(), now,
        }, tx, cancellationToken: ct));

    /// <summary>A mailing of the template as it is now, to the given organisations, every message due at once.</summary>
    public static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid mailingId, Guid surveyId, MailTemplate template,
        IReadOnlyCollection<Guid> organisations, string createdBy, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mailings (id, survey_id, kind, subject_lv, subject_en, body_lv, body_en, signature_lv, signature_en, created_at, created_by)
            VALUES (@mailingId, @surveyId, @kind, @SubjectLv, @SubjectEn, @BodyLv, @BodyEn, @SignatureLv, @SignatureEn, @now, @createdBy);
            INSERT INTO mailing_recipients (mailing_id, organisation_id, next_attempt_at) SELECT @mailingId, unnest(@organisations), @now;
            """, new
        {
            mailingId, surveyId, kind = template.Kind.ToString(), SubjectLv = template.Subject.Lv, SubjectEn = template.Subject.En, BodyLv = template.Body.Lv,
            BodyEn = template.Body.En, SignatureLv = template.Signature.Lv, SignatureEn = template.Signature.En, now, createdBy, organisations = organisations.ToArray(),
        }, tx, cancellationToken: ct));

    private const string SummaryColumns = """
        m.id, m.kind, m.created_at AS CreatedAt, m.created_by AS CreatedBy, m.finished_at AS FinishedAt,
        count(r.organisation_id)::int AS total,
        (count(*) FILTER (WHERE r.state = 'Sent'))::int AS sent,
        (count(*) FILTER (WHERE r.state = 'Failed'))::int AS failed,
        (count(*) FILTER (WHERE r.state = 'Skipped'))::int AS skipped,
        (count(*) FILTER (WHERE r.state = 'Pending'))::int AS pending
        """;

    public static async Task<IReadOnlyList<MailingSummary>> ListAsync(NpgsqlConnection connection, Guid surveyId, CancellationToken ct) =>
        [.. (await connection.QueryAsync<SummaryRow>(new CommandDefinition($"""
            SELECT {SummaryColumns} FROM mailings m LEFT JOIN mailing_recipients r ON r.mailing_id = m.id
            WHERE m.survey_id = @surveyId GROUP BY m.id ORDER BY m.created_at DESC
            """, new { surveyId }, cancellationToken: ct))).Select(r => r.Summary)];

    public static async Task<MailingDetail?> FindAsync(NpgsqlConnection connection, Guid surveyId, Guid mailingId, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(new CommandDefinition($"""
            SELECT {SummaryColumns}, m.subject_lv AS SubjectLv, m.subject_en AS SubjectEn
            FROM mailings m LEFT JOIN mailing_recipients r ON r.mailing_id = m.id
            WHERE m.survey_id = @surveyId AND m.id = @mailingId GROUP BY m.id
            """, new { surveyId, mailingId }, tx, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }
        // The ones that need the manager first: failed, then those still to go, then the rest by name.
        var recipients = await connection.QueryAsync<(Guid OrganisationId, string Name, string? Address, string? Language, string State, int Attempts, DateTime? SentAt, string? Failure)>(
            new CommandDefinition("""
                SELECT r.organisation_id, o.name, r.address, r.language, r.state, r.attempts, r.sent_at, r.failure
                FROM mailing_recipients r JOIN partner_organisations o ON o.id = r.organisation_id
                WHERE r.mailing_id = @mailingId
                ORDER BY CASE r.state WHEN 'Failed' THEN 0 WHEN 'Pending' THEN 1 ELSE 2 END, o.name
                """, new { mailingId }, tx, cancellationToken: ct));
        var s = row.Summary;
        return new MailingDetail(s.Id, s.Kind, s.CreatedAt, s.CreatedBy, s.FinishedAt, s.Total, s.Sent, s.Failed, s.Skipped, s.Pending,
            new(row.SubjectLv ?? "", row.SubjectEn ?? ""),
            [.. recipients.Select(r => new MailingRecipient(r.OrganisationId, r.Name, r.Address, r.Language, r.State, r.Attempts,
                r.SentAt is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null, r.Failure))]);
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime? FinishedAt { get; init; }
        public int Total { get; init; }
        public int Sent { get; init; }
        public int Failed { get; init; }
        public int Skipped { get; init; }
        public int Pending { get; init; }
        public string? SubjectLv { get; init; }
        public string? SubjectEn { get; init; }

        public MailingSummary Summary => new(Id, Enum.Parse<MailingKind>(Kind), new DateTimeOffset(CreatedAt, TimeSpan.Zero), CreatedBy,
            FinishedAt is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null, Total, Sent, Failed, Skipped, Pending);
    }
}
