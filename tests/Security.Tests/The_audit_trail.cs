using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Staff actions across the platform are recorded (who, when, what, with which roles), each app's trail
/// refuses to be changed even by the app's own database role, and Administrators read and download them
/// all together from the portal.
/// </summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed class The_audit_trail(SecuredPlatform platform)
{
    [Fact]
    public async Task Records_who_did_what_when_and_with_which_roles_and_administrators_download_it_from_the_portal()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var manager = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.SurveyManager], userId: "audit-manager");
        using var admin = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Administrator], userId: "audit-admin");
        using var owner = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.IndicatorOwner], ["FVD"], "audit-owner");
        using var communications = platform.Bed.CreateStaffClient(platform.MediaEvents, [StaffRoles.Communications], ["KN"], "audit-kn");

        // Open and close a survey and download its responses; enter and correct a value; edit the catalogue; lock and unlock a year; rebuild.
        var (surveyId, _) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2029, 1);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/surveys/{surveyId}/export/responses.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/surveys/{surveyId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/kpi/indicators/12b/measurements", new { year = 2025, value = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/kpi/indicators/12b/measurements", new { year = 2025, value = 2m, reason = "Second car found in the ledger" })).StatusCode);
        var definition = (await admin.GetFromJsonAsync<JsonObject>("/api/kpi/indicators/12b"))!["definition"]!.DeepClone();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/kpi/indicators/12b", new { definition, reason = "Reviewed by the monitoring group" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/kpi/years/2024/lock", new { note = "Reviewed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/api/kpi/years/2024/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/kpi/replay?from=facts", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await communications.GetAsync("/api/media-events/export.csv")).StatusCode);

        var surveys = await TrailAsync(platform.Surveys.CreateClient(), "audit-manager");
        var kpi = await TrailAsync(platform.Kpi.CreateClient(), "audit-");
        var media = await TrailAsync(platform.MediaEvents.CreateClient(), "audit-kn");

        Assert.Equal(["export.survey-responses", "organisations.imported", "survey.closed", "survey.opened"], surveys.Select(e => e.Action).Distinct().Order(StringComparer.Ordinal));
        Assert.All(surveys, e => Assert.Equal([StaffRoles.SurveyManager], e.ActorRoles));
        Assert.Equal(surveyId.ToString(), surveys.First(e => e.Action == "survey.closed").Subject);
        Assert.InRange(surveys.First(e => e.Action == "survey.closed").OccurredAt, started, DateTimeOffset.UtcNow.AddSeconds(5));
        var corrected = kpi.Single(e => e.Action == "measurement.corrected");
        Assert.Equal(("audit-owner", "12b"), (corrected.ActorId, corrected.Subject));
        Assert.Equal("Second car found in the ledger", corrected.Details!.Value.GetProperty("reason").GetString());
        Assert.Contains(kpi, e => e.Action == "measurement.entered" && e.Subject == "12b");
        Assert.Contains(kpi, e => e.Action == "indicator.definition-edited" && e.Subject == "12b" && e.ActorRoles.SequenceEqual([StaffRoles.Administrator]));
        Assert.Equal(["year.locked", "year.unlocked"], kpi.Where(e => e.Subject == "2024").Select(e => e.Action).Order());
        Assert.Contains(kpi, e => e.Action == "indicators.rebuilt");
        Assert.Contains(media, e => e.Action == "export.media-events" && e.ActorRoles.SequenceEqual([StaffRoles.Communications]));

        // The portal: the Administrator's sign-in is there too, and the download holds every source's entries.
        var browser = platform.Identities.Portal.Single(i => i.Name == StaffRoles.Administrator).Browser!;
        var csv = await browser.GetStringAsync($"admin/audit.csv?from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");
        foreach (var expected in new[] { "account.signed-in", "user.created", "survey.opened", "measurement.corrected", "indicators.rebuilt", "export.media-events" })
        {
            Assert.Contains($",{expected},", csv);
        }
        var portal = await platform.Portal.Services.GetRequiredService<IAuditTrail>().ReadAsync(new AuditQuery(Action: "audit.exported"));
        Assert.NotEmpty(portal.Items);
    }

    [Fact]
    public async Task Refuses_update_delete_and_truncate_even_from_the_apps_own_database_role()
    {
        foreach (var database in platform.Databases.Keys)
        {
            await using var connection = await platform.OpenAsync(database);
            var before = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_trail");
            foreach (var statement in new[] { "UPDATE audit_trail SET action = 'nothing happened'", "DELETE FROM audit_trail", "TRUNCATE audit_trail" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(statement));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
            Assert.Equal(before, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_trail"));
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> TrailAsync(HttpClient service, string actor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?actor={actor}");
        request.Headers.Authorization = new("Bearer", Identities.Issue(platform.Bed.SigningKey, [StaffRoles.Administrator]));
        var response = await service.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditPage>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.Items;
    }
}
