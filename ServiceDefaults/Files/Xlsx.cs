using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StrategyPlatform.ServiceDefaults.Files;

/// <summary>One worksheet: a bold header row, then rows of strings, numbers, booleans and dates.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes real Excel workbooks (numbers as numbers, dates as dates) with the Open XML SDK, so the
/// exports open in Excel and LibreOffice with the right numbers and no import dialog.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;
    private const uint TextOnlyStyle = 4;

    public static byte[] Write(params IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddStyles(workbook);
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(new Row(sheet.Header.Select(h => TextCell(h, HeaderStyle))));
                foreach (var row in sheet.Rows)
                {
                    data.Append(new Row(row.Select(Cell)));
                }
                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = sheetId++,
                    // Excel allows 31 characters and no []:*?/\ in a sheet name.
                    Name = new string(sheet.Name.Where(c => !"[]:*?/\\".Contains(c)).Take(31).ToArray()),
                });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        // Inline text is never a formula, but Excel turns "=…" into one the moment someone edits the cell: quote-prefixed it stays text.
        string s => TextCell(s, s.Length > 0 && "=+-@\t\r".Contains(s[0]) ? TextOnlyStyle : 0),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        DateOnly d => DateCell(d.ToDateTime(TimeOnly.MinValue), DateStyle),
        DateTime d => DateCell(d, DateTimeStyle),
        DateTimeOffset d => DateCell(d.DateTime, DateTimeStyle),
        int or long or short or byte => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value)) },
        decimal m => new Cell { DataType = CellValues.Number, CellValue = new CellValue(m) },
        double x => new Cell { DataType = CellValues.Number, CellValue = new CellValue(x) },
        float f => new Cell { DataType = CellValues.Number, CellValue = new CellValue((double)f) },
        _ => TextCell(value.ToString() ?? ""),
    };

    private static Cell TextCell(string text, uint style = 0) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell DateCell(DateTime value, uint style) => new()
    {
        CellValue = new CellValue(value.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { QuotePrefix = true }) { Count = 5 });
    }
}
