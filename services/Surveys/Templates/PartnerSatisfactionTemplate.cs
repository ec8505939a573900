using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Templates;

/// <summary>
/// The strategy's yearly client-and-partner satisfaction survey (indicator 16). Its statements
/// come from what partners asked the ministry for: timely involvement, regular communication,
/// clear and accessible information, professional and polite answers, methodological support,
/// simpler reporting and feedback on how their input was used.
/// </summary>
public static class PartnerSatisfactionTemplate
{
    public static LocalizedText Title(int year) => new(
        $"Klientu un sadarbības partneru apmierinātība ar sadarbību ar Labklājības ministriju {year}. gadā",
        $"Client and partner satisfaction with cooperation with the Ministry of Welfare, {year}");

    public static readonly LocalizedText Introduction = new(
        "Labklājības ministrija vēlas uzzināt, kā Jūs vērtējat sadarbību ar ministriju pēdējā gada laikā. "
        + "Jūsu atbildes palīdzēs mums laikus iesaistīt partnerus, skaidrāk informēt un labāk atbalstīt. "
        + "Aptauja ir anonīma: mēs redzam tikai to, vai Jūsu organizācija ir atbildējusi, bet ne to, kuras atbildes ir Jūsu. "
        + "Aizpildīšana aizņems aptuveni 5–7 minūtes. Atbildes tiek saglabātas, tāpēc varat pārtraukt un vēlāk turpināt, atverot to pašu saiti.",
        "The Ministry of Welfare would like to know how you rate your cooperation with the ministry over the past year. "
        + "Your answers will help us involve partners in good time, inform more clearly and support better. "
        + "The survey is anonymous: we only see whether your organisation has answered, not which answers are yours. "
        + "It takes about 5–7 minutes. Your answers are saved as you go, so you can stop and continue later with the same link.");

    private static readonly LocalizedText Disagree = new("Pilnībā nepiekrītu", "Strongly disagree");
    private static readonly LocalizedText Agree = new("Pilnībā piekrītu", "Strongly agree");

    private static Question Statement(string id, string lv, string en, bool cannotSay = true) =>
        new(id, id, QuestionType.Likert, new(lv, en), Required: true, AllowCannotSay: cannotSay, LowLabel: Disagree, HighLabel: Agree);

    public static SurveyDefinition Definition() => new(
    [
        new("involvement", new("Iesaiste un saziņa", "Involvement and communication"),
        [
            Statement("timely-involvement",
                "Ministrija mūs iesaista laikus – jau tad, kad jautājums ir ideju līmenī.",
                "The ministry involves us in good time – already when a matter is at the idea stage."),
            Statement("involvement-budget",
                "Mums ir iespēja laikus paust viedokli par budžeta jautājumiem, kas skar mūsu darbu.",
                "We can give our views in good time on budget matters that affect our work."),
            Statement("involvement-law-drafting",
                "Ministrija mūs iesaista tiesību aktu izstrādē pietiekami agri, lai mūsu priekšlikumus varētu ņemt vērā.",
                "The ministry involves us in drafting legislation early enough for our proposals to be taken into account."),
            Statement("regular-communication",
                "Saziņa ar ministriju ir regulāra, un aktuālo informāciju mēs saņemam laikus.",
                "Communication with the ministry is regular, and we receive up-to-date information in good time."),
            Statement("feedback-on-input",
                "Ministrija informē, kā izmantota mūsu sniegtā informācija un mūsu priekšlikumi.",
                "The ministry lets us know how the information and proposals we supplied were used."),
            Statement("understands-municipalities",
                "Ministrija izprot pašvaldību vajadzības.",
                "The ministry understands the needs of municipalities."),
        ]),
        new("information", new("Informācija un atbildes", "Information and answers"),
        [
            Statement("clear-information",
                "Ministrijas sniegtā informācija ir skaidra un saprotama.",
                "The information the ministry provides is clear and easy to understand."),
            Statement("accessible-information",
                "Vajadzīgo informāciju ir viegli atrast, un tā ir pieejama laikus.",
                "The information we need is easy to find and available in good time."),
            Statement("professional-answers",
                "Ministrijas darbinieku atbildes ir profesionālas un viegli saprotamas.",
                "The answers from the ministry's staff are professional and easy to understand."),
            Statement("polite-answers",
                "Ministrijas darbinieki sazinās laipni un pieklājīgi.",
                "The ministry's staff communicate in a friendly and polite way."),
        ]),
        new("support", new("Atbalsts", "Support"),
        [
            Statement("methodological-support",
                "Ministrija sniedz mums vajadzīgo metodisko atbalstu.",
                "The ministry gives us the methodological support we need."),
            Statement("simple-reporting",
                "Atskaitīšanās ministrijai ir vienkārša un neprasa lieku darbu.",
                "Reporting to the ministry is simple and takes no unnecessary work."),
        ]),
        new("overall", new("Kopvērtējums", "Overall"),
        [
            new("overall-satisfaction", "overall-satisfaction", QuestionType.Likert,
                new("Kā kopumā vērtējat sadarbību ar Labklājības ministriju pēdējā gada laikā?",
                    "Overall, how do you rate your cooperation with the Ministry of Welfare over the past year?"),
                Required: true, CountsTowardIndicator: true,
                LowLabel: new("Ļoti slikti", "Very poor"), HighLabel: new("Ļoti labi", "Very good")),
            new("recommend", "recommend", QuestionType.Nps,
                new("Cik ticams ir, ka Jūs ieteiktu citai organizācijai sadarboties ar Labklājības ministriju?",
                    "How likely are you to recommend cooperating with the Ministry of Welfare to another organisation?"),
                Required: false,
                LowLabel: new("Noteikti neieteiktu", "Not at all likely"), HighLabel: new("Noteikti ieteiktu", "Extremely likely")),
            new("improve-first", "improve-first", QuestionType.MultipleChoice,
                new("Kas sadarbībā būtu jāuzlabo vispirms? (varat izvēlēties vairākas atbildes)",
                    "What should be improved first in our cooperation? (you may choose several)"),
                Required: false, Options:
                [
                    new("involvement", new("Savlaicīga iesaiste", "Timely involvement")),
                    new("communication", new("Regulāra saziņa", "Regular communication")),
                    new("information", new("Informācijas skaidrība un pieejamība", "Clear and accessible information")),
                    new("answers", new("Atbilžu kvalitāte", "Quality of answers")),
                    new("support", new("Metodiskais atbalsts", "Methodological support")),
                    new("reporting", new("Vienkāršāka atskaitīšanās", "Simpler reporting")),
                    new("feedback", new("Atgriezeniskā saite par mūsu priekšlikumiem", "Feedback on our proposals")),
                ]),
            new("comment", "comment", QuestionType.FreeText,
                new("Jūsu komentāri un ieteikumi, kā mēs varētu sadarboties labāk",
                    "Your comments and suggestions on how we could work together better"),
                Required: false),
        ]),
    ]);
}
