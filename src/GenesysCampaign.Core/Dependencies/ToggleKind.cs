using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// A kind of outbound object that is switched on and off by a full-body PUT with its version
/// (docs/genesys-api.md, "What can undo or block a change", CONFIRMED for both): sequences
/// (<c>status</c> on/off) and campaign rules (<c>enabled</c> true/false). Everything the one change
/// engine (<see cref="StateChangeExecutor"/>) needs to know of the kind is here: its path, the field
/// it writes and its values, the state each action leads to, what it refuses, and the permission.
/// Campaigns, written by start/stop endpoints too, are described by <see cref="CampaignKind"/>.
/// A new kind: docs/ARCHITECTURE.md, "Adding a kind of outbound object".
/// </summary>
internal sealed class ToggleKind
{
    /// <summary>Campaign sequences: Suspend sets <c>status</c> to off, Resume to on.</summary>
    public static readonly ToggleKind Sequence = new(
        OutboundObjectKind.Sequence,
        "sequence",
        "outbound:campaignSequence:edit",
        "api/v2/outbound/sequences",
        json => GenesysCampaignSequence.Parse(json),
        o => ((GenesysCampaignSequence)o).Status,
        "status",
        JsonText.String,
        new Dictionary<CampaignAction, string> { [CampaignAction.Suspend] = SequenceStatus.Off, [CampaignAction.Resume] = SequenceStatus.On },
        SequenceRefusal);

    /// <summary>Campaign rules: Disable sets <c>enabled</c> to false, Enable to true.</summary>
    public static readonly ToggleKind CampaignRule = new(
        OutboundObjectKind.CampaignRule,
        "campaign rule",
        "outbound:campaignRule:edit",
        "api/v2/outbound/campaignrules",
        json => GenesysCampaignRule.Parse(json),
        o => ((GenesysCampaignRule)o).Enabled ? RuleState.Enabled : RuleState.Disabled,
        "enabled",
        state => state == RuleState.Enabled ? "true" : "false",
        new Dictionary<CampaignAction, string> { [CampaignAction.Disable] = RuleState.Disabled, [CampaignAction.Enable] = RuleState.Enabled },
        (_, _, _) => null);

    /// <summary>Every toggle kind (declared after them: static fields start in the order written).</summary>
    public static readonly IReadOnlyList<ToggleKind> All = new[] { Sequence, CampaignRule };

    private readonly Func<JsonElement, IOutboundObject> _parse;
    private readonly Func<IOutboundObject, string> _stateOf;
    private readonly Func<string, string> _encode;
    private readonly IReadOnlyDictionary<CampaignAction, string> _targets;
    private readonly Func<IOutboundObject, string, CampaignAction, string?> _refusal;

    private ToggleKind(
        OutboundObjectKind objectKind,
        string noun,
        string editPermission,
        string listPath,
        Func<JsonElement, IOutboundObject> parse,
        Func<IOutboundObject, string> stateOf,
        string field,
        Func<string, string> encode,
        IReadOnlyDictionary<CampaignAction, string> targets,
        Func<IOutboundObject, string, CampaignAction, string?> refusal)
    {
        ObjectKind = objectKind;
        Noun = noun;
        EditPermission = editPermission;
        ListPath = listPath;
        _parse = parse;
        _stateOf = stateOf;
        Field = field;
        _encode = encode;
        _targets = targets;
        _refusal = refusal;
    }

    /// <summary>What the records call it.</summary>
    public OutboundObjectKind ObjectKind { get; }

    /// <summary>The toggle kind of <paramref name="kind"/>, or null for a kind written otherwise (a campaign, a schedule).</summary>
    public static ToggleKind? Of(OutboundObjectKind kind) => All.FirstOrDefault(k => k.ObjectKind == kind);

    /// <summary>What messages call it: <c>sequence</c>, <c>campaign rule</c>.</summary>
    public string Noun { get; }

    /// <summary>The noun with a capital, to start a sentence.</summary>
    public string Capitalized => OutboundKinds.Noun(ObjectKind, capital: true);

    /// <summary>The permission the PUT needs.</summary>
    public string EditPermission { get; }

    /// <summary>The paged list (GET), relative to the API base (docs/genesys-api.md, CONFIRMED).</summary>
    public string ListPath { get; }

    /// <summary>The API path of one object (GET and PUT), from its id (escaped here).</summary>
    public string ItemPath(string id) => $"{ListPath}/{Uri.EscapeDataString(id)}";

    /// <summary>The top-level field the change writes: <c>status</c>, <c>enabled</c>.</summary>
    public string Field { get; }

    /// <summary>The actions this kind takes, in the order the cmdlets name them.</summary>
    public IEnumerable<CampaignAction> Actions => _targets.Keys;

    /// <summary>Reads one object of this kind from its JSON.</summary>
    /// <exception cref="FormatException">It has no id.</exception>
    public IOutboundObject Parse(JsonElement element) => _parse(element);

    /// <summary>
    /// Its state as records show it: a sequence's <c>status</c> (on, off, complete, or a newer value);
    /// a rule's <c>enabled</c> as <c>enabled</c> or <c>disabled</c>.
    /// </summary>
    public string StateOf(IOutboundObject item) => _stateOf(item);

    /// <summary>The state <paramref name="action"/> leads to.</summary>
    /// <exception cref="ArgumentException">This kind does not take the action.</exception>
    public string TargetOf(CampaignAction action) =>
        _targets.TryGetValue(action, out var target) ? target : throw new ArgumentException($"A {Noun} cannot be given {action}; it takes {string.Join(" or ", Actions)}.", nameof(action));

    /// <summary>The PUT body: the object exactly as read, with only <see cref="Field"/> set to what <paramref name="state"/> means.</summary>
    public string BodyWith(IOutboundObject item, string state) => CampaignBody.WithProperty(item.ToJson(), Field, BodyValue(state));

    /// <summary>The JSON value of <see cref="Field"/> that means <paramref name="state"/>: <c>"off"</c>, <c>false</c>.</summary>
    public string BodyValue(string state) => _encode(state);

    /// <summary>Why the kind refuses <paramref name="action"/> of <paramref name="item"/> in <paramref name="state"/> without -Force (null: it does not).</summary>
    public string? RefusalOf(IOutboundObject item, string state, CampaignAction action) => _refusal(item, state, action);

    /// <inheritdoc />
    public override string ToString() => Noun;

    private static string? SequenceRefusal(IOutboundObject item, string state, CampaignAction action)
    {
        if (state == SequenceStatus.Complete)
        {
            // What Genesys does with a complete sequence set on is not documented: it may start again
            // from its first campaign. The user must mean it.
            return $"Sequence '{item.Name}' is complete; turning it on may run its campaigns again from the first. Use -Force to turn it on.";
        }

        return SequenceStatus.All.Contains(state)
            ? null
            : $"Sequence '{item.Name}' is in status '{state}', which this module does not know; nothing was sent. Use -Force to {action.ToString().ToLowerInvariant()} it anyway.";
    }
}

/// <summary>How records show a campaign rule's <c>enabled</c>.</summary>
public static class RuleState
{
    /// <summary><c>enabled: true</c>: the rule acts when its conditions hold.</summary>
    public const string Enabled = "enabled";

    /// <summary><c>enabled: false</c>.</summary>
    public const string Disabled = "disabled";
}
