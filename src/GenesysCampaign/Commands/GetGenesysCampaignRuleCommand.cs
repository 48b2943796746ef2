using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets outbound campaign rules by name (wildcards), id or whether they are enabled, or the rules that act on the campaigns piped in.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCampaignRule", DefaultParameterSetName = NameSet)]
[OutputType(typeof(GenesysCampaignRule))]
public sealed class GetGenesysCampaignRuleCommand : GenesysApiCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private const string CampaignSet = "Campaign";
    private const string FailedId = "GetGenesysCampaignRuleFailed";
    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);
    private GenesysApiClient? _api;
    private IReadOnlyList<GenesysCampaignRule>? _rules;
    private IReadOnlyList<GenesysCampaignSequence>? _sequences;

    /// <summary>Rule names; wildcards allowed, any case. All rules when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Rule ids; each read by itself.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [Alias("RuleId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Campaigns (from Get-GenesysCampaign): the rules that act on them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CampaignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaign[]? Campaign { get; set; }

    /// <summary>Only enabled rules ($true) or only disabled ones ($false); both when omitted.</summary>
    [Parameter]
    public bool Enabled { get; set; }

    private bool Wanted(GenesysCampaignRule rule) => !MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) || rule.Enabled == Enabled;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (var id in Id!)
                {
                    if (CampaignFinder.IsValidId(id))
                    {
                        _ids.Add(id.Trim());
                    }
                    else
                    {
                        WriteError(DependencyErrors.InvalidId(DependencyErrors.Noun.Rule, id));
                    }
                }

                break;
            case CampaignSet:
                var rules = Rules();
                var sequences = Sequences();
                foreach (var campaign in Campaign!)
                {
                    foreach (var rule in rules.Where(r => r.ActsOn(campaign.Id, sequences)))
                    {
                        Write(rule);
                    }
                }

                break;
            default:
                _names.AddRange(Name ?? Array.Empty<string>());
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == IdSet)
        {
            // The client is made here, on the pipeline thread, where the runspace (and its connection) is known.
            var api = _ids.Count > 0 ? Api() : null;
            foreach (var id in _ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (Guarded(() => Pump.Run(token => api!.GetCampaignRuleAsync(id, null, token), CancellationToken), id) is { } rule)
                {
                    Write(rule);
                }
            }
        }
        else if (ParameterSetName == NameSet)
        {
            var patterns = _names.Select(n => new NamePattern(n)).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in NameMatching.Select(Rules(), patterns, r => r.Name, matched))
            {
                Write(rule);
            }

            foreach (var pattern in patterns.Where(p => !p.HasWildcards && !matched.Contains(p.Pattern)))
            {
                WriteError(DependencyErrors.NameNotFound(DependencyErrors.Noun.Rule, pattern.Pattern));
            }
        }
    }

    private GenesysApiClient Api() => _api ??= RequireConnection().CreateClient(Pump);

    /// <summary>Every rule, read once per invocation.</summary>
    private IReadOnlyList<GenesysCampaignRule> Rules() => _rules ??= Guarded(() => DependencyLists.Rules(this, Api(), CancellationToken), null)!;

    /// <summary>
    /// Every sequence, read once per invocation, for the rules that act on a campaign through its
    /// sequence. Unreadable (a missing permission) is a warning: the rules that act on the campaigns
    /// themselves are still found.
    /// </summary>
    private IReadOnlyList<GenesysCampaignSequence> Sequences()
    {
        if (_sequences is null)
        {
            try
            {
                _sequences = DependencyLists.Sequences(this, Api(), CancellationToken);
            }
            catch (GenesysApiException ex)
            {
                _sequences = Array.Empty<GenesysCampaignSequence>();
                WriteWarning($"Sequences could not be read, so rules that act on a campaign through its sequence are not listed: {ex.Message}");
            }
            catch (GenesysAuthenticationException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, FailedId, null));
            }
        }

        return _sequences!;
    }

    /// <summary>Runs a read; a 404 of an id is CampaignRuleNotFound (null), any other failure ends the cmdlet.</summary>
    private T? Guarded<T>(Func<T> read, string? id)
        where T : class
    {
        try
        {
            return read();
        }
        catch (GenesysApiException ex) when (id is not null && ex.StatusCode == 404)
        {
            WriteError(DependencyErrors.IdNotFound(DependencyErrors.Noun.Rule, id));
            return null;
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, FailedId, id));
            return null;
        }
    }

    /// <summary>Writes a rule once, when it is wanted.</summary>
    private void Write(GenesysCampaignRule rule)
    {
        if (Wanted(rule) && _written.Add(rule.Id))
        {
            WriteObject(rule);
        }
    }
}
