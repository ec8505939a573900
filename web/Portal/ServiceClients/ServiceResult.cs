namespace StrategyPlatform.Portal.ServiceClients;

public enum ServiceOutcome
{
    Ok,
    /// <summary>The service answered 404.</summary>
    NotFound,
    /// <summary>The service rejected the input (400 ValidationProblem); <see cref="ServiceResult{T}.Errors"/> names the fields with their codes.</summary>
    Invalid,
    /// <summary>The service refused the user (401/403).</summary>
    Forbidden,
    /// <summary>Someone else changed the record first (409): the page reloads it rather than overwrite their change.</summary>
    Conflict,
    /// <summary>Down, slow or failing (5xx): the page says so and the rest of the portal keeps working.</summary>
    Unavailable,
}

/// <summary>What a page gets from a service call: never an exception for a service that is down.</summary>
public sealed record ServiceResult<T>(ServiceOutcome Outcome, T? Value = default, FieldProblems? Errors = null)
{
    public bool IsOk => Outcome == ServiceOutcome.Ok;

    public static ServiceResult<T> Ok(T value) => new(ServiceOutcome.Ok, value);
}
