using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MimeKit;
using StrategyPlatform.LocalServers;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// The tests' SMTP server (smtp4dev as the AppHost runs it): its connection string for a service, and the messages it
/// received, read through its web API as it keeps them (the raw message, parsed by MimeKit), never from a fake.
/// </summary>
public sealed class MailServer
{
    private readonly HttpClient inbox;

    private MailServer(string connectionString, Uri inboxAddress, DistributedApplication app, string resourceName)
    {
        ConnectionString = connectionString;
        inbox = new HttpClient { BaseAddress = inboxAddress };
        App = app;
        ResourceName = resourceName;
    }

    public string ConnectionString { get; }
    public DistributedApplication App { get; }
    public string ResourceName { get; }

    internal static async Task<MailServer> CreateAsync(DistributedApplication app, IMailServerResource resource)
    {
        var connectionString = (await resource.ConnectionStringExpression.GetValueAsync(default))!;
        var inbox = await new EndpointReference((IResourceWithEndpoints)resource, "http").GetValueAsync(default);
        return new MailServer(connectionString, new Uri(inbox!), app, resource.Name);
    }

    /// <summary>Every message the server received for <paramref name="address"/> (exactly that recipient), oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address)
    {
        var list = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=100000&sortColumn=receivedDate&sortIsDescending=false");
        var ids = list.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();
        var messages = new List<MimeMessage>();
        foreach (var id in ids)
        {
            await using var source = await inbox.GetStreamAsync($"/api/messages/{id}/raw");
            messages.Add(await MimeMessage.LoadAsync(source));
        }
        return messages;
    }

    /// <summary>Every message to an address at <paramref name="domain"/>, by recipient.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MimeMessage>>> MessagesToDomainAsync(string domain)
    {
        var list = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=100000");
        var addresses = list.GetProperty("results").EnumerateArray()
            .SelectMany(m => m.GetProperty("to").EnumerateArray().Select(t => t.GetString()!))
            .Where(a => a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var result = new Dictionary<string, IReadOnlyList<MimeMessage>>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            result[address] = await MessagesToAsync(address);
        }
        return result;
    }
}
