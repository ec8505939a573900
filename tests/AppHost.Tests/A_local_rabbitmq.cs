using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using StrategyPlatform.AppHost.Hosting;
using Xunit.Abstractions;

namespace StrategyPlatform.AppHost.Tests;

public sealed class A_local_rabbitmq(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string folder = TestFolder.Create("rabbitmq");
    private LocalRabbitMq rabbitMq = null!;

    public Task InitializeAsync()
    {
        rabbitMq = new LocalRabbitMq(new LocalRabbitMqOptions(folder) { AmqpPort = FreePort.Any(), ManagementPort = FreePort.Any() }, Log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await rabbitMq.DisposeAsync();
        TestFolder.Delete(folder);
    }

    [Fact]
    public async Task Accepts_amqp_connections_and_leaves_no_process_once_stopped()
    {
        await rabbitMq.StartAsync();
        await rabbitMq.CreateVirtualHostAsync("surveys-tests");
        var processes = rabbitMq.ProcessIds.Select(pid => ProcessIdentity.Of(pid)!.Value).ToList();

        Assert.Equal(HttpStatusCode.OK, await VirtualHostStatusAsync("surveys-tests"));
        Assert.True(await SpeaksAmqpAsync(rabbitMq.AmqpPort));
        Assert.EndsWith($":{rabbitMq.AmqpPort}/surveys-tests", rabbitMq.AmqpUri("surveys-tests"));
        Assert.EndsWith("/%2F", rabbitMq.AmqpUri());
        Assert.Contains(processes, process => ProcessTree.CommandLine(process.Pid)!.Contains("beam"));
        Assert.Contains(processes, process => ProcessTree.CommandLine(process.Pid)!.Contains("epmd"));

        await rabbitMq.StopAsync();

        Assert.Empty(rabbitMq.ProcessIds);
        Assert.DoesNotContain(processes, process => process.IsAlive);
    }

    [Fact]
    public async Task Restarts_on_the_same_ports_with_its_virtual_hosts()
    {
        await rabbitMq.StartAsync();
        await rabbitMq.CreateVirtualHostAsync("kept");
        await rabbitMq.CreateVirtualHostAsync("deleted");
        await rabbitMq.DeleteVirtualHostAsync("deleted");
        var (amqpPort, managementPort) = (rabbitMq.AmqpPort, rabbitMq.ManagementPort);

        await rabbitMq.StopAsync();
        await rabbitMq.StartAsync();

        Assert.Equal((amqpPort, managementPort), (rabbitMq.AmqpPort, rabbitMq.ManagementPort));
        Assert.Equal(HttpStatusCode.OK, await VirtualHostStatusAsync("kept"));
        Assert.Equal(HttpStatusCode.NotFound, await VirtualHostStatusAsync("deleted"));
        Assert.True(await SpeaksAmqpAsync(rabbitMq.AmqpPort));
    }

    /// <summary>After the protocol header an AMQP 0-9-1 broker sends Connection.Start, a method frame (type 1).</summary>
    private static async Task<bool> SpeaksAmqpAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray());
        var frameType = new byte[1];
        await stream.ReadExactlyAsync(frameType).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        return frameType[0] == 1;
    }

    private async Task<HttpStatusCode> VirtualHostStatusAsync(string name)
    {
        var userInfo = Uri.UnescapeDataString(new Uri(rabbitMq.AmqpUri()).UserInfo);
        using var http = new HttpClient { BaseAddress = rabbitMq.ManagementUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        using var response = await http.GetAsync($"api/vhosts/{Uri.EscapeDataString(name)}");
        return response.StatusCode;
    }

    private void Log(string line)
    {
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { /* a line after the test ended */ }
    }
}
