using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>The <c>status</c> values of a campaign sequence (SDK model <c>CampaignSequence</c>: only these three). Others are data.</summary>
public static class SequenceStatus
{
    /// <summary>Running: it turns its campaigns on one after another.</summary>
    public const string On = "on";

    /// <summary>Stopped (by hand, or because a campaign could not be started: see <c>stopMessage</c>).</summary>
    public const string Off = "off";

    /// <summary>Every campaign has completed (and <c>repeat</c> is false).</summary>
    public const string Complete = "complete";

    /// <summary>Every documented value, for completion and the unknown-value warning.</summary>
    public static readonly string[] All = { On, Off, Complete };
}

/// <summary>
/// An outbound campaign sequence (<c>GET /api/v2/outbound/sequences</c>, SDK model
/// <c>CampaignSequence</c>; shape in tests/fixtures/sequence.json): campaigns a running sequence
/// turns on one after another. The fields the module needs are typed; the whole body is kept as
/// the exact JSON that was read, so a later full-body PUT can send every field back.
/// </summary>
public sealed class GenesysCampaignSequence : IOutboundObject
{
    private GenesysCampaignSequence(string json, string id)
    {
        Json = json;
        Id = id;
    }

    /// <summary>The sequence id (a GUID).</summary>
    public string Id { get; }

    /// <summary>The sequence name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <inheritdoc />
    public OutboundObjectKind ObjectKind => OutboundObjectKind.Sequence;

    /// <summary>The optimistic-concurrency version a PUT must echo (0 when the answer has none).</summary>
    public int Version { get; private set; }

    /// <summary><c>status</c>: on, off, complete (<see cref="SequenceStatus"/>), or a value newer than this module.</summary>
    public string Status { get; private set; } = string.Empty;

    /// <summary><c>campaigns[]</c>: the campaigns in the order the sequence runs them.</summary>
    public IReadOnlyList<GenesysEntityRef> Campaigns { get; private set; } = Array.Empty<GenesysEntityRef>();

    /// <summary>
    /// <c>currentCampaign</c>: the zero-based index into <see cref="Campaigns"/> of the campaign the
    /// sequence is on (the SDK types it as an integer; read-only in the Java SDK). Null when absent.
    /// </summary>
    public int? CurrentCampaign { get; private set; }

    /// <summary>The campaign <see cref="CurrentCampaign"/> points at; null when absent or out of range.</summary>
    public GenesysEntityRef? Current => CurrentCampaign is { } index && index >= 0 && index < Campaigns.Count ? Campaigns[index] : null;

    /// <summary><c>repeat</c>: after the last campaign completes, start again from the first.</summary>
    public bool Repeat { get; private set; }

    /// <summary><c>stopMessage</c>: why the sequence stopped by itself, when it did (read-only in the Java SDK).</summary>
    public string? StopMessage { get; private set; }

    /// <summary>When the sequence was last modified (UTC), when Genesys says.</summary>
    public DateTime? DateModified { get; private set; }

    /// <summary>The exact JSON text that was read.</summary>
    internal string Json { get; }

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    public string ToJson() => Json;

    /// <summary>Whether <paramref name="campaignId"/> is one of the sequence's campaigns (ids compared without regard to case).</summary>
    public bool Contains(string campaignId) => Campaigns.Any(c => string.Equals(c.Id, campaignId, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads one sequence; its raw text is kept byte for byte.</summary>
    /// <exception cref="FormatException">The object has no id.</exception>
    public static GenesysCampaignSequence Parse(JsonElement element)
    {
        var sequence = new GenesysCampaignSequence(element.GetRawText(), DependencyJson.RequireId(element, "sequence"));
        sequence.Name = DependencyJson.Text(element, "name") ?? string.Empty;
        sequence.Version = DependencyJson.Int(element, "version") ?? 0;
        sequence.Status = DependencyJson.Text(element, "status") ?? string.Empty;
        sequence.Campaigns = DependencyJson.References(element, "campaigns");
        sequence.CurrentCampaign = DependencyJson.Int(element, "currentCampaign");
        sequence.Repeat = DependencyJson.Bool(element, "repeat") ?? false;
        sequence.StopMessage = DependencyJson.Text(element, "stopMessage");
        sequence.DateModified = DependencyJson.Date(element, "dateModified");
        return sequence;
    }

    /// <summary>Reads one sequence from JSON text.</summary>
    public static GenesysCampaignSequence Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }
}
