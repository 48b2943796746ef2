using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Runs at Import-Module: points the runtime at the module's <c>dependencies</c> folder. On
/// PowerShell 7 that folder loads into an AssemblyLoadContext of its own (GenesysCampaign.LoadContext);
/// on Windows PowerShell 5.1, which has no load contexts, a resolver serves it
/// (<see cref="DependencyResolver"/>), removed again at Remove-Module. Nothing else runs at import,
/// so importing stays fast.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static bool _installed;
    private static ResolveEventHandler? _resolver;

    /// <summary>
    /// Refuses a host the module cannot run on (<see cref="HostSupport"/>) with an error that names the
    /// minimum, then installs the load context (PowerShell 7) or the resolver (5.1).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">PowerShell 6 to 7.3 (.NET older than 8).</exception>
    public void OnImport()
    {
        var powerShell = typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split(' ')[0] ?? "(unknown)";
        if (HostSupport.Refusal(RuntimeInformation.FrameworkDescription, Environment.Version, powerShell) is { } refusal)
        {
            throw new PlatformNotSupportedException(refusal);
        }

        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            _installed = true;
        }

        var folder = Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");
        if (!Directory.Exists(folder))
        {
            return; // Hosted from a build folder (tests): everything sits beside the cmdlets.
        }

        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            InstallResolver(folder);
            return;
        }

        var loader = Assembly.LoadFrom(Path.Combine(folder, "GenesysCampaign.LoadContext.dll"));
        loader.GetType("GenesysCloud.Outbound.LoadContext.DependencyLoadContext", throwOnError: true)!
            .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, new object[] { folder });
    }

    /// <summary>The 5.1 way: a resolver for the dependencies folder (see <see cref="DependencyResolver"/>).</summary>
    internal static void InstallResolver(string folder)
    {
        lock (Gate)
        {
            _resolver = new DependencyResolver(folder).OnAssemblyResolve;
            AppDomain.CurrentDomain.AssemblyResolve += _resolver;
        }
    }

    /// <summary>
    /// Runs at Remove-Module: takes the 5.1 resolver out of the process, so it cannot answer for
    /// other modules once this one is gone (an import after this installs it again). The load
    /// context of PowerShell 7 answers only for GenesysCampaign.Core and stays, as loaded assemblies do.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_resolver is not null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= _resolver;
                _resolver = null;
                _installed = false;
            }
        }
    }
}
