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

    public PipelinePump(GenesysCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>Queues an action for the pipeline thread (dropped when no work is running).</summary>
    public void Post(Action action)
    {
        var queue = _queue;
        if (queue is null)
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
        if (room is null)
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
        _queue = queue;
        _room = new SemaphoreSlim(Capacity);
        var task = Task.Run(() => work(cancellationToken), cancellationToken);
        _ = task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);
        try
        {
            foreach (var action in queue.GetConsumingEnumerable())
            {
                action();
            }
        }
        catch
        {
            // A Write* failed (the pipeline is stopping, or -ErrorAction Stop): let the work wind down.
            _cmdlet.Cancel();
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }
        finally
        {
            _queue = null;
            _room = null;
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
