using System;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// An object's place among the changes writing at once (StateChangeRequest.ThrottleLimit). The
/// executor takes it before an object's change begins; the change lets it go once it writes no more or
/// waits (ObjectChange.LetSlotGo), so 50 campaigns take one settle, not five, and takes it again to
/// write after a wait (ObjectChange.SendAsync). A 429 a request of the change meets gives the slot up
/// for its Retry-After and narrows the throttle when it was not one resource's own (<see cref="IRequestTurn"/>).
/// Each taking is released once, whichever path lets it go first.
/// </summary>
internal sealed class ThrottleSlot : IRequestTurn
{
    private readonly WriteThrottle _throttle;
    private int _held = 1;
    private int _givenUp; // 1 while a 429's wait has the slot given up (RateLimited, until TakeAgainAsync).

    /// <summary>Told true when a 429 gives the slot up for its wait, false when it is taken again (the run's progress says how many wait).</summary>
    public Action<bool>? WaitingChanged { get; set; }

    /// <summary>A slot already taken from <paramref name="throttle"/>.</summary>
    public ThrottleSlot(WriteThrottle throttle) => _throttle = throttle;

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

        await _throttle.TakeAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _held, 1);
    }

    /// <inheritdoc />
    public void RateLimited(TimeSpan wait, bool tokenWide)
    {
        if (tokenWide)
        {
            _throttle.RateLimited(wait);
        }

        // A read made while the slot was let go (a wait's) has no place to give up, nor to take again.
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            Volatile.Write(ref _givenUp, 1);
            _throttle.Release();
            WaitingChanged?.Invoke(true);
        }
    }

    /// <inheritdoc />
    public async Task TakeAgainAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _givenUp, 0) == 1)
        {
            try
            {
                await TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                WaitingChanged?.Invoke(false);
            }
        }
    }

    /// <summary>A write of this change was accepted: the throttle may widen again.</summary>
    public void Answered() => _throttle.Answered();
}
