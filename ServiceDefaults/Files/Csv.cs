using System.Globalization;
using System.Text;

namespace StrategyPlatform.ServiceDefaults.Files;

/// <summary>
/// RFC 4180 CSV, shared by every import and export. Reading accepts a comma or a semicolon as the
/// separator (Excel with Latvian regional settings saves with semicolons), a UTF-8 BOM and quoted
/// fields with line breaks; writing uses commas, invariant numbers and a BOM so Excel reads UTF-8.
/// </summary>
public static class Csv
{
    /// <summary>A data row with its 1-based line number in the file (the header is line 1), for error reports.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string this[string column] => Fields.TryGetValue(column, out var value) ? value : "";
    }

    public static async Task<(IReadOnlyList<string> Header, IReadOnlyList<Row> Rows)> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        var records = Parse(text, DetectSeparator(text));
        if (records.Count == 0)
        {
            return ([], []);
        }
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1)
            .Where(r => r.Fields.Any(f => f.Length > 0))
            .Select(r => new Row(r.Line, header
                .Select((name, i) => (name, value: i < r.Fields.Count ? r.Fields[i].Trim() : ""))
                .GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().value, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return (header, rows);
    }

    private static char DetectSeparator(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        return firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
    }

    private static List<(int Line, List<string> Fields)> Parse(string text, char separator)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { if (c == '\n') { line++; } field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields)); fields = [];
                    line++; recordLine = line;
                    break;
                default:
                    if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
                    else { field.Append(c); }
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', header.Select(Escape)).Append("\r\n");
        foreach (var row in rows)
        {
            builder.AppendJoin(',', row.Select(value => Escape(Neutralise(value, Format(value))))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A text cell starting with = + - @ would run as a formula when the file is opened in a
    /// spreadsheet (CSV injection); a leading apostrophe makes it plain text. Numbers keep their sign.
    /// </summary>
    private static string Neutralise(object? value, string text) =>
        value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
