using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// The <c>actionType</c> values that turn campaigns or sequences on or off (SDK model
/// <c>CampaignRuleAction</c>; docs/genesys-api.md, CONFIRMED). Other action types (priorities,
/// dialing modes, recycling, ...) are data: kept, shown, but they turn nothing on or off.
/// </summary>
public static class RuleActionType
{
    /// <summary>Turns its campaigns on.</summary>
    public const string TurnOnCampaign = "turnOnCampaign";

    /// <summary>Turns its campaigns off.</summary>
    public const string TurnOffCampaign = "turnOffCampaign";

    /// <summary>Turns its sequences on.</summary>
    public const string TurnOnSequence = "turnOnSequence";

    /// <summary>Turns its sequences off.</summary>
    public const string TurnOffSequence = "turnOffSequence";
}

/// <summary>
/// One of a rule's <c>campaignRuleActions[]</c> (SDK model <c>CampaignRuleAction</c> with
/// <c>CampaignRuleActionEntities</c>; shape in tests/fixtures/campaignrule.json).
/// </summary>
public sealed class GenesysCampaignRuleAction
{
    internal GenesysCampaignRuleAction(JsonElement action)
    {
        var entities = DependencyJson.Property(action, "campaignRuleActionEntities");
        Id = DependencyJson.Text(action, "id");
        ActionType = DependencyJson.Text(action, "actionType") ?? string.Empty;
        Campaigns = DependencyJson.References(entities, "campaigns");
        Sequences = DependencyJson.References(entities, "sequences");
        SmsCampaigns = DependencyJson.References(entities, "smsCampaigns");
        EmailCampaigns = DependencyJson.References(entities, "emailCampaigns");
        UseTriggeringEntity = DependencyJson.Bool(entities, "useTriggeringEntity") ?? false;
    }

    /// <summary>The action's id.</summary>
    public string? Id { get; }

    /// <summary><c>actionType</c>: turnOnCampaign, turnOffCampaign, turnOnSequence, turnOffSequence (<see cref="RuleActionType"/>), or another type.</summary>
    public string ActionType { get; }

    /// <summary>The voice campaigns it acts on (<c>campaignRuleActionEntities.campaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> Campaigns { get; }

    /// <summary>The sequences it acts on (<c>campaignRuleActionEntities.sequences</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> Sequences { get; }

    /// <summary>The SMS campaigns it acts on (<c>campaignRuleActionEntities.smsCampaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> SmsCampaigns { get; }

    /// <summary>The email campaigns it acts on (<c>campaignRuleActionEntities.emailCampaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> EmailCampaigns { get; }

    /// <summary><c>useTriggeringEntity</c>: the action also acts on the entity whose condition triggered the rule.</summary>
    public bool UseTriggeringEntity { get; }

    /// <summary>Whether the action is of <paramref name="type"/> (compared without regard to case).</summary>
    public bool Is(string type) => string.Equals(ActionType, type, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => ActionType;
}

/// <summary>
/// An outbound campaign rule (<c>GET /api/v2/outbound/campaignrules</c>, SDK model
/// <c>CampaignRule</c>; shape in tests/fixtures/campaignrule.json): when the conditions on its
/// triggering entities hold, an enabled rule performs its actions, such as turning campaigns or
/// sequences on or off. The fields the module needs are typed; the whole body is kept as the exact
/// JSON that was read, so a later full-body PUT can send every field back.
/// </summary>
public sealed class GenesysCampaignRule : IOutboundObject
{
    private GenesysCampaignRule(string json, string id)
    {
        Json = json;
        Id = id;
    }

    /// <summary>The rule id (a GUID).</summary>
    public string Id { get; }

    /// <summary>The rule name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <inheritdoc />
    public OutboundObjectKind ObjectKind => OutboundObjectKind.CampaignRule;

    /// <summary>The optimistic-concurrency version a PUT must echo (0 when the answer has none).</summary>
    public int Version { get; private set; }

    /// <summary><c>enabled</c>: only an enabled rule acts (absent reads as false).</summary>
    public bool Enabled { get; private set; }

    /// <summary>The voice campaigns whose conditions trigger the rule (<c>campaignRuleEntities.campaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> TriggerCampaigns { get; private set; } = Array.Empty<GenesysEntityRef>();

    /// <summary>The sequences whose conditions trigger the rule (<c>campaignRuleEntities.sequences</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> TriggerSequences { get; private set; } = Array.Empty<GenesysEntityRef>();

    /// <summary>The SMS campaigns whose conditions trigger the rule (<c>campaignRuleEntities.smsCampaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> TriggerSmsCampaigns { get; private set; } = Array.Empty<GenesysEntityRef>();

    /// <summary>The email campaigns whose conditions trigger the rule (<c>campaignRuleEntities.emailCampaigns</c>).</summary>
    public IReadOnlyList<GenesysEntityRef> TriggerEmailCampaigns { get; private set; } = Array.Empty<GenesysEntityRef>();

    /// <summary>Every triggering entity: campaigns, SMS and email campaigns, then sequences.</summary>
    public IReadOnlyList<GenesysEntityRef> TriggeredBy => DependencyJson.Distinct(TriggeringCampaigns.Concat(TriggerSequences));

    /// <summary>The <c>conditionType</c> of each of <c>campaignRuleConditions[]</c> (campaignProgress, campaignAgents, ...), in order.</summary>
    public IReadOnlyList<string> ConditionTypes { get; private set; } = Array.Empty<string>();

    /// <summary><c>campaignRuleActions[]</c>, in order.</summary>
    public IReadOnlyList<GenesysCampaignRuleAction> Actions { get; private set; } = Array.Empty<GenesysCampaignRuleAction>();

    /// <summary>
    /// The campaigns (voice, SMS and email) its <c>turnOnCampaign</c> actions turn on: their own
    /// entities and, for an action with <c>useTriggeringEntity</c>, the triggering campaigns too
    /// (both are taken, so nothing the rule can turn on is missed). Each once, in order.
    /// </summary>
    public IReadOnlyList<GenesysEntityRef> TurnsOnCampaigns => CampaignsOf(RuleActionType.TurnOnCampaign);

    /// <summary>The sequences its <c>turnOnSequence</c> actions turn on (with <c>useTriggeringEntity</c>, the triggering sequences too).</summary>
    public IReadOnlyList<GenesysEntityRef> TurnsOnSequences => SequencesOf(RuleActionType.TurnOnSequence);

    /// <summary>The campaigns its <c>turnOffCampaign</c> actions turn off (with <c>useTriggeringEntity</c>, the triggering campaigns too).</summary>
    public IReadOnlyList<GenesysEntityRef> TurnsOffCampaigns => CampaignsOf(RuleActionType.TurnOffCampaign);

    /// <summary>The sequences its <c>turnOffSequence</c> actions turn off (with <c>useTriggeringEntity</c>, the triggering sequences too).</summary>
    public IReadOnlyList<GenesysEntityRef> TurnsOffSequences => SequencesOf(RuleActionType.TurnOffSequence);

    /// <summary>When the rule was last modified (UTC), when Genesys says.</summary>
    public DateTime? DateModified { get; private set; }

    /// <summary>The exact JSON text that was read.</summary>
    internal string Json { get; }

    private IEnumerable<GenesysEntityRef> TriggeringCampaigns => TriggerCampaigns.Concat(TriggerSmsCampaigns).Concat(TriggerEmailCampaigns);

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    public string ToJson() => Json;

    /// <summary>
    /// Whether the rule acts on a campaign: one of its actions turns the campaign on or off, or turns
    /// on or off a sequence of <paramref name="sequences"/> that contains it; or the campaign (or a
    /// sequence that contains it) is one of the rule's triggering entities. Enabled or not.
    /// </summary>
    public bool ActsOn(string campaignId, IEnumerable<GenesysCampaignSequence> sequences)
    {
        bool Has(IEnumerable<GenesysEntityRef> refs) => refs.Any(r => string.Equals(r.Id, campaignId, StringComparison.OrdinalIgnoreCase));
        var containing = sequences.Where(s => s.Contains(campaignId)).Select(s => s.Id).ToList();
        bool HasSequence(IEnumerable<GenesysEntityRef> refs) => refs.Any(r => containing.Contains(r.Id, StringComparer.OrdinalIgnoreCase));
        return Has(TurnsOnCampaigns) || Has(TurnsOffCampaigns) || Has(TriggeringCampaigns)
            || HasSequence(TurnsOnSequences) || HasSequence(TurnsOffSequences) || HasSequence(TriggerSequences);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads one rule; its raw text is kept byte for byte.</summary>
    /// <exception cref="FormatException">The object has no id.</exception>
    public static GenesysCampaignRule Parse(JsonElement element)
    {
        var entities = DependencyJson.Property(element, "campaignRuleEntities");
        return new GenesysCampaignRule(element.GetRawText(), DependencyJson.RequireId(element, "campaign rule"))
        {
            Name = DependencyJson.Text(element, "name") ?? string.Empty,
            Version = DependencyJson.Int(element, "version") ?? 0,
            Enabled = DependencyJson.Bool(element, "enabled") ?? false,
            TriggerCampaigns = DependencyJson.References(entities, "campaigns"),
            TriggerSequences = DependencyJson.References(entities, "sequences"),
            TriggerSmsCampaigns = DependencyJson.References(entities, "smsCampaigns"),
            TriggerEmailCampaigns = DependencyJson.References(entities, "emailCampaigns"),
            ConditionTypes = DependencyJson.Array(element, "campaignRuleConditions").Select(c => DependencyJson.Text(c, "conditionType")).Where(t => t is not null).Select(t => t!).ToList(),
            Actions = DependencyJson.Array(element, "campaignRuleActions").Where(a => a.ValueKind == JsonValueKind.Object).Select(a => new GenesysCampaignRuleAction(a)).ToList(),
            DateModified = DependencyJson.Date(element, "dateModified"),
        };
    }

    /// <summary>Reads one rule from JSON text.</summary>
    public static GenesysCampaignRule Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    private IReadOnlyList<GenesysEntityRef> CampaignsOf(string type) => DependencyJson.Distinct(Actions.Where(a => a.Is(type)).SelectMany(a =>
        a.Campaigns.Concat(a.SmsCampaigns).Concat(a.EmailCampaigns).Concat(a.UseTriggeringEntity ? TriggeringCampaigns : Enumerable.Empty<GenesysEntityRef>())));

    private IReadOnlyList<GenesysEntityRef> SequencesOf(string type) => DependencyJson.Distinct(Actions.Where(a => a.Is(type)).SelectMany(a =>
        a.Sequences.Concat(a.UseTriggeringEntity ? TriggerSequences : Enumerable.Empty<GenesysEntityRef>())));
}
