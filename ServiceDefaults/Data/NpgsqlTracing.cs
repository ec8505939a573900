using System.Diagnostics;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlTracing
{
    /// <summary>
    /// For Aspire.Npgsql's <c>AddNpgsqlDataSource(name, configureDataSourceBuilder: …)</c>: a command is traced
    /// only as part of a trace (a request, a consumer, a dispatched message). The outbox's poll every few
    /// seconds, the housekeeping and the health checks would otherwise each start a trace of their own,
    /// hundreds a minute, and bury in the dashboard the traces people look for.
    /// </summary>
    public static void WithinTracesOnly(NpgsqlDataSourceBuilder dataSource) => dataSource.ConfigureTracing(tracing => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null));
}
