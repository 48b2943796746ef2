using System.Collections.Generic;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>What Suspend- and Resume-GenesysCampaignSequence share: sequences, and -Force.</summary>
public abstract class SequenceChangeCommand : ToggleChangeCommand
{
    /// <summary>Turn on a sequence that is complete (it may run its campaigns again), or change one in a status this module does not know.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Campaign sequences from Get-GenesysCampaignSequence (not read again).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaignSequence?[]? InputObject { get; set; }

    /// <inheritdoc />
    internal override IEnumerable<IOutboundObject?> GivenObjects => InputObject ?? new GenesysCampaignSequence?[] { null };

    /// <inheritdoc />
    internal override ToggleKind Kind => ToggleKind.Sequence;

    /// <inheritdoc />
    protected override bool ForceGiven => Force;

    /// <inheritdoc />
    internal override IReadOnlyList<IOutboundObject> ListAll(GenesysApiClient api) => DependencyLists.Sequences(this, api, CancellationToken);

    /// <inheritdoc />
    internal override string OfCampaign(string campaignId) => $"the sequences that contain it are Get-GenesysCampaign -Id {campaignId} | Get-GenesysCampaignSequence";
}
