using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Results;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Results for staff who manage surveys and for leadership: figures, comments and exports.</summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys/{id:guid}").WithTags("Results").RequireAuthorization(SurveyPolicies.ReadResults);
        api.MapGet("results", GetResults);
        api.MapGet("comments", GetComments);
        api.MapGet("export/responses.{format}", ExportResponses);
        api.MapGet("export/summary.{format}", ExportSummary);
        return app;
    }

    public sealed record Comment(string QuestionId, LocalizedText Question, string Text);

    public static async Task<Results<Ok<SurveyResults>, NotFound>> GetResults(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyData.LoadAsync(connection, id, ct) is not { } data)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(data.Calculate(await SurveyData.PreviousAsync(connection, data.Survey, ct)));
    }

    /// <summary>Free-text answers by question, without the respondent's category (a comment from a small group could give it away).</summary>
    public static async Task<Results<Ok<Comment[]>, NotFound>> GetComments(Guid id, string? questionId, string? contains, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyData.LoadAsync(connection, id, ct) is not { } data)
        {
            return TypedResults.NotFound();
        }
        var comments = data.Definition.Questions
            .Where(q => q.Type == QuestionType.FreeText && (questionId is null || q.Id == questionId))
            .SelectMany(q => data.Responses
                .Select(r => r.Answers.GetValueOrDefault(q.Id)?.Text)
                .Where(t => !string.IsNullOrWhiteSpace(t) && (string.IsNullOrWhiteSpace(contains) || t.Contains(contains.Trim(), StringComparison.CurrentCultureIgnoreCase)))
                .Select(t => new Comment(q.Id, q.Text, t!)));
        return TypedResults.Ok(comments.ToArray());
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> ExportResponses(
        Guid id, string format, NpgsqlDataSource db, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyData.LoadAsync(connection, id, ct) is not { } data || format is not ("csv" or "xlsx"))
        {
            return TypedResults.NotFound();
        }
        var header = Exports.ResponseHeader(data.Definition);
        var rows = Exports.ResponseRows(data.Definition, data.Responses);
        var name = $"survey-{data.Survey.Year}-{data.Survey.Kind}-responses.{format}";
        await audit.RecordAsync(AuditActor.From(user), "export.survey-responses", id.ToString(), new { format, responses = data.Responses.Count }, ct);
        return format == "csv"
            ? TypedResults.File(Csv.Write(header, rows), "text/csv; charset=utf-8", name)
            : TypedResults.File(Xlsx.Write(new XlsxSheet("Responses", header, rows.ToList()),
                new XlsxSheet("Questions", Exports.QuestionHeader, Exports.QuestionRows(data.Definition).ToList())), Xlsx.ContentType, name);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> ExportSummary(
        Guid id, string format, NpgsqlDataSource db, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyData.LoadAsync(connection, id, ct) is not { } data || format is not ("csv" or "xlsx"))
        {
            return TypedResults.NotFound();
        }
        var results = data.Calculate(await SurveyData.PreviousAsync(connection, data.Survey, ct));
        var name = $"survey-{data.Survey.Year}-{data.Survey.Kind}-summary.{format}";
        await audit.RecordAsync(AuditActor.From(user), "export.survey-summary", id.ToString(), new { format }, ct);
        return format == "csv"
            ? TypedResults.File(Csv.Write(Exports.SummaryHeader, Exports.SummaryRows(results)), "text/csv; charset=utf-8", name)
            : TypedResults.File(Xlsx.Write(new XlsxSheet("Summary", Exports.SummaryHeader, Exports.SummaryRows(results).ToList()),
                new XlsxSheet("By category", Exports.CategoryHeader, Exports.CategoryRows(results).ToList())), Xlsx.ContentType, name);
    }
}
