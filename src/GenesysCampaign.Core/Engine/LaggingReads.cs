using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Reads that may lag a write (Genesys is eventually consistent; how long a read lags is not
/// documented): one object is read until a read shows what is known to be there.
/// </summary>
internal static class LaggingReads
{
    /// <summary>
    /// For the batched reads of waits (NotificationCampaignWaiter): a read that shows nothing newer than
    /// known, when it was to catch up on missed events, is made again this many times, <see cref="RereadAfter"/> apart.
    /// </summary>
    public const int Rereads = 3;

    /// <summary>How long after such a read it is made again.</summary>
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads until <paramref name="shows"/> holds: at once, then after 0.25, 0.5, 0.75 and 1 s, then
    /// each second, eight reads in about 5.5 s in all. The last read is returned whether or not it shows it.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> shows, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await read(cancellationToken).ConfigureAwait(false);
            if (shows(result) || attempt == 8)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 250 * attempt)), cancellationToken).ConfigureAwait(false);
        }
    }
}
