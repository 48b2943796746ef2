using System.Runtime.InteropServices;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Process mode: starts a simulator, prints <c>Listening on http://127.0.0.1:PORT/</c> as the only
/// stdout line, and runs until SIGINT/SIGTERM or, when stdin is redirected, stdin EOF.
/// </summary>
public static class Program
{
    /// <summary>Entry point; returns 2 on bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (!CommandLine.TryParse(args, out var commandLine, out var error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var simulator = await GenesysSimulator.StartAsync(commandLine.Options).ConfigureAwait(false);

        // A parent reads this line to learn the port, so it must be the only one and must be flushed.
        Console.Out.WriteLine($"Listening on {simulator.BaseUri}");
        Console.Out.Flush();

        using var sigint = Register(PosixSignal.SIGINT, stop);
        using var sigterm = Register(PosixSignal.SIGTERM, stop);
        if (!commandLine.IgnoreStdin && StdinWatcher.ShouldWatch())
        {
            StdinWatcher.Start(() => stop.TrySetResult());
        }

        await stop.Task.ConfigureAwait(false);
        return 0;
    }

    private static PosixSignalRegistration? Register(PosixSignal signal, TaskCompletionSource stop)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                // Cancel the default termination so disposal runs and the port is released cleanly.
                context.Cancel = true;
                stop.TrySetResult();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
