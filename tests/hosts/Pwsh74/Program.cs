// A PowerShell 7.4 host for the tests: the module must load and work on pwsh 7.4 (Azure Automation's
// "PowerShell 7.4" runtime), whose .NET 8 and shared assemblies differ from the pwsh 7.6 installed here.
// Main is pwsh's own entry point, so -NoProfile, -File and -Command behave as they do in pwsh.
namespace GenesysCampaign.TestHosts;

internal static class Program
{
    private static int Main(string[] args) => Microsoft.PowerShell.ConsoleShell.Start(null, null, args);
}
