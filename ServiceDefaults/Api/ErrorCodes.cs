namespace StrategyPlatform.ServiceDefaults.Api;

/// <summary>
/// The stable codes of <see cref="FieldErrors"/>, shared by every service: part of the API, so a code
/// is never renamed or reused for another meaning (add a new one instead). The portal has a Latvian and
/// an English text for each (<c>Error.&lt;code&gt;</c> in its resources); the English messages next to
/// them in <c>errors</c> are for people reading the API and may be reworded at any time.
/// </summary>
public static class ErrorCodes
{
    // Any field.

    /// <summary>A value is missing.</summary>
    public const string Required = "required";

    /// <summary>A text is longer than the field allows.</summary>
    public const string TooLong = "too-long";

    /// <summary>A text is shorter than the field needs (e.g. a reason of a few characters).</summary>
    public const string TooShort = "too-short";

    /// <summary>A number or date lies outside the range the field allows.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A value that is not one of those offered (an option, a category, a sort order, a language).</summary>
    public const string NotOffered = "not-offered";

    /// <summary>Another record (or an earlier line of the same file) already has this value.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The value refers to something that does not exist (a campaign, a question).</summary>
    public const string NotFound = "not-found";

    /// <summary>A period or an event ends before it starts.</summary>
    public const string EndsBeforeStarts = "ends-before-starts";

    /// <summary>Both the Latvian and the English text are needed.</summary>
    public const string BothLanguages = "both-languages";

    /// <summary>The value could not be read at all (wrong type, malformed body).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Not valid, for a reason without a code of its own (ASP.NET Core's own request validation).</summary>
    public const string Invalid = "invalid";

    /// <summary>Not an e-mail address.</summary>
    public const string InvalidEmail = "invalid-email";

    /// <summary>Not a web address (http:// or https://).</summary>
    public const string InvalidWebAddress = "invalid-web-address";

    /// <summary>An identifier may contain only letters, digits, '-' and '_'.</summary>
    public const string InvalidIdentifier = "invalid-identifier";

    /// <summary>A count must be a whole number, 0 or more.</summary>
    public const string NotWholeNumber = "not-whole-number";

    /// <summary>Not yes or no (1 or 0).</summary>
    public const string NotYesNo = "not-yes-no";

    /// <summary>Not a date and time (e.g. 2025-03-14 10:00).</summary>
    public const string NotDateTime = "not-date-time";

    /// <summary>An edit must say which version it was made on, so nobody's change is overwritten unseen.</summary>
    public const string VersionRequired = "version-required";

    /// <summary>The value is fixed and cannot be changed by an edit.</summary>
    public const string CannotChange = "cannot-change";

    // Files.

    /// <summary>The file's first line lacks columns the import needs.</summary>
    public const string MissingColumns = "missing-columns";

    /// <summary>The file has no rows to import.</summary>
    public const string EmptyFile = "empty-file";

    /// <summary>The file has more rows, or more bytes, than one import takes.</summary>
    public const string FileTooLarge = "file-too-large";

    // Answering a survey.

    /// <summary>A rating and "cannot say" were both given.</summary>
    public const string RatingAndCannotSay = "rating-and-cannot-say";

    /// <summary>"Cannot say" is not offered for this question.</summary>
    public const string CannotSayNotOffered = "cannot-say-not-offered";

    // Editing a survey.

    /// <summary>A survey needs at least one section.</summary>
    public const string NoSections = "no-sections";

    /// <summary>A section needs at least one question.</summary>
    public const string NoQuestions = "no-questions";

    /// <summary>A choice question needs at least two options, each with its own key.</summary>
    public const string OptionsNeeded = "options-needed";

    /// <summary>Only a 1–5 rating question can count toward the indicator or offer "cannot say".</summary>
    public const string OnlyForRatings = "only-for-ratings";

    /// <summary>The partner satisfaction survey is answered through invitation links, never an open link.</summary>
    public const string OpenLinkNotAllowed = "open-link-not-allowed";

    /// <summary>The closing date must be today or later and not before the opening date.</summary>
    public const string ClosesTooEarly = "closes-too-early";

    // E-mail mailings.

    /// <summary>An invitation or reminder text must say where each organisation's link goes: <c>{link}</c>.</summary>
    public const string LinkPlaceholderMissing = "link-placeholder-missing";

    /// <summary><c>{link}</c> belongs in the body of a mail, not in its subject or signature.</summary>
    public const string LinkPlaceholderMisplaced = "link-placeholder-misplaced";

    /// <summary>The organisation has answered the survey: it is sent no invitation or reminder.</summary>
    public const string AlreadyAnswered = "already-answered";

    /// <summary>A reminder goes to an organisation that has been invited.</summary>
    public const string NotInvited = "not-invited";

    /// <summary>The organisation was mailed within the reminder interval.</summary>
    public const string MailedRecently = "mailed-recently";

    // Indicators.

    /// <summary>The platform computes this indicator from surveys and media events; it is not entered.</summary>
    public const string ComputedIndicator = "computed-indicator";

    /// <summary>The indicator is measured only from a later year.</summary>
    public const string BeforeFirstMeasuredYear = "before-first-measured-year";

    /// <summary>The year already has a value, or is locked: a correction needs its reason.</summary>
    public const string CorrectionReasonRequired = "correction-reason-required";

    /// <summary>Every goal of an indicator belongs to the indicator's priority.</summary>
    public const string GoalOutsidePriority = "goal-outside-priority";

    /// <summary>A done-by-year target needs the yes/no unit.</summary>
    public const string UnitMustBeYesNo = "unit-must-be-yes-no";

    /// <summary>Every code above, for checks that each has its texts.</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(ErrorCodes).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
}
