using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Managing_partner_organisations(SurveyPortal portal) : IClassFixture<SurveyPortal>
{
    private Task<int> CountAsync() => portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations");

    [Fact]
    public async Task Imports_20_organisations_from_a_semicolon_csv_with_latvian_headers_and_category_names()
    {
        Assert.Equal(8, await portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations WHERE category = 'Ngo' AND name LIKE 'Biedrība \"Atbalsts %'"));
        Assert.Equal(6, await portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations WHERE category = 'Municipality'"));
        Assert.Equal(4, await portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations WHERE category = 'SubordinateInstitution'"));
        Assert.Equal(2, await portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations WHERE category = 'StateInstitution'"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_rejected_whole_naming_each_line_and_column_with_its_code()
    {
        var csv = """
            name,category,email
            Jauna biedrība,Ngo,jauna@biedriba.lv
            ,Ngo,bez-nosaukuma@biedriba.lv
            Vēl viena biedrība,Alien,cita@biedriba.lv
            Trešā biedrība,Ngo,not-an-email
            Jauna biedrība,Municipality,atkal@biedriba.lv
            """;

        var before = await CountAsync();

        var response = await portal.ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["lines[3].name", "lines[4].category", "lines[5].email", "lines[6].name"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["required", "not-offered", "invalid-email", "duplicate"],
            problem.GetProperty("codes").EnumerateObject().Select(p => Assert.Single(p.Value.EnumerateArray()).GetString()));
        Assert.Contains("Alien", errors.GetProperty("lines[4].category")[0].GetString());
        Assert.Contains("line 2", errors.GetProperty("lines[6].name")[0].GetString());
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM partner_organisations WHERE name = 'Jauna biedrība'"));
    }

    [Fact]
    public async Task Reimporting_updates_organisations_of_the_same_name_instead_of_duplicating_them()
    {
        var response = await portal.ImportAsync("name,category,email\n\"Biedrība \"\"Atbalsts 1\"\"\",Ngo,jauns@biedriba.lv\nJaunā biedrība,Other,jauna@biedriba.lv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal("jauns@biedriba.lv", await portal.ScalarAsync<string>("SELECT email FROM partner_organisations WHERE name = 'Biedrība \"Atbalsts 1\"'"));
    }

    [Fact]
    public async Task Creating_and_editing_an_organisation_refuses_a_bad_email_naming_the_field_by_its_code()
    {
        var bad = await portal.Manager.PostAsJsonAsync("/api/organisations", new { name = "Labdarības fonds", category = "Ngo", email = "fonds" });
        var unnamed = await portal.Manager.PostAsJsonAsync("/api/organisations", new { category = "Ngo", email = "fonds@fonds.lv" });
        var created = await portal.Manager.PostAsJsonAsync("/api/organisations", new { name = "Labdarības fonds", category = "Ngo", email = "fonds@fonds.lv" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edited = await portal.Manager.PutAsJsonAsync($"/api/organisations/{id}", new { name = "Labdarības fonds", category = "Other", email = "info@fonds.lv" });
        var deleted = await portal.Manager.DeleteAsync($"/api/organisations/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid-email", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("email")[0].GetString());
        Assert.Equal("required", (await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Only_survey_managers_may_manage_organisations()
    {
        var anonymous = await portal.Public.GetAsync("/api/organisations");
        using var communications = portal.Bed.CreateStaffClient(portal.Surveys, [ServiceDefaults.Authentication.StaffRoles.Communications]);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communications.GetAsync("/api/organisations")).StatusCode);
    }
}
