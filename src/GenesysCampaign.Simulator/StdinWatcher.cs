namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Ends process mode when stdin reaches EOF, so a parent that dies (closing its end of the pipe)
/// takes the simulator down instead of leaving it holding a port.
/// </summary>
internal static class StdinWatcher
{
    /// <summary>
    /// Only a redirected stdin is watched: a terminal never reports EOF by itself. /dev/null is
    /// skipped too, because it is "redirected" yet at EOF at once (e.g. a CI job started with &lt; /dev/null).
    /// </summary>
    public static bool ShouldWatch() => Console.IsInputRedirected && !IsDevNull();

    public static void Start(Action onEof)
    {
        // A dedicated thread: the blocking read must not hold a thread-pool thread for the whole run.
        var thread = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                    // Input is ignored; only its end matters.
                }
            }
            catch (IOException)
            {
                // A broken stdin means the parent is gone too.
            }

            onEof();
        })
        {
            IsBackground = true,
            Name = "stdin-eof-watcher",
        };
        thread.Start();
    }

    private static bool IsDevNull()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return File.ResolveLinkTarget("/proc/self/fd/0", returnFinalTarget: false)?.FullName == "/dev/null";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
