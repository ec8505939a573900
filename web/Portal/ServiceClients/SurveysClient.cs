using System.Net.Http.Json;
using System.Text;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>Calls the Surveys service (<c>https+http://surveys</c>) for staff: surveys, organisations, invitations, results.</summary>
public sealed class SurveysClient(HttpClient http, ILogger<SurveysClient> logger) : ServiceClient(http, logger)
{
    public Task<ServiceResult<IReadOnlyList<SurveySummary>>> ListAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<SurveySummary>>("api/surveys", ct);

    public Task<ServiceResult<SurveyDetails>> GetAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<SurveyDetails>($"api/surveys/{id}", ct);

    public Task<ServiceResult<SurveyDetails>> CreateFromTemplateAsync(int year, CancellationToken ct = default) =>
        PostAsync<object, SurveyDetails>("api/surveys/from-template", new { year }, ct);

    public Task<ServiceResult<SurveyDetails>> UpdateDraftAsync(Guid id, SurveySave survey, CancellationToken ct = default) =>
        SendAsync<SurveyDetails>(() => new HttpRequestMessage(HttpMethod.Put, $"api/surveys/{id}") { Content = JsonContent.Create(survey) }, ct);

    public Task<ServiceResult<SurveyOpened>> OpenAsync(Guid id, SurveyOpening dates, CancellationToken ct = default) =>
        PostAsync<SurveyOpening, SurveyOpened>($"api/surveys/{id}/open", dates, ct);

    public Task<ServiceResult<SurveyDetails>> CloseAsync(Guid id, CancellationToken ct = default) =>
        PostAsync<object, SurveyDetails>($"api/surveys/{id}/close", new { }, ct);

    public Task<ServiceResult<SurveyDetails>> CopyToNextYearAsync(Guid id, CancellationToken ct = default) =>
        PostAsync<object, SurveyDetails>($"api/surveys/{id}/copy-to-next-year", new { }, ct);

    public Task<ServiceResult<IReadOnlyList<SurveyLink>>> IssueMissingLinksAsync(Guid id, CancellationToken ct = default) =>
        PostAsync<object, IReadOnlyList<SurveyLink>>($"api/surveys/{id}/invitations", new { }, ct);

    public Task<ServiceResult<RenewedLink>> RenewLinkAsync(Guid id, Guid organisationId, CancellationToken ct = default) =>
        PostAsync<object, RenewedLink>($"api/surveys/{id}/invitations/{organisationId}/renew", new { }, ct);

    public Task<ServiceResult<InvitationStatus>> InvitationStatusAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<InvitationStatus>($"api/surveys/{id}/invitations/status", ct);

    public Task<ServiceResult<SurveyText>> ReminderAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<SurveyText>($"api/surveys/{id}/invitations/reminder", ct);

    public Task<ServiceResult<MailTemplate>> MailTemplateAsync(Guid id, string kind, CancellationToken ct = default) =>
        GetAsync<MailTemplate>($"api/surveys/{id}/mailings/template/{kind}", ct);

    public Task<ServiceResult<MailTemplate>> SaveMailTemplateAsync(Guid id, string kind, MailTemplateSave template, CancellationToken ct = default) =>
        SendAsync<MailTemplate>(() => new HttpRequestMessage(HttpMethod.Put, $"api/surveys/{id}/mailings/template/{kind}") { Content = JsonContent.Create(template) }, ct);

    public Task<ServiceResult<MailPreview>> MailPreviewAsync(Guid id, string kind, string language, CancellationToken ct = default) =>
        GetAsync<MailPreview>($"api/surveys/{id}/mailings/preview/{kind}?language={language}", ct);

    /// <param name="intervalDays">Reminders only: not mailed in the last so many days.</param>
    public Task<ServiceResult<MailAudience>> MailAudienceAsync(Guid id, string kind, int? intervalDays = null, CancellationToken ct = default) =>
        GetAsync<MailAudience>($"api/surveys/{id}/mailings/audience/{kind}" + (intervalDays is { } days ? $"?intervalDays={days}" : ""), ct);

    /// <summary>
    /// Starts a mailing. <paramref name="idempotencyKey"/> is made once per form: a second click, or the client's own
    /// retry, gives back the same mailing instead of a second one.
    /// </summary>
    public Task<ServiceResult<Mailing>> StartMailingAsync(Guid id, MailingRequest request, Guid idempotencyKey, CancellationToken ct = default) =>
        SendAsync<Mailing>(() => new HttpRequestMessage(HttpMethod.Post, $"api/surveys/{id}/mailings")
        {
            Content = JsonContent.Create(request),
            Headers = { { "Idempotency-Key", idempotencyKey.ToString() } },
        }, ct);

    public Task<ServiceResult<IReadOnlyList<MailingSummary>>> MailingsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<MailingSummary>>($"api/surveys/{id}/mailings", ct);

    public Task<ServiceResult<Mailing>> MailingAsync(Guid id, Guid mailingId, CancellationToken ct = default) =>
        GetAsync<Mailing>($"api/surveys/{id}/mailings/{mailingId}", ct);

    /// <summary>Sends a failed recipient's message again, to the organisation's current address, with a new link.</summary>
    public Task<ServiceResult<MailingRecipient>> ResendAsync(Guid id, Guid mailingId, Guid organisationId, CancellationToken ct = default) =>
        PostAsync<object, MailingRecipient>($"api/surveys/{id}/mailings/{mailingId}/recipients/{organisationId}/resend", new { }, ct);

    public Task<ServiceResult<IReadOnlyList<PartnerOrganisation>>> OrganisationsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<PartnerOrganisation>>("api/organisations", ct);

    public Task<ServiceResult<PartnerOrganisation>> AddOrganisationAsync(PartnerOrganisationSave organisation, CancellationToken ct = default) =>
        PostAsync<PartnerOrganisationSave, PartnerOrganisation>("api/organisations", organisation, ct);

    public Task<ServiceResult<PartnerOrganisation>> UpdateOrganisationAsync(Guid id, PartnerOrganisationSave organisation, CancellationToken ct = default) =>
        SendAsync<PartnerOrganisation>(() => new HttpRequestMessage(HttpMethod.Put, $"api/organisations/{id}") { Content = JsonContent.Create(organisation) }, ct);

    public Task<ServiceResult<string>> DeleteOrganisationAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<string>(() => new HttpRequestMessage(HttpMethod.Delete, $"api/organisations/{id}"), ct);

    /// <summary>All or nothing: <see cref="ServiceOutcome.Invalid"/> lists the rejected lines as <c>line N</c> → reasons.</summary>
    public Task<ServiceResult<OrganisationImportResult>> ImportOrganisationsAsync(string csv, CancellationToken ct = default) =>
        SendAsync<OrganisationImportResult>(() => new HttpRequestMessage(HttpMethod.Post, "api/organisations/import")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        }, ct);

    public Task<ServiceResult<SurveyResults>> ResultsAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<SurveyResults>($"api/surveys/{id}/results", ct);

    public Task<ServiceResult<IReadOnlyList<SurveyComment>>> CommentsAsync(Guid id, string? questionId, string? contains, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<SurveyComment>>($"api/surveys/{id}/comments?" + string.Join('&',
            new[] { ("questionId", questionId), ("contains", contains) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2))
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")), ct);

    /// <param name="what"><c>responses</c> or <c>summary</c>.</param>
    /// <param name="format"><c>csv</c> or <c>xlsx</c>.</param>
    public Task<ServiceResult<ServiceFile>> ExportAsync(Guid id, string what, string format, CancellationToken ct = default) =>
        GetFileAsync($"api/surveys/{id}/export/{what}.{format}", ct);
}
