using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>The few calls of the management plugin's HTTP API that we need.</summary>
internal sealed class RabbitMqManagement(Uri baseUrl, string user, string password) : IDisposable
{
    private readonly HttpClient http = new()
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
    };

    public async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("api/overview", ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>The creating user is given full permissions on the new virtual host.</summary>
    public async Task CreateVirtualHostAsync(string name, CancellationToken ct)
    {
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(VirtualHostPath(name), body, ct);
        await EnsureAsync(response, $"create virtual host '{name}'", ct);
    }

    public async Task DeleteVirtualHostAsync(string name, CancellationToken ct)
    {
        using var response = await http.DeleteAsync(VirtualHostPath(name), ct);
        if (response.StatusCode != HttpStatusCode.NotFound) await EnsureAsync(response, $"delete virtual host '{name}'", ct);
    }

    public void Dispose() => http.Dispose();

    private static string VirtualHostPath(string name) => $"api/vhosts/{Uri.EscapeDataString(name)}";

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"RabbitMQ refused to {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }
}
