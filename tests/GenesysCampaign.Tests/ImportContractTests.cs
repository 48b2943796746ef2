using System.Management.Automation;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using GenesysCloud.Outbound.PowerShell.Infrastructure;
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
    private static readonly string CmdletAssembly = typeof(ModuleInitializer).Assembly.Location;

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
        Assert.Equal(19, cmdlets.Count);
    }

    [Theory]
    [InlineData(".NET Framework 4.8.9290.0", "4.0.30319.42000", "5.1.22621.4391")]
    [InlineData(".NET 8.0.34", "8.0.34", "7.4.22")]
    [InlineData(".NET 10.0.12", "10.0.12", "7.6.9")]
    public void Windows_PowerShell_5_1_and_PowerShell_7_4_or_later_are_hosts(string framework, string runtime, string powerShell) =>
        Assert.Null(HostSupport.Refusal(framework, Version.Parse(runtime), powerShell));

    [Theory]
    [InlineData(".NET 6.0.36", "6.0.36", "7.2.24")]
    [InlineData(".NET 7.0.20", "7.0.20", "7.3.12")]
    public void PowerShell_7_2_and_7_3_are_refused_at_import_naming_the_minimum(string framework, string runtime, string powerShell)
    {
        var refusal = HostSupport.Refusal(framework, Version.Parse(runtime), powerShell);

        Assert.NotNull(refusal);
        Assert.Contains("needs PowerShell 7.4 or later", refusal, StringComparison.Ordinal);
        Assert.Contains("Windows PowerShell 5.1", refusal, StringComparison.Ordinal);
        Assert.Contains($"This is PowerShell {powerShell} on .NET {runtime}", refusal, StringComparison.Ordinal);
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
