using StrategyPlatform.Kpi.Catalogue;

namespace StrategyPlatform.Kpi.Activities;

/// <summary>An activity target of the equal-opportunities project: who is to be reached, by when.</summary>
public sealed record ProjectActivity(
    string Code,
    LocalizedText Name,
    int? TargetParticipants,
    int? TargetOrganisations,
    DateOnly Deadline,
    LocalizedText ParticipantsAre,
    LocalizedText OrganisationsAre,
    ActivityProgressSeed? FirstProgress);

public sealed record ActivityProgressSeed(DateOnly AsOf, int? Participants, int? Organisations, int? Sessions, string? Note, string? NoteEn = null);
