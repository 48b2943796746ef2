using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Runs at Import-Module: points the runtime at the module's <c>dependencies</c> folder. On
/// PowerShell 7 that folder loads into an AssemblyLoadContext of its own (GenesysCampaign.LoadContext);
/// on Windows PowerShell 5.1, which has no load contexts, a resolver serves it. Nothing else runs at
/// import, so importing stays fast.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static readonly object Gate = new();
    private static bool _installed;

    /// <inheritdoc />
    public void OnImport()
    {
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
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            {
                var path = Path.Combine(folder, new AssemblyName(args.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
            return;
        }

        var loader = Assembly.LoadFrom(Path.Combine(folder, "GenesysCampaign.LoadContext.dll"));
        loader.GetType("GenesysCloud.Outbound.LoadContext.DependencyLoadContext", throwOnError: true)!
            .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, new object[] { folder });
    }
}
