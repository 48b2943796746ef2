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
    /// Polyfills of types the cmdlets and the Core pass to each other (IAsyncEnumerable, Span, ...).
    /// On .NET they are the framework's own types, so both sides must take the framework's: a private
    /// copy would make "the same" type two types, and calls across would fail.
    /// </summary>
    private static readonly HashSet<string> SharedWithHost = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Bcl.AsyncInterfaces", "System.Buffers", "System.Memory", "System.Numerics.Vectors",
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
