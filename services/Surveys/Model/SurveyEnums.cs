namespace StrategyPlatform.Surveys.Model;

public enum SurveyState
{
    Draft,
    Open,
    Closed,
}

public enum SurveyMode
{
    /// <summary>One single-use link per invited organisation; the response does not record which link.</summary>
    Anonymous,
    /// <summary>A public link without a token for campaign surveys; rate-limited per survey.</summary>
    OpenLink,
}
