using System.Net.Mail;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Organisations;

public sealed record OrganisationInput(string Name, RespondentCategory Category, string Email);

public sealed record RejectedRow(int Line, string Reason);

/// <summary>
/// Reads a partner list: columns <c>name</c>, <c>category</c>, <c>email</c> (or the Latvian
/// <c>nosaukums</c>, <c>kategorija</c>, <c>e-pasts</c>). Every bad row is reported; the caller
/// imports nothing unless there are none.
/// </summary>
public static class OrganisationImport
{
    private static readonly string[][] Columns = [["name", "nosaukums"], ["category", "kategorija"], ["email", "e-pasts", "epasts"]];

    public static (IReadOnlyList<OrganisationInput> Rows, IReadOnlyList<RejectedRow> Rejected) Parse(IReadOnlyList<string> header, IReadOnlyList<Csv.Row> rows)
    {
        var names = Columns.Select(aliases => aliases.FirstOrDefault(a => header.Contains(a, StringComparer.OrdinalIgnoreCase))).ToArray();
        if (names.Any(n => n is null))
        {
            return ([], [new RejectedRow(1, "The first line must name the columns: name, category, email (or nosaukums, kategorija, e-pasts).")]);
        }
        var accepted = new List<OrganisationInput>();
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var (name, category, email) = (row[names[0]!], row[names[1]!], row[names[2]!]);
            var reason = Check(name, category, email, out var parsed);
            if (reason is null && seen.TryGetValue(name, out var firstLine))
            {
                reason = $"The organisation \"{name}\" is already on line {firstLine}.";
            }
            if (reason is not null)
            {
                rejected.Add(new(row.Line, reason));
                continue;
            }
            seen[name] = row.Line;
            accepted.Add(new(name, parsed, email));
        }
        if (rows.Count == 0)
        {
            rejected.Add(new(1, "The file has no organisations."));
        }
        return (accepted, rejected);
    }

    /// <returns>Why the row cannot be imported, or null.</returns>
    public static string? Check(string name, string category, string email, out RespondentCategory parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 300)
        {
            return "The name is missing or longer than 300 characters.";
        }
        if (!RespondentCategories.TryParse(category, out parsed) || parsed == RespondentCategory.Resident)
        {
            return $"The category \"{category}\" is not one of: Ngo, Municipality, SubordinateInstitution, StateInstitution, Other.";
        }
        return IsEmail(email) ? null : $"The e-mail address \"{email}\" is not valid.";
    }

    public static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);
}
