using System;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One schedule's change: Remove deletes it (Suspend-GenesysCampaign -Hold: a schedule starts its
/// campaign again at its next interval, and only removing it keeps the campaign off, docs/genesys-api.md),
/// keeping its whole body in the record; Restore puts that body back (Undo-GenesysCampaignChange).
/// Made and run once by <see cref="StateChangeExecutor"/>.
/// </summary>
internal sealed class ScheduleChange
{
    private readonly StateChangeExecutor.Services _services;
    private readonly GenesysCampaignSchedule _schedule;
    private readonly StateChangeRequest _request;
    private readonly CancellationToken _cancel;
    private readonly OpenRecord _open;
    private string _sending = string.Empty;

    /// <summary>A change of <paramref name="schedule"/>: as read (Remove), or as its Remove record kept it (Restore).</summary>
    public ScheduleChange(StateChangeExecutor.Services services, GenesysCampaignSchedule schedule, StateChangeRequest request, CancellationToken cancel)
    {
        _services = services;
        _schedule = schedule;
        _request = request;
        _cancel = cancel;
        _open = new OpenRecord(StateChangeExecutor.NewRecord(request, schedule));
    }

    private bool Removing => _request.Action == CampaignAction.Remove;

    private OutboundKind Row => OutboundKinds.Of(_schedule.Kind);

    private string Subject => $"{Row.Capitalized} '{Name}'";

    private string Name => _schedule.DisplayName;

    /// <summary>The record, or null when Ctrl+C came before anything was sent.</summary>
    public async Task<GenesysCampaignStateChange?> RunAsync()
    {
        var before = Removing ? GenesysCampaignSchedule.Scheduled : GenesysCampaignSchedule.Removed;
        try
        {
            _cancel.ThrowIfCancellationRequested(); // The last point at which Ctrl+C prevents the write.
            return Removing ? await RemoveAsync().ConfigureAwait(false) : await RestoreAsync().ConfigureAwait(false);
        }
        catch (GenesysApiException ex)
        {
            var (outcome, failure) = ApiErrors.Classify(ex);
            var message = $"{Subject}: {ex.Message}";
            if (ex.StatusCode == 403)
            {
                var needed = Removing ? Row.DeletePermissions : Row.EditPermissions;
                message = OutboundKind.WithRoleHint(message, needed)
                    + (Removing ? "." : ", then run the same undo again: the body stays in the audit log, and what was put back already is passed over.");
            }

            var unknown = ex.AnswerLost && _sending.Length > 0;
            if (unknown)
            {
                message += $" {_sending} got no answer from Genesys and may have applied: check the schedule.";
            }

            var failed = Done(outcome, message, unknown ? null : before, null, failure, ApiErrors.CodeOf(ex));
            failed.CorrelationId = ex.CorrelationId ?? failed.CorrelationId;
            return failed;
        }
        catch (GenesysAuthenticationException ex)
        {
            return Done(StateChangeOutcome.Failed, ex.Message, before, null, FailureKind.AuthenticationError, Failures.AuthenticationFailed);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            return null; // Nothing was sent.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Done(StateChangeOutcome.Failed, $"{Subject}: {ex.Message}", before, null, FailureKind.InvalidOperation, Failures.Unexpected);
        }
    }

    private async Task<GenesysCampaignStateChange> RemoveAsync()
    {
        _sending = "DELETE";
        _services.Log.Verbose($"Hold: deleting {Row.Noun} '{Name}' of {_schedule.TargetId} (its body is kept in the record).");
        var written = "DELETE";
        try
        {
            await _services.Api.DeleteScheduleAsync(_schedule.Kind, _schedule.TargetId, _open.Stats, CancellationToken.None).ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            // The schedule was read for this hold (before any -Confirm prompt). Gone now, it was most likely this DELETE that removed it:
            // an attempt whose answer was lost, retried by the module (AnswerLost) or resent by .NET below
            // it (a pooled connection that died; the module then sees one 404). Someone else removing it in
            // that moment is the rarer case. Either way the body read is kept, so an undo can put it back.
            written = ex.AnswerLost ? "DELETE (answer lost)" : "DELETE (404)";
        }

        _open.Record.ReplacedBody = _schedule.ToJson();
        var message = written == "DELETE"
            ? $"{Subject} removed (its whole body is kept in this record: Undo-GenesysCampaignChange puts it back)."
            : $"{Subject} removed: the DELETE was answered 404, so it was gone by then, removed by this DELETE (an attempt whose answer was lost) or by someone else a moment after it was read. Its whole body as read is kept in this record: Undo-GenesysCampaignChange puts it back.";
        return Done(StateChangeOutcome.Changed, message, GenesysCampaignSchedule.Removed, written);
    }

    private async Task<GenesysCampaignStateChange> RestoreAsync()
    {
        _sending = "PUT";
        try
        {
            var restored = await _services.Api.PutScheduleAsync(_schedule.Kind, _schedule.TargetId, _schedule.ToJson(), _open.Stats, CancellationToken.None).ConfigureAwait(false);
            return Done(StateChangeOutcome.Changed, $"{Subject} put back from the body its removal kept.", GenesysCampaignSchedule.Scheduled, "PUT", version: restored.Version);
        }
        catch (GenesysApiException ex) when (ex.AnswerLost && ex.StatusCode is 400 or 409)
        {
            // An attempt went unanswered and its retry found a schedule there: read it to see whether
            // that attempt put it back (the body it has is the one sent), else the refusal stands.
            var now = await _services.Api.GetScheduleAsync(_schedule.Kind, _schedule.TargetId, _open.Stats, CancellationToken.None).ConfigureAwait(false);
            if (!SameBody(now, _schedule))
            {
                throw;
            }

            return Done(StateChangeOutcome.Changed, $"{Subject} put back from the body its removal kept. The answer to the PUT was lost; a read then showed the schedule back, so it is taken to have applied.", GenesysCampaignSchedule.Scheduled, "PUT (answer lost)", version: now.Version);
        }
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

    private GenesysCampaignStateChange Done(StateChangeOutcome outcome, string message, string? finalStatus, string? writtenWith, FailureKind? failure = null, string? code = null, int version = 0) =>
        _open.Close(outcome, message, finalStatus, version, writtenWith, failure, code);
}
