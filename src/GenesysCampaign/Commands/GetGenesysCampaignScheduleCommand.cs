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
/// <para type="synopsis">Gets the schedules of campaigns (voice, messaging, email, WhatsApp) and sequences, each with the next time it starts what it schedules.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCampaignSchedule", DefaultParameterSetName = AllSet)]
[OutputType(typeof(GenesysCampaignSchedule))]
public sealed class GetGenesysCampaignScheduleCommand : GenesysApiCmdlet
{
    private const string AllSet = "All";
    private const string CampaignSet = "Campaign";
    private const string SequenceSet = "Sequence";
    private const string FailedId = "GetGenesysCampaignScheduleFailed";
    private readonly Dictionary<ScheduleKind, IReadOnlyList<GenesysCampaignSchedule>> _lists = new();
    private readonly HashSet<(ScheduleKind, string)> _written = new();
    private GenesysApiClient? _api;
    private DateTimeOffset _now;

    /// <summary>Only these kinds of schedule (Campaign, Sequence, MessagingCampaign, EmailCampaign, WhatsAppCampaign); every kind when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    public ScheduleKind[]? Kind { get; set; }

    /// <summary>Campaigns (from Get-GenesysCampaign), voice or messaging: their schedules, in every list that may hold one for the campaign's media type.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CampaignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaign[]? Campaign { get; set; }

    /// <summary>Sequences (from Get-GenesysCampaignSequence): their schedules.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SequenceSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaignSequence[]? Sequence { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _now = DateTimeOffset.UtcNow;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == CampaignSet)
        {
            foreach (var campaign in Campaign!)
            {
                foreach (var kind in OutboundKinds.Schedules.Where(k => k.MaySchedule(campaign)))
                {
                    WriteFor(kind.ScheduleKind!.Value, campaign.Id);
                }
            }
        }
        else if (ParameterSetName == SequenceSet)
        {
            foreach (var sequence in Sequence!)
            {
                foreach (var kind in OutboundKinds.Schedules.Where(k => k.Target == OutboundObjectKind.Sequence))
                {
                    WriteFor(kind.ScheduleKind!.Value, sequence.Id);
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName != AllSet || MyInvocation.ExpectingInput)
        {
            // Input was piped, and none bound (an empty lookup, a $null): its schedules are none, never the whole org's.
            return;
        }

        var kinds = Kind?.Distinct() ?? OutboundKinds.Schedules.Select(k => k.ScheduleKind!.Value);
        foreach (var kind in kinds)
        {
            foreach (var schedule in List(kind))
            {
                Write(schedule);
            }
        }
    }

    /// <summary>The schedules of one campaign or sequence: those of its kind whose target it is (none is no error).</summary>
    private void WriteFor(ScheduleKind kind, string targetId)
    {
        foreach (var schedule in List(kind).Where(s => string.Equals(s.TargetId, targetId, StringComparison.OrdinalIgnoreCase)))
        {
            Write(schedule);
        }
    }

    /// <summary>
    /// Every schedule of a kind, read once per invocation. A list that cannot be read (a missing
    /// permission, an org without that kind) is one non-terminating error, and the other kinds are
    /// still read; a refused token ends the cmdlet.
    /// </summary>
    private IReadOnlyList<GenesysCampaignSchedule> List(ScheduleKind kind)
    {
        if (_lists.TryGetValue(kind, out var known))
        {
            return known;
        }

        IReadOnlyList<GenesysCampaignSchedule> list = Array.Empty<GenesysCampaignSchedule>();
        try
        {
            _api ??= RequireConnection().CreateClient(Pump);
            var api = _api;
            list = Pump.Run(token => api.ListSchedulesAsync(kind, null, token, _now), CancellationToken);
        }
        catch (GenesysApiException ex)
        {
            var error = ToErrorRecord(ex, FailedId, kind);
            if (ex.StatusCode == 403)
            {
                error.ErrorDetails = new ErrorDetails(OutboundKind.WithRoleHint(ex.Message, OutboundKinds.Of(kind).ViewPermissions) + ".");
            }

            WriteError(error);
        }
        catch (GenesysAuthenticationException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, FailedId, kind));
        }

        _lists[kind] = list;
        return list;
    }

    /// <summary>Writes a schedule once, after what could not be computed for it.</summary>
    private void Write(GenesysCampaignSchedule schedule)
    {
        if (_written.Add((schedule.Kind, schedule.Id.ToUpperInvariant())))
        {
            foreach (var warning in schedule.Warnings)
            {
                WriteWarning($"{OutboundKinds.Of(schedule.Kind).Capitalized} '{schedule.Name}': {warning}");
            }

            WriteObject(schedule);
        }
    }
}
