using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// A campaign's place among the writes in flight (StateChangeRequest.ThrottleLimit). The executor
/// takes it before a campaign's first write; the change hands it back before waiting for the dialer,
/// so 50 campaigns take one settle, not five. Released once, whichever path lets it go first.
/// </summary>
internal sealed class ThrottleSlot
{
    private readonly SemaphoreSlim _throttle;
    private int _held = 1;

    /// <summary>A slot already taken from <paramref name="throttle"/>.</summary>
    public ThrottleSlot(SemaphoreSlim throttle) => _throttle = throttle;

    /// <summary>Lets the slot go (once; later calls do nothing).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            _throttle.Release();
        }
    }

    /// <summary>Takes a slot again (to write after waiting).</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _held, 1);
    }
}
