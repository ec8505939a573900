using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using StrategyPlatform.LocalServers;

namespace StrategyPlatform.TestSupport;

/// <summary>A running RabbitMQ broker of the tests: its URIs, its virtual hosts, and a stop and start as the dashboard does them.</summary>
public sealed class RabbitMqServer
{
    private readonly DistributedApplication app;
    private readonly IRabbitMQServerResource resource;
    private readonly Uri amqp;

    private RabbitMqServer(DistributedApplication app, IRabbitMQServerResource resource, Uri amqp, Uri? managementUrl)
    {
        this.app = app;
        this.resource = resource;
        this.amqp = amqp;
        ManagementUrl = managementUrl;
    }

    /// <summary>The management plugin's HTTP API; null for a broker the tests did not start themselves.</summary>
    public Uri? ManagementUrl { get; }

    internal static async Task<RabbitMqServer> CreateAsync(DistributedApplication app, IRabbitMQServerResource resource)
    {
        var amqp = new Uri((await resource.ConnectionStringExpression.GetValueAsync(default))!);
        var management = resource is LocalRabbitMQResource local ? new Uri(local.GetEndpoint("management").Url) : null;
        return new RabbitMqServer(app, resource, amqp, management);
    }

    /// <summary>An amqp:// URI for <paramref name="virtualHost"/> with the broker's credentials.</summary>
    public string AmqpUri(string virtualHost = "/") =>
        new UriBuilder(amqp) { Path = Uri.EscapeDataString(virtualHost) }.Uri.AbsoluteUri;

    /// <summary>The creating user is given full permissions on the new virtual host.</summary>
    public async Task CreateVirtualHostAsync(string name, CancellationToken ct = default)
    {
        using var http = Management();
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(VirtualHostPath(name), body, ct);
        await EnsureAsync(response, $"create virtual host '{name}'", ct);
    }

    public async Task DeleteVirtualHostAsync(string name, CancellationToken ct = default)
    {
        using var http = Management();
        using var response = await http.DeleteAsync(VirtualHostPath(name), ct);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureAsync(response, $"delete virtual host '{name}'", ct);
        }
    }

    /// <summary>Stops the broker as the dashboard's Stop does (its epmd keeps running), and waits until it has.</summary>
    public async Task StopAsync()
    {
        await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        await app.ResourceNotifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates);
    }

    /// <summary>Starts it again (same URI: DCP keeps the port) and waits until it accepts AMQP connections.</summary>
    public async Task StartAsync()
    {
        await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name);
    }

    private HttpClient Management()
    {
        var http = new HttpClient
        {
            BaseAddress = ManagementUrl ?? throw new InvalidOperationException("Only a broker the tests started has a management API they know."),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return http;
    }

    private static string VirtualHostPath(string name) => $"api/vhosts/{Uri.EscapeDataString(name)}";

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"RabbitMQ refused to {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
