using System;
using System.Collections.Generic;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Where each object was given to a cmdlet that collects its whole pipeline (by id or as an object),
/// and where the first -Name came: the objects are handled, and their errors written, in that order.
/// </summary>
internal sealed class InputOrder
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
    private int? _namesAt;
    private int _given;

    /// <summary>An object given by id (trimmed) or as itself; the first place counts.</summary>
    public void Place(string id)
    {
        if (!_positions.ContainsKey(id))
        {
            _positions[id] = _given;
        }

        _given++;
    }

    /// <summary>-Name given: the objects found by name take its first place.</summary>
    public void PlaceNames() => _namesAt ??= _given++;

    /// <summary>Where an object (by id, trimmed) was given: its own place, else where -Name came, else first.</summary>
    public int PositionOf(string id) => _positions.TryGetValue(id.Trim(), out var at) ? at : _namesAt ?? -1;
}
