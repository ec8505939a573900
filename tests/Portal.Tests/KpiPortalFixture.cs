using System.Net.Http.Json;
using StrategyPlatform.Kpi;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// The portal with the real Kpi service (own database, real HTTP, the catalogue seeded at start-up) and
/// the broker, so a value the service publishes reaches the open dashboards; the other services stay down.
/// </summary>
public sealed class KpiPortalFixture : PortalFixture
{
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    protected override bool ListensToMessages => true;

    protected override async Task<Dictionary<string, string>> ServiceAddressesAsync()
    {
        var addresses = await base.ServiceAddressesAsync();
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb", realHttp: true);
        addresses["kpi"] = Kpi.Address;
        return addresses;
    }

    /// <summary>Enters a value straight through the service as an owner of <paramref name="unit"/>, as another user would meanwhile.</summary>
    public async Task EnterMeasurementAsync(string unit, string number, int year, decimal value)
    {
        using var owner = Bed.CreateStaffClient(Kpi, [StaffRoles.IndicatorOwner], [unit], $"{unit}-owner");
        var response = await owner.PostAsJsonAsync($"/api/kpi/indicators/{number}/measurements", new { year, value, comment = "set-up", source = "test" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Records an activity's progress straight through the service as an Administrator.</summary>
    public async Task RecordProgressAsync(string activity, object progress)
    {
        using var admin = Bed.CreateStaffClient(Kpi, [StaffRoles.Administrator], [], "admin-setup");
        (await admin.PostAsJsonAsync($"/api/kpi/activities/{activity}/progress", progress)).EnsureSuccessStatusCode();
    }
}
