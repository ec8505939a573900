using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.MediaEvents;

/// <summary>
/// The create/edit form's fields as the inputs hold them: times in Latvian wall-clock time, lists
/// one item per line. The service validates; this only converts.
/// </summary>
public sealed class MediaEventForm
{
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string Type { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public HashSet<int> Goals { get; } = [];
    public string CampaignId { get; set; } = "";
    public string SpokespersonName { get; set; } = "";
    public string SpokespersonLevel { get; set; } = "";
    public string Outlets { get; set; } = "";
    public long? EstimatedReach { get; set; }
    public string Tone { get; set; } = "";
    public string CoverageLinks { get; set; } = "";
    public string Language { get; set; } = "lv";
    public bool CommunicatesAchievement { get; set; }
    public int? Version { get; private set; }

    public static MediaEventForm From(MediaEventItem e)
    {
        var form = new MediaEventForm
        {
            StartsAt = MediaEventVocabulary.InRiga(e.StartsAt),
            EndsAt = e.EndsAt is { } end ? MediaEventVocabulary.InRiga(end) : null,
            Type = e.Type, Title = e.Title, Summary = e.Summary, CampaignId = e.CampaignId?.ToString() ?? "",
            SpokespersonName = e.SpokespersonName ?? "", SpokespersonLevel = e.SpokespersonLevel ?? "",
            Outlets = string.Join('\n', e.Outlets), EstimatedReach = e.EstimatedReach, Tone = e.Tone ?? "",
            CoverageLinks = string.Join('\n', e.CoverageLinks), Language = e.Language, CommunicatesAchievement = e.CommunicatesAchievement,
            Version = e.Version,
        };
        form.Goals.UnionWith(e.Goals);
        return form;
    }

    public void ToggleGoal(int goal, bool on)
    {
        if (on) { Goals.Add(goal); } else { Goals.Remove(goal); }
    }

    public MediaEventSave ToSave() => new(
        StartsAt is { } start ? MediaEventVocabulary.FromRiga(start) : null,
        EndsAt is { } end ? MediaEventVocabulary.FromRiga(end) : null,
        Blank(Type), Blank(Title), Blank(Summary), [.. Goals.Order()], Guid.TryParse(CampaignId, out var c) ? c : null,
        Blank(SpokespersonName), Blank(SpokespersonLevel), Lines(Outlets), EstimatedReach, Blank(Tone), Lines(CoverageLinks),
        Blank(Language), CommunicatesAchievement, Version);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Blank lines are dropped, so the n-th link the service names is the n-th non-empty line the user sees.
    private static string[] Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
