using GenesysCloud.Outbound.PowerShell.Infrastructure;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// The pump that carries Core's output to the pipeline thread, when a Write* fails while the work still
/// runs (Ctrl+C as the work ends, a downstream command that throws): a breaker's trial of session 14 saw an
/// unobserved ObjectDisposedException once in 30 stopped pauses, the queue completed after it was disposed.
/// </summary>
public class PipelinePumpTests
{
    [Fact]
    public void A_failed_write_leaves_no_task_behind_that_fails_on_the_disposed_queue()
    {
        var disposed = 0;
        void Count(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.InnerExceptions.Any(ex => ex is ObjectDisposedException && ex.StackTrace?.Contains(nameof(PipelinePump), StringComparison.Ordinal) == true))
            {
                Interlocked.Increment(ref disposed);
            }
        }

        TaskScheduler.UnobservedTaskException += Count;
        try
        {
            for (var i = 0; i < 50; i++)
            {
                RunWithFailedWrite();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Count;
        }

        Assert.Equal(0, disposed);
    }

    // Its own method, so that nothing of the run is still referenced when the collector looks for unobserved tasks.
    private static void RunWithFailedWrite()
    {
        using var cmdlet = new Cmdlet();
        var pump = new PipelinePump(cmdlet);
        var failure = Assert.Throws<InvalidOperationException>(() => pump.Run(
            async _ =>
            {
                pump.Post(() => throw new InvalidOperationException("The pipeline has been stopped."));
                await Task.Delay(20, CancellationToken.None); // The work ends on its own just after the failure, as Core's winds down.
            },
            CancellationToken.None));
        Assert.Equal("The pipeline has been stopped.", failure.Message);
    }

    private sealed class Cmdlet : GenesysCmdlet
    {
    }
}
