using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Serves the module's <c>dependencies</c> folder on Windows PowerShell 5.1, which has no load
/// contexts: an <see cref="AppDomain.AssemblyResolve"/> handler, and the whole process shares it. So
/// it answers only for assemblies the folder ships, by name and version: a reference from one of
/// the module's own assemblies gets the shipped copy when it asks for that version or an older one
/// (as a binding redirect would); a request from anyone else (another module, such as Az.Accounts
/// with its own resolver, or Assembly.Load by name) only for exactly the version shipped. Removed
/// with the module (<see cref="ModuleInitializer.OnRemove"/>).
/// </summary>
internal sealed class DependencyResolver
{
    private readonly string _folder;
    private readonly Dictionary<string, (Version Version, string Path)> _shipped = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the name and version of every assembly in <paramref name="folder"/>.</summary>
    public DependencyResolver(string folder)
    {
        _folder = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        foreach (var path in Directory.GetFiles(_folder, "*.dll"))
        {
            try
            {
                var name = AssemblyName.GetAssemblyName(path);
                if (name.Name is not null && name.Version is not null)
                {
                    _shipped[name.Name] = (name.Version, path);
                }
            }
            catch (Exception ex) when (ex is BadImageFormatException or IOException)
            {
                // Not a managed assembly (a native library): nothing to resolve to.
            }
        }
    }

    /// <summary>
    /// The file to load for <paramref name="requested"/>, or null when the request is not this
    /// module's to answer (another version, another module's, an assembly not shipped).
    /// </summary>
    public string? Resolve(AssemblyName requested, Assembly? requesting)
    {
        if (requested.Name is null || requested.Version is null || !_shipped.TryGetValue(requested.Name, out var shipped) || requested.Version > shipped.Version)
        {
            return null;
        }

        return IsOurs(requesting) || requested.Version == shipped.Version ? shipped.Path : null;
    }

    /// <summary>The <see cref="AppDomain.AssemblyResolve"/> handler.</summary>
    public Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args) =>
        Resolve(new AssemblyName(args.Name), args.RequestingAssembly) is { } path ? Assembly.LoadFrom(path) : null;

    /// <summary>The cmdlets' assembly, or one loaded from the dependencies folder.</summary>
    private bool IsOurs(Assembly? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        if (assembly == typeof(DependencyResolver).Assembly)
        {
            return true;
        }

        var location = assembly.IsDynamic ? string.Empty : assembly.Location;
        return location.Length > 0 && string.Equals(Path.GetDirectoryName(location), _folder, StringComparison.OrdinalIgnoreCase);
    }
}
