using System;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Which hosts the module runs on, checked at import (<see cref="ModuleInitializer.OnImport"/>): Windows
/// PowerShell 5.1 (.NET Framework), and PowerShell 7.4 or later (.NET 8 or later). PowerShell 7.2 (.NET 6)
/// and 7.3 (.NET 7) pass the manifest, whose PowerShellVersion is 5.1 for Windows PowerShell, but cannot
/// load the module's load context (GenesysCampaign.LoadContext targets net8.0): they are refused with
/// this message rather than a FileLoadException. Azure Automation's system "PowerShell 7.2" runtime is
/// one of them (README, "Hosts").
/// </summary>
internal static class HostSupport
{
    /// <summary>The oldest .NET the module's load context loads on: .NET 8, PowerShell 7.4's.</summary>
    public static readonly Version MinimumDotnet = new(8, 0);

    /// <summary>
    /// Null when the host can run the module; else why not, naming the minimum. <paramref name="framework"/>
    /// is <c>RuntimeInformation.FrameworkDescription</c>, <paramref name="runtime"/> <c>Environment.Version</c>,
    /// <paramref name="powerShell"/> PowerShell's version as System.Management.Automation's informational version gives it
    /// (its assembly version lags: 7.4.6 in pwsh 7.4.22).
    /// </summary>
    public static string? Refusal(string framework, Version runtime, string powerShell)
    {
        if (framework.StartsWith(".NET Framework", StringComparison.Ordinal) || runtime >= MinimumDotnet)
        {
            return null;
        }

        return $"GenesysCampaign needs PowerShell 7.4 or later (on .NET 8 or later), or Windows PowerShell 5.1. This is PowerShell {powerShell} on .NET {runtime}. "
            + "Start it in pwsh 7.4 or later, or in powershell.exe 5.1; in Azure Automation, use a runtime environment of PowerShell 7.4 or 5.1.";
    }
}
