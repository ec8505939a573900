using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace StrategyPlatform.Portal.Data;

/// <summary>
/// The portal's own database holds staff accounts only (ASP.NET Core Identity). The schema is the
/// plain SQL script Data/Migrations/0001_identity.sql, generated from this model, applied at start-up.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
    }
}
