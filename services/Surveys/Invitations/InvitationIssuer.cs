using Dapper;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.Surveys.Answering;

namespace StrategyPlatform.Surveys.Invitations;

/// <summary>A link to hand to one organisation. The token is shown only now: the database keeps its hash.</summary>
public sealed record InvitationLink(Guid OrganisationId, string OrganisationName, RespondentCategory Category, string Email, string Token, string Url);

/// <summary>
/// Creates the missing single-use links of a survey, one per partner organisation, and tells the KPI
/// aggregator the survey's grown population in the same transaction.
/// </summary>
public sealed class InvitationIssuer(IConfiguration configuration, TimeProvider clock, IOutbox outbox)
{
    /// <summary>Where the portal's answering page lives; <c>{token}</c> is replaced.</summary>
    private string UrlTemplate => configuration["Surveys:AnswerUrl"] ?? "/answer/{token}";

    public string UrlFor(string token) => UrlTemplate.Replace("{token}", token, StringComparison.Ordinal);

    /// <summary>
    /// The link as an e-mail carries it: absolute, on the portal's public address (<c>Surveys:PortalUrl</c>, which
    /// the AppHost sets) unless <c>Surveys:AnswerUrl</c> is absolute itself; null when neither says where the portal is.
    /// </summary>
    public string? MailLinkFor(string token)
    {
        var url = UrlFor(token);
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return url;
        }
        return Uri.TryCreate(configuration["Surveys:PortalUrl"], UriKind.Absolute, out var portal) && portal.Scheme is "http" or "https"
            ? $"{portal.ToString().TrimEnd('/')}/{url.TrimStart('/')}"
            : null;
    }

    /// <param name="organisationIds">Only these organisations; null for every organisation not yet invited.</param>
    public async Task<IReadOnlyList<InvitationLink>> IssueMissingAsync(NpgsqlTransaction tx, Guid surveyId, IReadOnlyCollection<Guid>? organisationIds, CancellationToken ct)
    {
        var organisations = await tx.Connection!.QueryAsync<(Guid Id, string Name, string Category, string Email)>(new CommandDefinition("""
            SELECT o.id, o.name, o.category, o.email FROM partner_organisations o
            WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.survey_id = @surveyId AND i.organisation_id = o.id)
              AND (@all OR o.id = ANY(@ids))
            ORDER BY o.name
            """, new { surveyId, all = organisationIds is null, ids = (organisationIds ?? []).ToArray() }, tx, cancellationToken: ct));
        var links = new List<InvitationLink>();
        foreach (var o in organisations)
        {
            var token = LinkTokens.NewToken();
            await tx.Connection!.ExecuteAsync(new CommandDefinition("""
                INSERT INTO invitations (id, survey_id, organisation_id, token_hash, created_at)
                VALUES (@id, @surveyId, @organisationId, @hash, @now)
                """, new { id = Guid.CreateVersion7(), surveyId, organisationId = o.Id, hash = LinkTokens.Hash(token), now = clock.GetUtcNow() }, tx, cancellationToken: ct));
            links.Add(new(o.Id, o.Name, Enum.Parse<RespondentCategory>(o.Category), o.Email, token, UrlFor(token)));
        }
        if (links.Count > 0 && await SurveyPopulations.CurrentAsync(tx.Connection!, surveyId, clock.GetUtcNow(), tx, ct) is { } population)
        {
            // The survey's own partition: its population messages arrive in the order they were written.
            await outbox.AddAsync(tx, population, partitionKey: surveyId.ToString(), ct);
        }
        return links;
    }

    /// <summary>A new link for an organisation that has not answered yet (the old one stops working), e.g. when the e-mail was lost.</summary>
    public async Task<string?> RenewAsync(NpgsqlTransaction tx, Guid surveyId, Guid organisationId, CancellationToken ct)
    {
        var token = LinkTokens.NewToken();
        // The old link's draft goes with it: it could no longer be resumed.
        var changed = await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            WITH old_draft AS (
                DELETE FROM response_drafts WHERE token_hash =
                    (SELECT token_hash FROM invitations WHERE survey_id = @surveyId AND organisation_id = @organisationId AND NOT used))
            UPDATE invitations SET token_hash = @hash WHERE survey_id = @surveyId AND organisation_id = @organisationId AND NOT used
            """, new { surveyId, organisationId, hash = LinkTokens.Hash(token) }, tx, cancellationToken: ct));
        return changed == 1 ? token : null;
    }
}
