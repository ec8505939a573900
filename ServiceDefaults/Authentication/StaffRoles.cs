namespace StrategyPlatform.ServiceDefaults.Authentication;

/// <summary>The staff roles. A user may hold several; partners answering surveys have no account.</summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
    /// <summary>The Communications Department (Komunikācijas nodaļa, KN).</summary>
    public const string Communications = "Communications";
    public const string SurveyManager = "SurveyManager";
    /// <summary>Enters the measurements of the indicators of the units in the user's <see cref="StaffClaims.Unit"/> claims.</summary>
    public const string IndicatorOwner = "IndicatorOwner";
    /// <summary>Reads everything.</summary>
    public const string Leadership = "Leadership";

    public static readonly IReadOnlyList<string> All = [Administrator, Communications, SurveyManager, IndicatorOwner, Leadership];
}

/// <summary>The ministry's responsible units that own indicators.</summary>
public static class ResponsibleUnits
{
    public static readonly IReadOnlyList<string> All = ["PDPD", "SPPAD", "ITD", "FVD", "KN"];
}

public static class StaffClaims
{
    /// <summary>One claim per responsible unit the user acts for (PDPD, SPPAD, ITD, FVD, KN).</summary>
    public const string Unit = "unit";
}

/// <summary>Authorization policies every service and the portal share, so "who may do what" has one definition.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member: the dashboard and read-only views.</summary>
    public const string Staff = nameof(Staff);
    public const string ManageSurveys = nameof(ManageSurveys);
    public const string ManageMediaEvents = nameof(ManageMediaEvents);
    /// <summary>The media-events pages of the portal: the communications unit, and leadership read-only.</summary>
    public const string ReadMediaEvents = nameof(ReadMediaEvents);
    public const string EnterMeasurements = nameof(EnterMeasurements);
    public const string Administer = nameof(Administer);
}
