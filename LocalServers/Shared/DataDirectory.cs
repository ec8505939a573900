using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class DataDirectoryExtensions
{
    public const string SettingName = "AppHost:DataDirectory";

    /// <summary>
    /// Where local servers keep their data and where generated secrets are kept: <c>AppHost__DataDirectory</c>,
    /// by default the git-ignored <c>.data</c> folder beside the AppHost's folder (the repository root).
    /// </summary>
    public static string GetDataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[SettingName] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, "..", ".data"));
}
