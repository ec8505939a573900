using StrategyPlatform.AppHost.Hosting;

namespace StrategyPlatform.AppHost.Tests;

public sealed class Missing_server_binaries
{
    [Fact]
    public void Name_the_postgresql_package_in_one_line()
    {
        var error = Assert.Throws<ServerNotInstalledException>(() => PostgresInstallation.FindBinDirectory("/nonexistent/postgresql"));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Name_the_rabbitmq_package_in_one_line()
    {
        var error = Assert.Throws<ServerNotInstalledException>(() => RabbitMqInstallation.Find("/nonexistent/rabbitmq-server", "/nonexistent/epmd"));

        Assert.Contains("apt-get install rabbitmq-server", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
