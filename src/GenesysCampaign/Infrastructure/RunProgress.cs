using System.Management.Automation;
using System.Threading;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// A changing cmdlet's progress bar, fed by Core's <see cref="RunTally"/> from any thread: each
/// count posts one update to the pipeline thread unless one is already waiting there (a thousand
/// accepted writes are not a thousand redraws). Respects $ProgressPreference and -ProgressAction.
/// </summary>
internal sealed class RunProgress
{
    private readonly GenesysCmdlet _cmdlet;
    private readonly string _activity;
    private readonly RunTally _tally;
    private int _posted;

    public RunProgress(GenesysCmdlet cmdlet, string activity, RunTally tally)
    {
        _cmdlet = cmdlet;
        _activity = activity;
        _tally = tally;
    }

    /// <summary>Queues an update on <paramref name="pump"/>, unless one is queued already.</summary>
    public void Post(PipelinePump pump)
    {
        if (Interlocked.Exchange(ref _posted, 1) == 0)
        {
            pump.Post(() =>
            {
                Interlocked.Exchange(ref _posted, 0);
                _cmdlet.WriteProgressQuietly(new ProgressRecord(1, _activity, _tally.Progress()));
            });
        }
    }

    /// <summary>Takes the bar down.</summary>
    public void Complete() =>
        _cmdlet.WriteProgressQuietly(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
}
