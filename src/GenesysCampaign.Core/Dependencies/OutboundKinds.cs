using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// One kind of outbound object, a row of <see cref="OutboundKinds"/>: what messages and error ids call
/// it and, for a kind of schedule, where its list is, what it schedules and the permissions each call
/// needs. How campaigns are written is in <see cref="CampaignKind"/>, sequences and rules in
/// <see cref="ToggleKind"/>; this row is what every kind has, and what a schedule is.
/// </summary>
internal sealed class OutboundKind
{
    internal OutboundKind(OutboundObjectKind objectKind, string noun, string idPart)
    {
        ObjectKind = objectKind;
        Noun = noun;
        IdPart = idPart;
    }

    /// <summary>What the records call it.</summary>
    public OutboundObjectKind ObjectKind { get; }

    /// <summary>What messages call it: <c>campaign</c>, <c>sequence</c>, <c>campaign rule</c>, <c>email campaign schedule</c>, ...</summary>
    public string Noun { get; }

    /// <summary>The noun with a capital, to start a sentence.</summary>
    public string Capitalized => char.ToUpperInvariant(Noun[0]) + Noun.Substring(1);

    /// <summary>
    /// Its part of an error record id (<c>Campaign</c>NotFound, Invalid<c>CampaignSequence</c>Id,
    /// <c>EmailCampaignSchedule</c>PermissionDenied): scripts match these, so a row never changes its part.
    /// </summary>
    public string IdPart { get; }

    /// <summary>For a kind of schedule, which (<see cref="Dependencies.ScheduleKind"/>); null for the others.</summary>
    public ScheduleKind? ScheduleKind { get; private init; }

    /// <summary>Whether it is a kind of schedule (removed by -Hold, put back by Undo from the body its removal kept).</summary>
    public bool IsSchedule => ScheduleKind is not null;

    /// <summary>A schedule's list, relative to the API base; a schedule is at <see cref="ItemPath"/>.</summary>
    public string ListPath { get; private init; } = string.Empty;

    /// <summary>Whether a schedule list answers a bare array (campaign and sequence schedules) rather than an entity listing.</summary>
    public bool ListIsBareArray { get; private init; }

    /// <summary>The property of a schedule that references what it schedules: <c>campaign</c>, <c>emailCampaign</c>, <c>whatsAppCampaign</c>, ...</summary>
    public string TargetProperty { get; private init; } = string.Empty;

    /// <summary>What a schedule of this kind schedules: a campaign or a sequence.</summary>
    public OutboundObjectKind Target { get; private init; }

    /// <summary>The media types of the campaigns a schedule of this kind may schedule (none for a sequence schedule).</summary>
    public IReadOnlyList<CampaignMediaType> MediaTypes { get; private init; } = Array.Empty<CampaignMediaType>();

    /// <summary>The permissions that let a schedule be read (any one of them; SDK, ../shared/contract scheduleKinds).</summary>
    public IReadOnlyList<string> ViewPermissions { get; private init; } = Array.Empty<string>();

    /// <summary>The permissions that let a schedule be put (back) (any one of them).</summary>
    public IReadOnlyList<string> EditPermissions { get; private init; } = Array.Empty<string>();

    /// <summary>The permissions that let a schedule be deleted (any one of them).</summary>
    public IReadOnlyList<string> DeletePermissions { get; private init; } = Array.Empty<string>();

    /// <summary>
    /// A schedule, addressed by the id of what it schedules (CONFIRMED: the SDK's path parameter is
    /// <c>campaignId</c>, <c>sequenceId</c>, <c>messagingCampaignId</c>, <c>emailCampaignId</c>, <c>whatsAppCampaignId</c>).
    /// </summary>
    public string ItemPath(string targetId) => $"{ListPath}/{Uri.EscapeDataString(targetId)}";

    /// <summary><paramref name="message"/>, then what to give the role: any one of <paramref name="permissions"/> (one of this row's lists). No closing stop.</summary>
    public static string WithRoleHint(string message, IReadOnlyList<string> permissions) =>
        $"{message.TrimEnd().TrimEnd('.')}. Give the OAuth client's role {permissions[0]} (or {permissions[1]})";

    /// <summary>Whether a schedule of this kind may schedule <paramref name="campaign"/>.</summary>
    public bool MaySchedule(GenesysCampaign campaign) => Target == OutboundObjectKind.Campaign && MediaTypes.Contains(campaign.MediaType);

    /// <inheritdoc />
    public override string ToString() => Noun;

    private static string[] Permissions(string call, params string[] patterns) =>
        patterns.Select(p => string.Format(CultureInfo.InvariantCulture, p, call)).ToArray();

    /// <summary>
    /// A kind of schedule. Its permissions are the SDK's two of each call, from two patterns in which
    /// <c>{0}</c> is <c>view</c>, <c>edit</c> or <c>delete</c> (<c>outbound:schedule:{0}</c>,
    /// <c>outbound:campaign:{0}Schedule</c>): they do not follow one rule across the kinds.
    /// </summary>
    internal static OutboundKind Schedule(
        ScheduleKind kind,
        OutboundObjectKind objectKind,
        string noun,
        string segment,
        string targetProperty,
        OutboundObjectKind target,
        string permission,
        string otherPermission,
        bool bareArray,
        params CampaignMediaType[] mediaTypes) =>
        new(objectKind, noun, objectKind.ToString())
        {
            ScheduleKind = kind,
            ListPath = "api/v2/outbound/schedules/" + segment,
            ListIsBareArray = bareArray,
            TargetProperty = targetProperty,
            Target = target,
            MediaTypes = mediaTypes,
            ViewPermissions = Permissions("view", permission, otherPermission),
            EditPermissions = Permissions("edit", permission, otherPermission),
            DeletePermissions = Permissions("delete", permission, otherPermission),
        };
}

/// <summary>
/// Every kind of outbound object the module changes or reads for what can undo a change, one row each
/// (docs/ARCHITECTURE.md, "Adding a kind of outbound object"). Schedules are the rows with a
/// <see cref="OutboundKind.ScheduleKind"/>: the dependency check, -Hold, Undo, Get-GenesysCampaignSchedule
/// and the records loop over them. Paths, target fields and permissions of the schedules are the SDK's
/// (../shared/contract/outbound-api.json, <c>scheduleKinds</c>; a test holds the rows to it).
/// </summary>
internal static class OutboundKinds
{
    /// <summary>Every row, in the order of <see cref="OutboundObjectKind"/>.</summary>
    public static IReadOnlyList<OutboundKind> All { get; } = new[]
    {
        new OutboundKind(OutboundObjectKind.Campaign, "campaign", "Campaign"),
        new OutboundKind(OutboundObjectKind.Sequence, "sequence", "CampaignSequence"),
        new OutboundKind(OutboundObjectKind.CampaignRule, "campaign rule", "CampaignRule"),
        OutboundKind.Schedule(
            Dependencies.ScheduleKind.Campaign, OutboundObjectKind.CampaignSchedule, "campaign schedule", "campaigns", "campaign",
            OutboundObjectKind.Campaign, "outbound:schedule:{0}", "outbound:campaign:{0}Schedule", bareArray: true, CampaignMediaType.Voice),
        OutboundKind.Schedule(
            Dependencies.ScheduleKind.Sequence, OutboundObjectKind.SequenceSchedule, "sequence schedule", "sequences", "sequence",
            OutboundObjectKind.Sequence, "outbound:schedule:{0}", "outbound:campaignSequenceSchedule:{0}", bareArray: true),
        OutboundKind.Schedule(
            Dependencies.ScheduleKind.MessagingCampaign, OutboundObjectKind.MessagingCampaignSchedule, "messaging campaign schedule", "messagingcampaigns", "messagingCampaign",
            OutboundObjectKind.Campaign, "outbound:messagingCampaignSchedule:{0}", "outbound:messagingCampaign:{0}Schedule", bareArray: false, CampaignMediaType.Sms, CampaignMediaType.Email, CampaignMediaType.WhatsApp),
        OutboundKind.Schedule(
            Dependencies.ScheduleKind.EmailCampaign, OutboundObjectKind.EmailCampaignSchedule, "email campaign schedule", "emailcampaigns", "emailCampaign",
            OutboundObjectKind.Campaign, "outbound:emailCampaignSchedule:{0}", "outbound:emailCampaign:{0}Schedule", bareArray: false, CampaignMediaType.Email),
        OutboundKind.Schedule(
            Dependencies.ScheduleKind.WhatsAppCampaign, OutboundObjectKind.WhatsAppCampaignSchedule, "WhatsApp campaign schedule", "whatsappcampaigns", "whatsAppCampaign",
            OutboundObjectKind.Campaign, "outbound:whatsAppCampaignSchedule:{0}", "outbound:whatsAppCampaign:{0}Schedule", bareArray: false, CampaignMediaType.WhatsApp),
    };

    /// <summary>The kinds of schedule, in the order they are read and shown.</summary>
    public static IReadOnlyList<OutboundKind> Schedules { get; } = All.Where(k => k.IsSchedule).ToList();

    /// <summary>The row of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">A value the enum does not define (a number cast to it).</exception>
    public static OutboundKind Of(OutboundObjectKind kind) =>
        All.FirstOrDefault(k => k.ObjectKind == kind) ?? throw new ArgumentException($"'{kind}' is not a kind of outbound object this module knows.");

    /// <summary>The row of a kind of schedule.</summary>
    /// <exception cref="ArgumentException">A value the enum does not define.</exception>
    public static OutboundKind Of(ScheduleKind kind) =>
        Schedules.FirstOrDefault(k => k.ScheduleKind == kind) ?? throw new ArgumentException($"'{kind}' is not a kind of schedule this module knows.");

    /// <summary>The noun of <paramref name="kind"/>, with a capital to start a sentence.</summary>
    public static string Noun(OutboundObjectKind kind, bool capital = false) => capital ? Of(kind).Capitalized : Of(kind).Noun;
}
