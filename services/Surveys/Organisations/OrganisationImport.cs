using System.Net.Mail;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Organisations;

/// <param name="Language">lv or en; null when the file has no language column (an existing organisation keeps its own).</param>
public sealed record OrganisationInput(string Name, RespondentCategory Category, string Email, string? Language = null);

/// <param name="Field">The column at fault (<c>name</c>, <c>category</c>, <c>email</c>), or <c>file</c>.</param>
/// <param name="Code">One of <see cref="ErrorCodes"/>.</param>
public sealed record RejectedRow(int Line, string Field, string Code, string Reason);

/// <summary>Why an organisation cannot be saved: the field, its code and the message.</summary>
public sealed record OrganisationProblem(string Field, string Code, string Message);

/// <summary>
/// Reads a partner list: columns <c>name</c>, <c>category</c>, <c>email</c> (or the Latvian
/// <c>nosaukums</c>, <c>kategorija</c>, <c>e-pasts</c>), and optionally <c>language</c> (<c>valoda</c>: lv or en,
/// the language its e-mails are written in; empty for lv). Every bad row is reported; the caller
/// imports nothing unless there are none.
/// </summary>
public static class OrganisationImport
{
    private static readonly string[][] Columns = [["name", "nosaukums"], ["category", "kategorija"], ["email", "e-pasts", "epasts"]];
    private static readonly string[] LanguageColumn = ["language", "valoda"];

    public static (IReadOnlyList<OrganisationInput> Rows, IReadOnlyList<RejectedRow> Rejected) Parse(IReadOnlyList<string> header, IReadOnlyList<Csv.Row> rows)
    {
        var names = Columns.Select(aliases => aliases.FirstOrDefault(a => header.Contains(a, StringComparer.OrdinalIgnoreCase))).ToArray();
        if (names.Any(n => n is null))
        {
            return ([], [new RejectedRow(1, FieldErrors.FileField, ErrorCodes.MissingColumns, "The first line must name the columns: name, category, email (or nosaukums, kategorija, e-pasts).")]);
        }
        var languageColumn = LanguageColumn.FirstOrDefault(a => header.Contains(a, StringComparer.OrdinalIgnoreCase));
        var accepted = new List<OrganisationInput>();
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var (name, category, email) = (row[names[0]!], row[names[1]!], row[names[2]!]);
            var problem = Check(name, category, email, out var parsed);
            var languageText = languageColumn is null ? null : row[languageColumn];
            var language = string.IsNullOrWhiteSpace(languageText) ? null : ParseLanguage(languageText);
            if (problem is null && !string.IsNullOrWhiteSpace(languageText) && language is null)
            {
                problem = new("language", ErrorCodes.NotOffered, $"The language \"{languageText}\" is not lv or en (latviešu, angļu).");
            }
            if (problem is null && seen.TryGetValue(name, out var firstLine))
            {
                problem = new("name", ErrorCodes.Duplicate, $"The organisation \"{name}\" is already on line {firstLine}.");
            }
            if (problem is not null)
            {
                rejected.Add(new(row.Line, problem.Field, problem.Code, problem.Message));
                continue;
            }
            seen[name] = row.Line;
            accepted.Add(new(name, parsed, email, languageColumn is null ? null : language ?? "lv"));
        }
        if (rows.Count == 0)
        {
            rejected.Add(new(1, FieldErrors.FileField, ErrorCodes.EmptyFile, "The file has no organisations."));
        }
        return (accepted, rejected);
    }

    public const int MaxNameLength = 300;

    /// <returns>Why the organisation cannot be saved, or null.</returns>
    public static OrganisationProblem? Check(string? name, string? category, string? email, out RespondentCategory parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return new("name", ErrorCodes.Required, "The name is missing.");
        }
        if (name.Length > MaxNameLength)
        {
            return new("name", ErrorCodes.TooLong, $"The name is longer than {MaxNameLength} characters.");
        }
        if (!RespondentCategories.TryParse(category, out parsed) || parsed == RespondentCategory.Resident)
        {
            return new("category", ErrorCodes.NotOffered, $"The category \"{category}\" is not one of: Ngo, Municipality, SubordinateInstitution, StateInstitution, Other.");
        }
        return IsEmail(email) ? null : new("email", ErrorCodes.InvalidEmail, $"The e-mail address \"{email}\" is not valid.");
    }

    /// <summary>lv or en from the ways people write them; null for anything else.</summary>
    public static string? ParseLanguage(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "lv" or "lav" or "latviešu" or "latviesu" or "latvian" or "latviski" => "lv",
        "en" or "eng" or "angļu" or "anglu" or "english" or "angliski" => "en",
        _ => null,
    };

    public static bool IsEmail(string? email) =>
        email is { Length: <= 254 } && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);
}
