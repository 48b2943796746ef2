using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>The current connection of each runspace: two runspaces (or two runbook jobs) never share one by accident.</summary>
internal static class ConnectionState
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new();

    /// <summary>The calling runspace's connection, or null.</summary>
    public static GenesysConnection? Current => Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;

    /// <summary>
    /// Makes <paramref name="connection"/> current. The one it replaces is closed, unless it was
    /// handed out with -PassThru: then its owner may still use it with -Connection (two orgs in one
    /// session) and closes it with Disconnect-GenesysCloud -Connection.
    /// </summary>
    public static void Set(GenesysConnection connection, bool passedThru)
    {
        var holder = Connections.GetValue(Runspace.DefaultRunspace, _ => new Holder());
        var previous = holder.Connection;
        var previousPassedThru = holder.PassedThru;
        holder.Connection = connection;
        holder.PassedThru = passedThru;
        if (previous is not null && !ReferenceEquals(previous, connection) && !previousPassedThru)
        {
            previous.Dispose();
        }
    }

    /// <summary>
    /// Forgets the current connection (closed, unless it was handed out with -PassThru: its owner
    /// holds it), after a Connect-GenesysCloud that failed; returns how it was described, or null.
    /// </summary>
    public static string? Forget()
    {
        if (Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) && holder.Connection is { } connection)
        {
            var described = connection.ToString();
            holder.Connection = null;
            if (!holder.PassedThru)
            {
                connection.Dispose();
            }

            return described;
        }

        return null;
    }

    /// <summary>Forgets and closes the current connection; returns whether there was one.</summary>
    public static bool Clear()
    {
        if (Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) && holder.Connection is { } connection)
        {
            holder.Connection = null;
            connection.Dispose();
            return true;
        }

        return false;
    }

    /// <summary>The current connection, or a terminating error that says what to do.</summary>
    public static GenesysConnection Require(PSCmdlet cmdlet)
    {
        var connection = Current;
        if (connection is null)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new System.InvalidOperationException("Not connected to Genesys Cloud. Run Connect-GenesysCloud first (or set GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION and run Connect-GenesysCloud without parameters)."),
                "GenesysNotConnected",
                ErrorCategory.ConnectionError,
                null));
        }

        return connection!;
    }

    private sealed class Holder
    {
        public GenesysConnection? Connection { get; set; }

        public bool PassedThru { get; set; }
    }
}
