namespace GenesysCampaign.Tests;

/// <summary>
/// Temporary folders of a test run (audit logs, emitted assemblies): all under one folder per test
/// process, which is removed when the process exits.
/// </summary>
internal static class TestFiles
{
    private static readonly string Root = CreateRoot();

    /// <summary>A new empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string NewFolder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root, prefix + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The path of an audit log not yet written, alone in a new folder (its lock file goes beside it).</summary>
    public static string NewAuditPath(string prefix) => Path.Combine(NewFolder(prefix), "audit.jsonl");

    /// <summary>A file of the repository (tests/fixtures/..., contract/...), found from the test assembly's folder upwards.</summary>
    public static string InRepository(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "genesys-api.md")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? ".", .. parts]);
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gc-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file some test still holds open: the system's temporary folder cleans up after it.
            }
        };
        return root;
    }
}
