using StrategyPlatform.LocalServers;

namespace StrategyPlatform.AppHost.Tests;

public sealed class Missing_server_binaries
{
    [Fact]
    public void Name_the_postgresql_package_in_one_line()
    {
        var error = Assert.Throws<ServerNotInstalledException>(() => PostgresInstallation.FindBinDirectory("/nonexistent/postgresql"));

        Assert.Equal("PostgreSQL is not installed on this machine: apt-get install postgresql", error.Message);
    }

    [Fact]
    public void Name_the_rabbitmq_package_in_one_line()
    {
        var error = Assert.Throws<ServerNotInstalledException>(() => RabbitMQInstallation.Find("/nonexistent/rabbitmq-server", "/nonexistent/epmd"));

        Assert.Equal("RabbitMQ is not installed on this machine: apt-get install rabbitmq-server", error.Message);
    }
}
