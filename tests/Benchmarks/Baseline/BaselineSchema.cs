using Npgsql;

namespace StrategyPlatform.Benchmarks.Baseline;

/// <summary>The platform's response row (a random id, the day, the answers as jsonb, indexed by survey) and a count per survey.</summary>
internal static class BaselineSchema
{
    public static async Task CreateAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            CREATE TABLE IF NOT EXISTS responses (
                id uuid PRIMARY KEY, survey_id uuid NOT NULL, respondent_category text NOT NULL, answers jsonb NOT NULL, submitted_on date NOT NULL);
            CREATE INDEX IF NOT EXISTS responses_survey ON responses (survey_id);
            CREATE TABLE IF NOT EXISTS response_counts (survey_id uuid PRIMARY KEY, responses integer NOT NULL);
            """);
        // Both roles start at once: the second CREATE of the same table may race the first.
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
        {
        }
    }
}
