using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// Runs Core work on the thread pool while the pipeline thread waits, and carries everything the
/// work wants to say (records, verbose, warnings) back to the pipeline thread, where alone a
/// cmdlet may call Write*. Also the <see cref="IOperationLog"/> Core reports to.
/// </summary>
internal sealed class PipelinePump : IOperationLog
{
    /// <summary>
    /// Objects <see cref="PostAsync"/> lets the work queue ahead of the pipeline thread. Past that the
    /// work waits, so a listing feeding a slow pipeline (Export-Csv, a console) holds a few pages,
    /// not the whole org.
    /// </summary>
    internal const int Capacity = 500;

    private readonly GenesysCmdlet _cmdlet;
    private BlockingCollection<Action>? _queue;
    private SemaphoreSlim? _room;
    private volatile bool _draining;

    public PipelinePump(GenesysCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>
    /// When a Write* fails for any reason but Ctrl+C (a downstream command throws, <c>Select-Object
    /// -First</c> has enough, a preference set to Stop), let the work run to its end rather than
    /// cancel it: a state change carries every campaign given through (and Core audits each), and
    /// the failure is rethrown afterwards. What the work says meanwhile is dropped: the pipeline
    /// can take no more. Off (the failure cancels the work) for reading cmdlets.
    /// </summary>
    public bool FinishWorkOnFailure { get; set; }

    /// <summary>Queues an action for the pipeline thread (dropped when no work is running).</summary>
    public void Post(Action action)
    {
        var queue = _queue;
        if (queue is null || _draining)
        {
            return;
        }

        try
        {
            queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The work already finished; nothing is listening any more.
        }
    }

    /// <summary>Queues an action for the pipeline thread, first waiting while <see cref="Capacity"/> are queued.</summary>
    public async Task PostAsync(Action action, CancellationToken cancellationToken)
    {
        var room = _room;
        if (room is null || _draining)
        {
            return;
        }

        await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        Post(() =>
        {
            room.Release();
            action();
        });
    }

    /// <inheritdoc />
    public void Verbose(string message) => Post(() => _cmdlet.WriteTrace(debug: false, message));

    /// <inheritdoc />
    public void Debug(string message) => Post(() => _cmdlet.WriteTrace(debug: true, message));

    /// <summary>
    /// Runs <paramref name="work"/>, running posted actions on this (the pipeline) thread until it
    /// ends, then returns its result or rethrows its exception.
    /// </summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<Action>();
        using var room = new SemaphoreSlim(Capacity);
        _queue = queue;
        _room = room;
        var task = Task.Run(() => work(cancellationToken), cancellationToken);
        var completed = task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);
        try
        {
            // Not cancelled by Ctrl+C: the work sees it and winds down, and what it still says
            // (the records of writes already sent) is written before this returns.
            foreach (var action in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                action();
            }
        }
        catch (Exception) when (FinishWorkOnFailure && !_cmdlet.StoppedByUser)
        {
            // The pipeline can take no more, but the user did not ask to stop: the work finishes
            // (no campaign is left halfway), saying nothing more, and then the failure stands.
            _draining = true;
            _room?.Release(Capacity);
            try
            {
                foreach (var _ in queue.GetConsumingEnumerable(CancellationToken.None))
                {
                }

                task.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }
        catch
        {
            // A Write* failed (the pipeline is stopping, or -ErrorAction Stop): let the work wind down.
            _cmdlet.Cancel();
            try
            {
                task.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }
        finally
        {
            // The queue is disposed as this returns. After a failed Write* the work ended only just now,
            // and what completes the queue would otherwise find it disposed (an unobserved exception).
            completed.Wait(CancellationToken.None);
            _queue = null;
            _room = null;
            _draining = false;
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs work that returns nothing.</summary>
    public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        Run(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
