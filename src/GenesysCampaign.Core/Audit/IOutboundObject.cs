namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// An outbound object as read from Genesys, whatever its kind: what the change engine and its
/// records need of it. Its whole body is kept as read, so a full-body PUT can send every field back.
/// </summary>
public interface IOutboundObject
{
    /// <summary>What it is.</summary>
    OutboundObjectKind ObjectKind { get; }

    /// <summary>Its id (a GUID).</summary>
    string Id { get; }

    /// <summary>Its name.</summary>
    string Name { get; }

    /// <summary>The optimistic-concurrency version a PUT must echo.</summary>
    int Version { get; }

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    string ToJson();
}
