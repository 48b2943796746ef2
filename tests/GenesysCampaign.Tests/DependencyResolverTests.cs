using System.Reflection;
using System.Reflection.Emit;
using GenesysCloud.Outbound.PowerShell.Infrastructure;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 10, point 4: the Windows PowerShell 5.1 resolver answers only for what the module's
/// dependencies folder ships, by name and version, and leaves the process with the module. Its
/// rules run here on .NET, where AppDomain.AssemblyResolve is raised too (after the load contexts).
/// </summary>
public sealed class DependencyResolverTests
{
    private static readonly Version Shipped = new(2, 0, 0, 0);

    [Fact]
    public void It_answers_by_name_and_version_and_redirects_only_the_modules_own_references()
    {
        var folder = TestFiles.NewFolder("gc-deps-");
        var probe = EmitAssembly(folder, "GcResolverProbe", Shipped);
        var resolver = new DependencyResolver(folder);
        var ours = typeof(ModuleInitializer).Assembly;
        var theirs = typeof(Assert).Assembly;

        Assert.Equal(probe, resolver.Resolve(Name("GcResolverProbe", "1.0.0.0"), ours));      // the module's own reference, redirected up
        Assert.Equal(probe, resolver.Resolve(Name("GcResolverProbe", "2.0.0.0"), theirs));    // exactly what is shipped
        Assert.Equal(probe, resolver.Resolve(Name("GcResolverProbe", "2.0.0.0"), null));
        Assert.Null(resolver.Resolve(Name("GcResolverProbe", "1.0.0.0"), theirs));            // another module's older version: its own business
        Assert.Null(resolver.Resolve(Name("GcResolverProbe", "1.0.0.0"), null));
        Assert.Null(resolver.Resolve(Name("GcResolverProbe", "3.0.0.0"), ours));              // newer than shipped: cannot serve it
        Assert.Null(resolver.Resolve(new AssemblyName("GcResolverProbe"), ours));             // no version: not by name alone
        Assert.Null(resolver.Resolve(Name("Newtonsoft.Json", "13.0.0.0"), ours));             // not shipped
    }

    [Fact]
    public void Remove_Module_takes_the_resolver_out_of_the_process()
    {
        var folder = TestFiles.NewFolder("gc-deps-");
        EmitAssembly(folder, "GcResolverProbeBefore", Shipped);
        EmitAssembly(folder, "GcResolverProbeAfter", Shipped);

        ModuleInitializer.InstallResolver(folder);
        try
        {
            Assert.Equal("GcResolverProbeBefore", Assembly.Load(Name("GcResolverProbeBefore", "2.0.0.0")).GetName().Name);
        }
        finally
        {
            new ModuleInitializer().OnRemove(null!);
        }

        Assert.Throws<FileNotFoundException>(() => Assembly.Load(Name("GcResolverProbeAfter", "2.0.0.0")));
    }

    private static AssemblyName Name(string name, string version) => new(name) { Version = Version.Parse(version) };

    /// <summary>Writes a tiny assembly of that name and version into the folder.</summary>
    private static string EmitAssembly(string folder, string name, Version version)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
        builder.DefineDynamicModule(name).DefineType(name + ".Probe", TypeAttributes.Public).CreateType();
        var path = Path.Combine(folder, name + ".dll");
        builder.Save(path);
        return path;
    }
}
