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
    private readonly RunTally _tally;
    private string _activity = string.Empty;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _posted;
    private int _total;
    private int _before;

    public RunProgress(GenesysCmdlet cmdlet, RunTally tally)
    {
        _cmdlet = cmdlet;
        _tally = tally;
    }

    /// <summary>
    /// The run begins with <paramref name="total"/> objects to change, called <paramref name="noun"/>s
    /// ("campaign", or "object" for a hold's campaigns, sequences, rules and schedules): the bar's
    /// percentage is their records made.
    /// </summary>
    public void Begin(int total, string noun)
    {
        _total = total;
        _activity = $"{_cmdlet.MyInvocation.MyCommand.Name}: {noun}s";
        _before = _tally.RecordCount; // Records made before the run (declined at the prompt, decided not to send).
        _clock.Restart();
    }

    /// <summary>Queues an update on <paramref name="pump"/>, unless one is queued already.</summary>
    public void Post(PipelinePump pump)
    {
        if (Interlocked.Exchange(ref _posted, 1) == 0)
        {
            pump.Post(() =>
            {
                Interlocked.Exchange(ref _posted, 0);
                var done = _tally.RecordCount - _before;
                _cmdlet.WriteProgressQuietly(new ProgressRecord(1, _activity, $"{_tally.Progress()} ({_clock.Elapsed.TotalSeconds:0} s)")
                {
                    PercentComplete = _total > 0 ? System.Math.Min(100, done * 100 / _total) : -1,
                });
            });
        }
    }

    /// <summary>Takes the bar down.</summary>
    public void Complete() =>
        _cmdlet.WriteProgressQuietly(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
}
