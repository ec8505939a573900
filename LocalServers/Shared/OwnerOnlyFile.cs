namespace StrategyPlatform.LocalServers;

internal static class OwnerOnlyFile
{
    /// <summary>Writes a file only its owner can read (0600), creating or replacing it.</summary>
    public static void Write(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(content);
        }
        // UnixCreateMode applies only when the file is new.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
