using System.Globalization;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Parses process-mode arguments into <see cref="SimulatorOptions"/>.</summary>
internal sealed class CommandLine
{
    public const string Usage =
        "usage: GenesysCampaign.Simulator [--port N] [--dialer-delay-ms N] [--campaigns N] [--latency-ms N] [--rate-limit N]\n" +
        "                                 [--max-active N] [--token-lifetime-s N] [--client-id ID] [--client-secret SECRET] [--ignore-stdin]\n" +
        "                                 [--dialer-delay-jitter-ms N] [--stale-read-ms N] [--heartbeat-ms N] [--no-notifications]";

    public SimulatorOptions Options { get; } = new();

    /// <summary>Do not exit at stdin EOF even when stdin is redirected.</summary>
    public bool IgnoreStdin { get; private set; }

    public static bool TryParse(string[] args, out CommandLine result, out string? error)
    {
        result = new CommandLine();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            if (arg == "--ignore-stdin")
            {
                result.IgnoreStdin = true;
                continue;
            }

            if (arg == "--no-notifications")
            {
                result.Options.NotificationsEnabled = false;
                continue;
            }

            string? value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                error = $"{arg} needs a value";
                return false;
            }

            var options = result.Options;
            switch (arg)
            {
                case "--port" when TryInt(value, 0, 65535, out var port):
                    options.Port = port;
                    break;
                case "--dialer-delay-ms" when TryInt(value, 0, int.MaxValue, out var delay):
                    options.DialerDelay = TimeSpan.FromMilliseconds(delay);
                    break;
                case "--campaigns" when TryInt(value, 0, 1_000_000, out var count):
                    options.CampaignCount = count;
                    break;
                case "--latency-ms" when TryInt(value, 0, int.MaxValue, out var latency):
                    options.Latency = TimeSpan.FromMilliseconds(latency);
                    break;
                case "--rate-limit" when TryInt(value, 0, int.MaxValue, out var limit):
                    options.RateLimitPerMinute = limit;
                    break;
                case "--max-active" when TryInt(value, 0, int.MaxValue, out var maxActive):
                    options.MaxActiveCampaigns = maxActive;
                    break;
                case "--token-lifetime-s" when TryInt(value, 1, int.MaxValue, out var lifetime):
                    options.TokenLifetimeSeconds = lifetime;
                    break;
                case "--dialer-delay-jitter-ms" when TryInt(value, 0, int.MaxValue, out var jitter):
                    options.DialerDelayJitter = TimeSpan.FromMilliseconds(jitter);
                    break;
                case "--stale-read-ms" when TryInt(value, 0, int.MaxValue, out var stale):
                    options.StaleReadWindow = TimeSpan.FromMilliseconds(stale);
                    break;
                case "--heartbeat-ms" when TryInt(value, 1, int.MaxValue, out var heartbeat):
                    options.HeartbeatInterval = TimeSpan.FromMilliseconds(heartbeat);
                    break;
                case "--client-id":
                    options.ClientId = value;
                    break;
                case "--client-secret":
                    options.ClientSecret = value;
                    break;
                default:
                    error = $"unknown option or bad value: {arg} {value}";
                    return false;
            }
        }

        return true;
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
