using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One schedule's change, the kind's part of <see cref="ObjectChange{T}"/>: Remove deletes it
/// (Suspend-GenesysCampaign -Hold: a schedule starts its campaign again at its next interval, and only
/// removing it keeps the campaign off, docs/genesys-api.md), keeping its whole body in the record;
/// Restore puts that body back (Undo-GenesysCampaignChange).
/// </summary>
internal sealed class ScheduleChange : ObjectChange<GenesysCampaignSchedule>
{
    private readonly GenesysCampaignSchedule _schedule;

    /// <summary>A change of <paramref name="schedule"/>: as read (Remove), or as its Remove record kept it (Restore).</summary>
    public ScheduleChange(StateChangeExecutor.Services services, GenesysCampaignSchedule schedule, StateChangeRequest request, ThrottleSlot slot, CancellationToken cancel)
        : base(services, request, schedule, StateChangeExecutor.NewRecord(request, schedule), slot, cancel)
    {
        _schedule = schedule;
    }

    private bool Removing => Request.Action == CampaignAction.Remove;

    private OutboundKind Row => OutboundKinds.Of(_schedule.Kind);

    private string Name => _schedule.DisplayName;

    protected override string Subject => $"{Row.Capitalized} '{Name}'";

    /// <summary>As the record names it: before the change until one is accepted, then after it.</summary>
    protected override string? StatusOf(GenesysCampaignSchedule view) =>
        Removing == Written ? GenesysCampaignSchedule.Removed : GenesysCampaignSchedule.Scheduled;

    protected override int VersionOf(GenesysCampaignSchedule view) => view.Version;

    protected override Task<GenesysCampaignSchedule> ReadAsync(CancellationToken cancellationToken) =>
        Services.Api.GetScheduleAsync(_schedule.Kind, _schedule.TargetId, Open.Stats, cancellationToken);

    /// <summary>A restore whose first attempt lost its answer finds a schedule there on its retry (400 or 409): perhaps that attempt's.</summary>
    protected override bool IsStaleView(GenesysApiException ex) => !Removing && ex.AnswerLost && ex.StatusCode is 400 or 409;

    /// <summary>Reads the schedule there once: it is the one the lost attempt put back when its body is the one sent, else the refusal stands.</summary>
    protected override async Task<bool> ReadAgainAsync(GenesysApiException ex)
    {
        var now = await ReadAsync(Cancel).ConfigureAwait(false);
        if (!SameBody(now, _schedule))
        {
            return false;
        }

        Current = now;
        return true;
    }

    protected override bool ShowsWrite(GenesysCampaignSchedule view) => SameBody(view, _schedule);

    protected override string? BodyReplacedBy(GenesysCampaignSchedule from, string write) => Removing ? _schedule.ToJson() : null;

    protected override string RefusedMessage(GenesysApiException ex)
    {
        var message = base.RefusedMessage(ex);
        return ex.StatusCode != 403
            ? message
            : Removing
                ? OutboundKind.WithRoleHint(message, Row.DeletePermissions) + "."
                : OutboundKind.WithRoleHint(message, Row.EditPermissions) + ", then run the same undo again: the body stays in the audit log, and what was put back already is passed over.";
    }

    protected override string ChangedThenFailedMessage() => $"{Subject} was changed ({WrittenWith}), but what followed failed: see Warnings.";

    protected override async Task<GenesysCampaignStateChange> ChangeAsync()
    {
        if (Removing)
        {
            Services.Log.Verbose($"Hold: deleting {Row.Noun} '{Name}' of {_schedule.TargetId} (its body is kept in the record).");
            await SendAsync(DeleteAsync).ConfigureAwait(false);
            var message = Sending == "DELETE"
                ? $"{Subject} removed (its whole body is kept in this record: Undo-GenesysCampaignChange puts it back)."
                : $"{Subject} removed: the DELETE was answered 404, so it was gone by then, removed by this DELETE (an attempt whose answer was lost) or by someone else a moment after it was read. Its whole body as read is kept in this record: Undo-GenesysCampaignChange puts it back.";
            return Done(StateChangeOutcome.Changed, message, GenesysCampaignSchedule.Removed);
        }

        await SendAsync(PutAsync).ConfigureAwait(false);
        var lost = ClaimedLostAnswer ? " The answer to the PUT was lost; a read then showed the schedule back, so it is taken to have applied." : string.Empty;
        return Done(StateChangeOutcome.Changed, $"{Subject} put back from the body its removal kept.{lost}", GenesysCampaignSchedule.Scheduled);
    }

    private async Task<GenesysCampaignSchedule?> DeleteAsync()
    {
        Sending = "DELETE";
        try
        {
            await Services.Api.DeleteScheduleAsync(_schedule.Kind, _schedule.TargetId, Open.Stats, Cancel).ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            // The schedule was read for this hold (before any -Confirm prompt). Gone now, it was most likely this DELETE that removed it:
            // an attempt whose answer was lost, retried by the module (AnswerLost) or resent by .NET below
            // it (a pooled connection that died; the module then sees one 404). Someone else removing it in
            // that moment is the rarer case. Either way the body read is kept, so an undo can put it back.
            Sending = ex.AnswerLost ? "DELETE (answer lost)" : "DELETE (404)";
        }

        return null;
    }

    private async Task<GenesysCampaignSchedule?> PutAsync()
    {
        Sending = "PUT";
        return await Services.Api.PutScheduleAsync(_schedule.Kind, _schedule.TargetId, _schedule.ToJson(), Open.Stats, Cancel).ConfigureAwait(false);
    }

    /// <summary>Whether a schedule read is the one sent: the same body, but for what the server owns.</summary>
    internal static bool SameBody(GenesysCampaignSchedule read, GenesysCampaignSchedule sent)
    {
        var a = System.Text.Json.Nodes.JsonNode.Parse(read.ToJson())!.AsObject();
        var b = System.Text.Json.Nodes.JsonNode.Parse(sent.ToJson())!.AsObject();
        foreach (var owned in new[] { "id", "version", "dateCreated", "dateModified", "selfUri" })
        {
            a.Remove(owned);
            b.Remove(owned);
        }

        return System.Text.Json.Nodes.JsonNode.DeepEquals(a, b);
    }
}
