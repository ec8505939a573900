namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A Unix account, looked up in /etc/passwd (the server packages create theirs there).</summary>
internal sealed record SystemAccount(string Name, uint UserId, uint GroupId)
{
    public static SystemAccount? Find(string name)
    {
        if (!File.Exists("/etc/passwd")) return null;
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name)
                return new SystemAccount(name, uint.Parse(fields[2]), uint.Parse(fields[3]));
        }
        return null;
    }
}
