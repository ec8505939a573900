using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Mailings;

public enum MailingKind
{
    Invitation,
    Reminder,
}

/// <summary>The text of a survey's invitations or reminders: subject, body and the ministry's signature, in both languages.</summary>
/// <param name="Saved">False while the survey uses the default text.</param>
public sealed record MailTemplate(MailingKind Kind, LocalizedText Subject, LocalizedText Body, LocalizedText Signature, bool Saved);

/// <summary>What a survey manager sends to save a template.</summary>
public sealed record MailTemplateRequest(LocalizedText? Subject, LocalizedText? Body, LocalizedText? Signature);

/// <summary>
/// Fills a template for one organisation. <c>{link}</c> is where its own link goes (required in the body: a mail
/// without one would be useless), <c>{organisation}</c> its name, <c>{closesOn}</c> the survey's last day.
/// </summary>
public static class MailTexts
{
    public const string LinkPlaceholder = "{link}";
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;
    public const int MaxSignatureLength = 1_000;

    public static MailTemplate Default(MailingKind kind, LocalizedText title) => kind switch
    {
        MailingKind.Invitation => new(kind,
            new($"Aptauja \"{title.Lv}\"", $"Survey \"{title.En}\""),
            new(
                $"""
                Labdien, {'{'}organisation{'}'}!

                Aicinām Jūsu organizāciju piedalīties aptaujā "{title.Lv}". Jūsu viedoklis palīdzēs uzlabot sadarbību ar Labklājības ministriju.
                Aptauja ir anonīma, un tās aizpildīšana aizņems aptuveni 5–7 minūtes. Atbildes var sniegt līdz {'{'}closesOn{'}'}, izmantojot Jūsu organizācijas saiti:
                {LinkPlaceholder}

                Saite ir paredzēta tikai Jūsu organizācijai, un to var izmantot vienu reizi.
                """,
                $"""
                Dear {'{'}organisation{'}'},

                We invite your organisation to take part in the survey "{title.En}". Your views will help improve cooperation with the Ministry of Welfare.
                The survey is anonymous and takes about 5–7 minutes. Please answer by {'{'}closesOn{'}'} using your organisation's link:
                {LinkPlaceholder}

                The link is meant for your organisation only and can be used once.
                """),
            Signature, Saved: false),
        _ => new(kind,
            new($"Atgādinājums: aptauja \"{title.Lv}\"", $"Reminder: survey \"{title.En}\""),
            new(
                $"""
                Labdien, {'{'}organisation{'}'}!

                Atgādinām par aptauju "{title.Lv}". Jūsu organizācijas viedoklis mums ir svarīgs. Atbildes var sniegt līdz {'{'}closesOn{'}'}, izmantojot Jūsu organizācijas jauno saiti:
                {LinkPlaceholder}

                Ja jau sākāt aizpildīt aptauju, saglabātās atbildes būs turpat. Iepriekš saņemtā saite vairs nedarbojas.
                """,
                $"""
                Dear {'{'}organisation{'}'},

                This is a reminder about the survey "{title.En}". Your organisation's views matter to us. Please answer by {'{'}closesOn{'}'} using your organisation's new link:
                {LinkPlaceholder}

                If you have started answering, your saved answers are still there. The link you received earlier no longer works.
                """),
            Signature, Saved: false),
    };

    private static readonly LocalizedText Signature = new(
        "Ar cieņu\nLabklājības ministrija\nSkolas iela 28, Rīga, LV-1331",
        "Kind regards\nMinistry of Welfare of the Republic of Latvia\nSkolas iela 28, Riga, LV-1331");

    /// <summary>The field errors of a template a manager wants to save (<c>subject.lv</c>, <c>body.en</c>, …).</summary>
    public static FieldErrors Problems(MailTemplateRequest request)
    {
        var errors = new FieldErrors();
        void Check(string field, string? value, int max, bool needsLink)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, ErrorCodes.Required, "The text is missing.");
            }
            else if (value.Length > max)
            {
                errors.Add(field, ErrorCodes.TooLong, $"The text is longer than {max} characters.");
            }
            else if (needsLink && !value.Contains(LinkPlaceholder, StringComparison.Ordinal))
            {
                errors.Add(field, ErrorCodes.LinkPlaceholderMissing, $"The text must contain {LinkPlaceholder}: the system puts each organisation's own link there.");
            }
            else if (!needsLink && value.Contains(LinkPlaceholder, StringComparison.Ordinal))
            {
                errors.Add(field, ErrorCodes.LinkPlaceholderMisplaced, $"{LinkPlaceholder} belongs in the body.");
            }
        }
        Check("subject.lv", request.Subject?.Lv, MaxSubjectLength, needsLink: false);
        Check("subject.en", request.Subject?.En, MaxSubjectLength, needsLink: false);
        Check("body.lv", request.Body?.Lv, MaxBodyLength, needsLink: true);
        Check("body.en", request.Body?.En, MaxBodyLength, needsLink: true);
        Check("signature.lv", request.Signature?.Lv, MaxSignatureLength, needsLink: false);
        Check("signature.en", request.Signature?.En, MaxSignatureLength, needsLink: false);
        return errors;
    }

    /// <summary>The subject and the text (body, a blank line, the signature) for one organisation, in its language.</summary>
    public static (string Subject, string Text) Render(LocalizedText subject, LocalizedText body, LocalizedText signature, string language,
        string organisation, DateOnly? closesOn, string link)
    {
        var en = language == "en";
        var date = closesOn is { } d
            ? en ? d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : d.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : "";
        string Fill(string text) => text
            .Replace("{organisation}", organisation, StringComparison.Ordinal)
            .Replace("{closesOn}", date, StringComparison.Ordinal);
        // The link first, so that an organisation named "{link}" cannot place a second one.
        var text = Fill((en ? body.En : body.Lv).Replace(LinkPlaceholder, link, StringComparison.Ordinal));
        // A subject is one line: a name with a line break must not add headers.
        var line = Fill(en ? subject.En : subject.Lv).ReplaceLineEndings(" ");
        return (line, $"{text.TrimEnd()}\n\n{(en ? signature.En : signature.Lv).Trim()}\n");
    }
}
