using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// What can block or undo a status change (docs/genesys-api.md): sequences, campaign rules, and every
/// kind of schedule of <see cref="OutboundKinds"/>, as the typed objects their cmdlets show. Read once
/// per cmdlet invocation; each rule below lives only here.
/// </summary>
internal sealed class CampaignDependencies
{
    private readonly List<GenesysCampaignSequence> _sequences = new();
    private readonly List<GenesysCampaignRule> _rules = new();
    private readonly List<GenesysCampaignSchedule> _schedules = new();
    private readonly List<(string What, string Why, OutboundKind? Schedules)> _unchecked = new();

    private CampaignDependencies()
    {
    }

    /// <summary>Nothing known: used when a change needs no dependency check.</summary>
    public static CampaignDependencies None { get; } = new();

    /// <summary>
    /// Reads sequences, campaign rules and every schedule list, all at once (one round trip, then a page
    /// per 100 sequences or rules): the first write of an emergency pause waits on the slowest list, not
    /// on their sum. A list that cannot be read (a missing permission) does not stop the run: every change
    /// then carries a warning that it was not checked, in the order of the lists here, whatever answered first.
    /// </summary>
    public static async Task<CampaignDependencies> LoadAsync(GenesysApiClient api, RequestStats stats, IOperationLog log, CancellationToken cancellationToken)
    {
        var result = new CampaignDependencies();
        var sequences = TryAsync("sequences", ["outbound:campaignSequence:view"], null, log, async () =>
        {
            var read = new List<GenesysCampaignSequence>();
            await foreach (var sequence in api.ListSequencesAsync(stats, cancellationToken).ConfigureAwait(false))
            {
                read.Add(sequence);
            }

            return read;
        });
        var rules = TryAsync("campaign rules", ["outbound:campaignRule:view"], null, log, async () =>
        {
            var read = new List<GenesysCampaignRule>();
            await foreach (var rule in api.ListCampaignRulesAsync(stats, cancellationToken).ConfigureAwait(false))
            {
                read.Add(rule);
            }

            return read;
        });
        var schedules = OutboundKinds.Schedules
            .Select(kind => TryAsync(kind.Noun + "s", kind.ViewPermissions, kind, log, async () =>
                (await api.ListSchedulesAsync(kind.ScheduleKind!.Value, stats, cancellationToken).ConfigureAwait(false)).ToList()))
            .ToList();

        var (readSequences, sequencesUnread) = await sequences.ConfigureAwait(false);
        var (readRules, rulesUnread) = await rules.ConfigureAwait(false);
        result._sequences.AddRange(readSequences);
        result._rules.AddRange(readRules);
        var unread = new List<(string, string, OutboundKind?)?> { sequencesUnread, rulesUnread };
        foreach (var list in schedules)
        {
            var (read, why) = await list.ConfigureAwait(false);
            result._schedules.AddRange(read);
            unread.Add(why);
        }

        result._unchecked.AddRange(unread.Where(u => u is not null).Select(u => u!.Value));
        return result;
    }

    /// <summary>
    /// Checks one change. Returns a rejection message (a running sequence, unless forced) or null,
    /// and adds warnings for whatever may undo the change.
    /// </summary>
    public string? Check(GenesysCampaign campaign, CampaignAction action, bool force, ICollection<string> warnings, bool hold = false)
    {
        // A list that may hold what turns this campaign on: not a WhatsApp list for a voice campaign.
        foreach (var (what, why, _) in _unchecked.Where(u => u.Schedules is not { } kind || kind.Target == OutboundObjectKind.Sequence || kind.MaySchedule(campaign)))
        {
            warnings.Add($"{what} could not be read{why}, so they were not checked for campaign '{campaign.Name}'{(hold ? ", and the hold cannot neutralise them" : string.Empty)}.");
        }

        if (action == CampaignAction.Suspend && hold)
        {
            // -Hold turns off, disables and removes what could turn it back on, each with a record of its own.
            return null;
        }

        var sequences = _sequences.Where(s => s.Contains(campaign.Id)).ToList();
        foreach (var running in sequences.Where(s => s.Status == SequenceStatus.On))
        {
            if (!force)
            {
                // What to do instead depends on the way the change goes: the sequence decides for its campaigns.
                return action == CampaignAction.Resume
                    ? $"Campaign '{campaign.Name}' is in running sequence '{running.Name}', which turns its campaigns on one after another: leave it to the sequence, or use -Force to turn it on anyway."
                    : $"Campaign '{campaign.Name}' is in running sequence '{running.Name}', which starts its campaigns one after another. Stop the sequence first (Suspend-GenesysCampaignSequence -Id {running.Id}), or use -Force.";
            }

            // Not "(-Force)" alone: an undo puts a campaign back this way without it (a new user's trial).
            warnings.Add($"Campaign '{campaign.Name}' is in running sequence '{running.Name}' and was changed all the same (-Force, or an undo putting back what it was); the sequence may change it again.");
        }

        // Rules that act against this change: turning the campaign on after a pause or stop, or off after a resume.
        var resume = action == CampaignAction.Resume;
        bool Has(IEnumerable<GenesysEntityRef> refs, string id) => refs.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        foreach (var rule in _rules.Where(r => r.Enabled))
        {
            var (campaigns, ruleSequences) = resume ? (rule.TurnsOffCampaigns, rule.TurnsOffSequences) : (rule.TurnsOnCampaigns, rule.TurnsOnSequences);
            if (Has(campaigns, campaign.Id) || sequences.Any(s => Has(ruleSequences, s.Id)))
            {
                warnings.Add(resume
                    ? $"Enabled campaign rule '{rule.Name}' can turn campaign '{campaign.Name}' off again (Disable-GenesysCampaignRule -Id {rule.Id})."
                    : $"Enabled campaign rule '{rule.Name}' can turn campaign '{campaign.Name}' back on (Disable-GenesysCampaignRule -Id {rule.Id}).");
            }
        }

        foreach (var schedule in SchedulesOf(OutboundObjectKind.Campaign, campaign.Id))
        {
            warnings.Add($"{OutboundKinds.Of(schedule.Kind).Capitalized} '{schedule.DisplayName}' starts and stops campaign '{campaign.Name}' on its own{NextStart(schedule)}.");
        }

        if (!resume)
        {
            // A scheduled sequence turns itself on, and then its current campaign.
            foreach (var sequence in sequences)
            {
                foreach (var sequenceSchedule in SchedulesOf(OutboundObjectKind.Sequence, sequence.Id))
                {
                    warnings.Add($"Sequence schedule '{sequenceSchedule.DisplayName}' turns on sequence '{sequence.Name}', which holds campaign '{campaign.Name}'{NextStart(sequenceSchedule)}.");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What can turn <paramref name="campaigns"/> back on once paused, for Suspend -Hold to neutralise,
    /// each object once however many campaigns it concerns: the running sequences that contain one;
    /// the enabled rules whose actions turn one on, or turn on a sequence that contains one; the
    /// schedule of each campaign and of each sequence that contains one.
    /// </summary>
    public HoldTargets HoldFor(IEnumerable<GenesysCampaign> campaigns)
    {
        var hold = new HoldTargets();
        bool Has(IEnumerable<GenesysEntityRef> refs, string id) => refs.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        foreach (var campaign in campaigns)
        {
            var containing = _sequences.Where(s => s.Contains(campaign.Id)).ToList();
            foreach (var sequence in containing.Where(s => s.Status == SequenceStatus.On))
            {
                hold.Add(hold.Sequences, sequence, campaign);
            }

            foreach (var rule in _rules.Where(r => r.Enabled && (Has(r.TurnsOnCampaigns, campaign.Id) || containing.Any(s => Has(r.TurnsOnSequences, s.Id)))))
            {
                hold.Add(hold.Rules, rule, campaign);
            }

            foreach (var own in SchedulesOf(OutboundObjectKind.Campaign, campaign.Id))
            {
                hold.Add(hold.Schedules, own, campaign);
            }

            foreach (var sequenceSchedule in containing.SelectMany(s => SchedulesOf(OutboundObjectKind.Sequence, s.Id)))
            {
                hold.Add(hold.Schedules, sequenceSchedule, campaign);
            }
        }

        return hold;
    }

    /// <summary>
    /// Warnings for a change of a sequence: what can undo it. Turning it off: its schedule and the
    /// enabled rules that turn it on; turning it on: the enabled rules that turn it off.
    /// </summary>
    public void Check(GenesysCampaignSequence sequence, CampaignAction action, ICollection<string> warnings)
    {
        foreach (var (what, why, _) in _unchecked.Where(u => u.What == "Campaign rules" || u.Schedules?.Target == OutboundObjectKind.Sequence))
        {
            warnings.Add($"{what} could not be read{why}, so they were not checked for sequence '{sequence.Name}'.");
        }

        var resume = action == CampaignAction.Resume;
        foreach (var rule in _rules.Where(r => r.Enabled && (resume ? r.TurnsOffSequences : r.TurnsOnSequences).Any(s => string.Equals(s.Id, sequence.Id, StringComparison.OrdinalIgnoreCase))))
        {
            warnings.Add(resume
                ? $"Enabled campaign rule '{rule.Name}' can turn sequence '{sequence.Name}' off again (Disable-GenesysCampaignRule -Id {rule.Id})."
                : $"Enabled campaign rule '{rule.Name}' can turn sequence '{sequence.Name}' back on (Disable-GenesysCampaignRule -Id {rule.Id}).");
        }

        foreach (var schedule in resume ? Enumerable.Empty<GenesysCampaignSchedule>() : SchedulesOf(OutboundObjectKind.Sequence, sequence.Id))
        {
            warnings.Add($"Sequence schedule '{schedule.DisplayName}' turns sequence '{sequence.Name}' on by itself{NextStart(schedule)}.");
        }
    }

    /// <summary>
    /// The schedules of one campaign or sequence, in the order of <see cref="OutboundKinds"/>: a campaign
    /// may be in more than one list (an email campaign in the messaging and the email campaign schedule
    /// lists; which one Genesys uses is not documented, so every one found counts).
    /// </summary>
    private IEnumerable<GenesysCampaignSchedule> SchedulesOf(OutboundObjectKind target, string id) =>
        _schedules.Where(s => OutboundKinds.Of(s.Kind).Target == target && string.Equals(s.TargetId, id, StringComparison.OrdinalIgnoreCase));

    private static string NextStart(GenesysCampaignSchedule schedule) =>
        schedule.NextStart is { } next ? $" (next start {next.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)" : string.Empty;

    /// <summary>Reads one list; one that cannot be read is remembered with why (a refusal names the permissions that would let it be read).</summary>
    /// <summary>
    /// Reads one list; one that cannot be read gives nothing, and what the warnings say of it (null when it was read).
    /// </summary>
    private static async Task<(List<T> Read, (string What, string Why, OutboundKind? Schedules)? Unread)> TryAsync<T>(string what, IReadOnlyList<string> viewPermissions, OutboundKind? schedules, IOperationLog log, Func<Task<List<T>>> read)
    {
        try
        {
            return (await read().ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is GenesysApiException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            // Unreadable (a refusal, or entries not shaped as the contract describes, or dates beyond
            // what can be computed): not checked, and said so. A change never fails for want of them.
            var why = ex is GenesysApiException { StatusCode: 403 } ? $" (refused: the OAuth client's role needs {string.Join(" or ", viewPermissions)})" : string.Empty;
            log.Verbose($"Could not read {what}: {ex.Message}");
            return (new List<T>(), (char.ToUpperInvariant(what[0]) + what.Substring(1), why, schedules));
        }
    }
}

/// <summary>What Suspend -Hold neutralises (<see cref="CampaignDependencies.HoldFor"/>), and for each object the campaigns it could turn back on.</summary>
internal sealed class HoldTargets
{
    private readonly Dictionary<IOutboundObject, List<string>> _campaigns = new();

    /// <summary>Running sequences to turn off.</summary>
    public List<GenesysCampaignSequence> Sequences { get; } = new();

    /// <summary>Enabled rules to disable.</summary>
    public List<GenesysCampaignRule> Rules { get; } = new();

    /// <summary>Schedules to remove (every kind of <see cref="OutboundKinds"/>).</summary>
    public List<GenesysCampaignSchedule> Schedules { get; } = new();

    /// <summary>The names of the campaigns <paramref name="item"/> could turn back on.</summary>
    public IReadOnlyList<string> CampaignsOf(IOutboundObject item) =>
        _campaigns.TryGetValue(item, out var names) ? names : (IReadOnlyList<string>)Array.Empty<string>();

    internal void Add<T>(List<T> list, T item, GenesysCampaign campaign)
        where T : class, IOutboundObject
    {
        if (!_campaigns.TryGetValue(item, out var names))
        {
            list.Add(item);
            _campaigns[item] = names = new List<string>();
        }

        if (!names.Contains(campaign.Name))
        {
            names.Add(campaign.Name);
        }
    }
}
