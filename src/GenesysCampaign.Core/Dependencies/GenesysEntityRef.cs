namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// A reference from one outbound object to another: Genesys's <c>DomainEntityRef</c>,
/// <c>{id, name, selfUri}</c> (tests/fixtures/README.md), read as its id and name. A reference
/// given as a bare id string (seen in older payloads; the module reads it alike) has no name.
/// </summary>
public sealed class GenesysEntityRef
{
    /// <summary>Creates a reference.</summary>
    public GenesysEntityRef(string id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The referenced object's id (a GUID in Genesys).</summary>
    public string Id { get; }

    /// <summary>Its name, when the reference carries one.</summary>
    public string? Name { get; }

    /// <summary>The name, else the id.</summary>
    public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
}
