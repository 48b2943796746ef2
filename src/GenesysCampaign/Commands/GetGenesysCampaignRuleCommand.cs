using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
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
    private DependencyQuery<GenesysCampaignRule>? _query;
    private IReadOnlyList<GenesysCampaignSequence>? _sequences;

    /// <summary>Rule names; wildcards allowed, any case. All rules when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CampaignRuleNameCompleter))]
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

    /// <inheritdoc />
    protected override void ProcessRecord() => Query.Process(ParameterSetName, Id, Name, Campaign);

    /// <inheritdoc />
    protected override void EndProcessing() => Query.End(ParameterSetName);

    private DependencyQuery<GenesysCampaignRule> Query => _query ??= new(
        this,
        OutboundObjectKind.CampaignRule,
        FailedId,
        api => DependencyLists.Rules(this, api, CancellationToken),
        (api, id, token) => api.GetCampaignRuleAsync(id, null, token),
        (campaign, all) => all.Where(r => r.ActsOn(campaign.Id, Sequences())),
        item => !MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) || item.Enabled == Enabled,
        item => item.Id,
        item => item.Name);

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
                _sequences = DependencyLists.Sequences(this, Query.Api(), CancellationToken);
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
}
