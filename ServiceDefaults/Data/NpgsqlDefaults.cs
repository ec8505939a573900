using System.Diagnostics;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>For Aspire.Npgsql's <c>AddNpgsqlDataSource(name, configureDataSourceBuilder: NpgsqlDefaults.Apply)</c>, in every service.</summary>
public static class NpgsqlDefaults
{
    public static void Apply(NpgsqlDataSourceBuilder dataSource)
    {
        // A command is traced only as part of a trace (a request, a consumer, a dispatched message). The outbox's
        // poll every few seconds, the housekeeping and the health checks would otherwise each start a trace of
        // their own, hundreds a minute, and bury in the dashboard the traces people look for.
        dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        // The same few statements run thousands of times (an answer's insert, its outbox row, a fact): prepared
        // on each pooled connection once, PostgreSQL stops parsing and planning them every time (issue 13).
        // Npgsql keeps them across the pool's resets. A setting in the connection string still wins.
        var settings = dataSource.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
    }
}
