using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// What can block or undo a status change (docs/genesys-api.md): sequences, campaign rules, campaign
/// schedules. Read once per cmdlet invocation; each rule below lives only here.
/// </summary>
public sealed class CampaignDependencies
{
    private readonly List<Sequence> _sequences = new();
    private readonly List<Rule> _rules = new();
    private readonly Dictionary<string, string> _schedules = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _unchecked = new();

    private CampaignDependencies()
    {
    }

    /// <summary>Nothing known: used when a change needs no dependency check.</summary>
    public static CampaignDependencies None { get; } = new();

    /// <summary>
    /// Reads sequences, campaign rules and schedules. A list that cannot be read (a missing permission)
    /// does not stop the run: every change then carries a warning that it was not checked.
    /// </summary>
    public static async Task<CampaignDependencies> LoadAsync(GenesysApiClient api, RequestStats stats, IOperationLog log, CancellationToken cancellationToken)
    {
        var result = new CampaignDependencies();
        await result.TryAsync("sequences", log, async () =>
        {
            foreach (var item in await api.ListAllAsync(OutboundPaths.Sequences, stats, cancellationToken).ConfigureAwait(false))
            {
                result._sequences.Add(new Sequence(Text(item, "id") ?? string.Empty, Text(item, "name") ?? Text(item, "id") ?? "?", Text(item, "status") ?? string.Empty, ReferenceIds(item, "campaigns")));
            }
        }).ConfigureAwait(false);

        await result.TryAsync("campaign rules", log, async () =>
        {
            foreach (var item in await api.ListAllAsync(OutboundPaths.CampaignRules, stats, cancellationToken).ConfigureAwait(false))
            {
                var enabled = item.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True;
                var actions = new List<RuleAction>();
                if (item.TryGetProperty("campaignRuleActions", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var action in list.EnumerateArray())
                    {
                        var entities = action.TryGetProperty("campaignRuleActionEntities", out var ents) ? ents : default;
                        actions.Add(new RuleAction(
                            Text(action, "actionType") ?? string.Empty,
                            entities.ValueKind == JsonValueKind.Object ? ReferenceIds(entities, "campaigns") : new HashSet<string>(),
                            entities.ValueKind == JsonValueKind.Object ? ReferenceIds(entities, "sequences") : new HashSet<string>()));
                    }
                }

                result._rules.Add(new Rule(Text(item, "name") ?? Text(item, "id") ?? "?", enabled, actions));
            }
        }).ConfigureAwait(false);

        await result.TryAsync("campaign schedules", log, async () =>
        {
            foreach (var item in await api.GetListAsync(OutboundPaths.CampaignSchedules, stats, cancellationToken).ConfigureAwait(false))
            {
                if (item.TryGetProperty("campaign", out var campaign) && Text(campaign, "id") is { } id)
                {
                    result._schedules[id] = Text(item, "name") ?? Text(campaign, "name") ?? id;
                }
            }
        }).ConfigureAwait(false);

        return result;
    }

    /// <summary>
    /// Checks one change. Returns a rejection message (a running sequence, unless forced) or null,
    /// and adds warnings for whatever may undo the change.
    /// </summary>
    public string? Check(GenesysCampaign campaign, CampaignAction action, bool force, ICollection<string> warnings)
    {
        foreach (var what in _unchecked)
        {
            warnings.Add($"{what} could not be read, so they were not checked for campaign '{campaign.Name}'.");
        }

        var sequences = _sequences.Where(s => s.Campaigns.Contains(campaign.Id)).ToList();
        foreach (var running in sequences.Where(s => s.Status == CampaignStatus.On))
        {
            if (!force)
            {
                return $"Campaign '{campaign.Name}' is in running sequence '{running.Name}', which starts its campaigns one after another. Stop the sequence first, or use -Force.";
            }

            warnings.Add($"Campaign '{campaign.Name}' is in running sequence '{running.Name}' (-Force); the sequence may change it again.");
        }

        // Rules that act against this change: turning the campaign on after a pause or stop, or off after a resume.
        var against = action == CampaignAction.Resume ? "turnOff" : "turnOn";
        foreach (var rule in _rules.Where(r => r.Enabled))
        {
            var hits = rule.Actions.Any(a =>
                (a.Type.Equals(against + "Campaign", StringComparison.OrdinalIgnoreCase) && a.Campaigns.Contains(campaign.Id))
                || (a.Type.Equals(against + "Sequence", StringComparison.OrdinalIgnoreCase) && _sequences.Any(s => a.Sequences.Contains(s.Id) && s.Campaigns.Contains(campaign.Id))));
            if (hits)
            {
                warnings.Add(action == CampaignAction.Resume
                    ? $"Enabled campaign rule '{rule.Name}' can turn campaign '{campaign.Name}' off again."
                    : $"Enabled campaign rule '{rule.Name}' can turn campaign '{campaign.Name}' back on.");
            }
        }

        if (_schedules.TryGetValue(campaign.Id, out var schedule))
        {
            warnings.Add($"Campaign schedule '{schedule}' starts and stops campaign '{campaign.Name}' on its own.");
        }

        return null;
    }

    private async Task TryAsync(string what, IOperationLog log, Func<Task> read)
    {
        try
        {
            await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GenesysApiException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // Unreadable (a refusal, or entries not shaped as the contract describes): not checked, and said so.
            _unchecked.Add(char.ToUpperInvariant(what[0]) + what.Substring(1));
            log.Verbose($"Could not read {what}: {ex.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static HashSet<string> ReferenceIds(JsonElement element, string name)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            // References are {id, name, selfUri}; a bare id string is read alike.
            foreach (var reference in list.EnumerateArray())
            {
                var id = reference.ValueKind switch
                {
                    JsonValueKind.Object => Text(reference, "id"),
                    JsonValueKind.String => reference.GetString(),
                    _ => null,
                };
                if (!string.IsNullOrEmpty(id))
                {
                    ids.Add(id!);
                }
            }
        }

        return ids;
    }

    private sealed record Sequence(string Id, string Name, string Status, HashSet<string> Campaigns);

    private sealed record Rule(string Name, bool Enabled, List<RuleAction> Actions);

    private sealed record RuleAction(string Type, HashSet<string> Campaigns, HashSet<string> Sequences);
}
