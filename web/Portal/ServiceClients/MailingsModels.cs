namespace StrategyPlatform.Portal.ServiceClients;

// The Surveys service's mailings (issue 15) as the portal reads them (the contract: specs of the Mailings API).
// Kinds, states and languages stay strings, as elsewhere, so a value the portal does not know yet still shows.

public static class MailKinds
{
    public const string Invitation = "Invitation";
    public const string Reminder = "Reminder";
}

/// <summary>The states of one recipient of a mailing.</summary>
public static class MailStates
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";
}

/// <summary>A survey's template for one kind; <paramref name="Saved"/> is false while it is still the service's default.</summary>
public sealed record MailTemplate(string Kind, SurveyText Subject, SurveyText Body, SurveyText Signature, bool Saved);

public sealed record MailTemplateSave(SurveyText Subject, SurveyText Body, SurveyText Signature);

/// <summary>What an organisation would receive; the link is shown with "…" for its token (no token is made for a preview).</summary>
public sealed record MailPreview(string Language, string? To, string? OrganisationName, string Subject, string Text);

public sealed record MailCandidate(Guid OrganisationId, string Name, string Email, string Language, DateTimeOffset? LastMailedAt);

/// <summary>Who a mailing of a kind would go to now, and why the others would not.</summary>
public sealed record MailAudience(
    string Kind, int Count, IReadOnlyList<MailCandidate> Recipients, int WithoutAddress, int Answered, int MailedWithinInterval, int? IntervalDays);

/// <param name="OrganisationIds">Null: the whole audience.</param>
public sealed record MailingRequest(string Kind, IReadOnlyList<Guid>? OrganisationIds, int? IntervalDays = null);

public sealed record MailingSummary(
    Guid Id, string Kind, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt, int Total, int Sent, int Failed, int Skipped, int Pending);

public sealed record MailingRecipient(
    Guid OrganisationId, string Name, string? Address, string? Language, string State, int Attempts, DateTimeOffset? SentAt, string? Failure);

public sealed record Mailing(
    Guid Id, string Kind, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt, int Total, int Sent, int Failed, int Skipped, int Pending,
    SurveyText Subject, IReadOnlyList<MailingRecipient> Recipients)
{
    public MailingSummary Summary => new(Id, Kind, CreatedAt, CreatedBy, FinishedAt, Total, Sent, Failed, Skipped, Pending);
}
