using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// An object's place among the changes writing at once (StateChangeRequest.ThrottleLimit). The
/// executor takes it before an object's change begins; the change lets it go once it writes no more or
/// waits (ObjectChange.LetSlotGo), so 50 campaigns take one settle, not five, and takes it again to
/// write after a wait (ObjectChange.SendAsync). Each taking is released once, whichever path lets it go first.
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

    /// <summary>Takes a slot again if this one was let go (to write after waiting); nothing while it is held.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _held) == 1)
        {
            return;
        }

        await _throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _held, 1);
    }
}
