using System.Runtime.InteropServices;

namespace StrategyPlatform.LocalServers;

/// <summary>A Unix account, looked up in /etc/passwd (the server packages create theirs there).</summary>
internal sealed partial record SystemAccount(string Name, uint UserId, uint GroupId)
{
    public static bool WeAreRoot => Environment.IsPrivilegedProcess;

    public static SystemAccount? Find(string name)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name)
            {
                return new SystemAccount(name, uint.Parse(fields[2]), uint.Parse(fields[3]));
            }
        }
        return null;
    }

    /// <summary>Hands a file or folder to this account (.NET has no chown).</summary>
    public void Own(string path)
    {
        if (Chown(path, UserId, GroupId) != 0)
        {
            throw new IOException($"chown {Name} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);
}
