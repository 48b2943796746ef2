using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace GenesysCloud.Outbound.LoadContext;

/// <summary>
/// Loads GenesysCampaign.Core and everything it needs (Polly, System.Text.Json, ...) from the
/// module's <c>dependencies</c> folder into a load context of its own, so another module's copy of
/// the same assembly, in another version, never meets ours.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private const string EntryAssembly = "GenesysCampaign.Core";

    /// <summary>
    /// Polyfills that are part of .NET itself (Span, Memory, ValueTask, ...): on .NET 8 and later the
    /// framework's copy is at least as new as any package build, so the framework's is taken.
    /// Microsoft.Bcl.AsyncInterfaces is not among them: it is no framework assembly, pwsh ships a copy
    /// of its own version (5.0.0.0 in 7.4.0, 8.0.0.0 in 7.4.2 and later, 10.0.0.14 in 7.6.9), and the
    /// System.Text.Json we ship needs ours. No IAsyncEnumerable crosses to the cmdlets, so our copy
    /// stays in here (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    private static readonly HashSet<string> SharedWithHost = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Buffers", "System.Memory", "System.Numerics.Vectors",
        "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions",
    };
    private static readonly object Gate = new();
    private static DependencyLoadContext? _instance;
    private readonly string _folder;

    private DependencyLoadContext(string folder)
        : base("GenesysCampaign", isCollectible: false) => _folder = folder;

    /// <summary>The one context of this process, once installed.</summary>
    public static DependencyLoadContext? Instance => _instance;

    /// <summary>
    /// Installs the context: the default context, failing to find GenesysCampaign.Core beside the
    /// cmdlets, asks here, and from then on the Core's own references resolve here first.
    /// Called once per process by the module's initializer (reflection, as the cmdlets target netstandard2.0).
    /// </summary>
    public static void Install(string folder)
    {
        lock (Gate)
        {
            if (_instance is not null)
            {
                return;
            }

            _instance = new DependencyLoadContext(folder);
            Default.Resolving += (_, name) =>
                string.Equals(name.Name, EntryAssembly, StringComparison.OrdinalIgnoreCase) ? _instance.LoadFromAssemblyName(name) : null;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Ours first; anything we do not ship (the framework itself) comes from the default context.
        if (assemblyName.Name is null || SharedWithHost.Contains(assemblyName.Name))
        {
            return null;
        }

        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
