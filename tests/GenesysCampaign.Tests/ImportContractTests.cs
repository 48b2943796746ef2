using System.Management.Automation;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 19, the import contract (docs/ARCHITECTURE.md, "The import contract"): PowerShell loads the
/// cmdlet assembly into its default load context and lists its public types before the module's
/// initializer installs the load context (PowerShell 7) or the resolver (5.1). So the cmdlet
/// assembly may name only netstandard, PowerShell and the module's own Core; Polly, System.Text.Json
/// and Microsoft.Bcl.AsyncInterfaces are reached only through Core, in the module's load context,
/// whatever versions the host holds (pwsh 7.4 holds AsyncInterfaces 8.0.0.0, 5.1 none).
/// </summary>
public sealed class ImportContractTests
{
    private static readonly string CmdletAssembly = typeof(GenesysCloud.Outbound.PowerShell.Infrastructure.ModuleInitializer).Assembly.Location;

    [Fact]
    public void The_cmdlet_assembly_references_only_netstandard_PowerShell_and_the_modules_Core()
    {
        using var stream = File.OpenRead(CmdletAssembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(new[] { "GenesysCampaign.Core", "System.Management.Automation", "netstandard" }, references);
    }

    [Fact]
    public void Its_types_list_where_only_dotnet_and_PowerShell_are_reachable()
    {
        // What Import-Module does before OnImport: load the assembly, list its public types and read
        // their Cmdlet attributes, with nothing of the module's dependencies reachable (as on 5.1, or
        // on a pwsh whose own copies are too old to bind to).
        var context = new HostWithoutDependencies();
        var assembly = context.LoadFromAssemblyPath(CmdletAssembly);

        var types = assembly.GetExportedTypes();
        var cmdlets = types.Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), inherit: false).Length > 0).ToList();

        Assert.Empty(context.Refused);
        Assert.Contains(cmdlets, t => t.Name == "SuspendGenesysCampaignCommand");
        Assert.Contains(types, t => t.Name == "CampaignNameCompleter");
        Assert.Equal(17, cmdlets.Count);
    }

    /// <summary>
    /// A load context that reaches .NET itself and PowerShell (from the default context) and refuses
    /// everything else: the module's own dependencies, and the package assemblies that a host may or
    /// may not have (System.Text.Json, Microsoft.Bcl.AsyncInterfaces).
    /// </summary>
    private sealed class HostWithoutDependencies : AssemblyLoadContext
    {
        private static readonly string Framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        private static readonly HashSet<string> NotEverywhere = new(StringComparer.OrdinalIgnoreCase) { "System.Text.Json", "Microsoft.Bcl.AsyncInterfaces" };

        public HostWithoutDependencies()
            : base("ImportContractTests", isCollectible: true)
        {
        }

        public List<string> Refused { get; } = new();

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;
            var isDotnet = File.Exists(Path.Combine(Framework, name + ".dll")) && !NotEverywhere.Contains(name);
            if (isDotnet || name == "System.Management.Automation")
            {
                return null; // The default context's copy, as PowerShell's own.
            }

            Refused.Add(assemblyName.FullName);
            throw new FileNotFoundException($"Not reachable before the module's initializer runs: {assemblyName.FullName}");
        }
    }
}
