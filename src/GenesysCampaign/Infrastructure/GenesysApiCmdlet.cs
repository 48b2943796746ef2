using System.Management.Automation;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>A cmdlet that talks to an org: -Connection picks one, the runspace's current one by default.</summary>
public abstract class GenesysApiCmdlet : GenesysCmdlet
{
    /// <summary>The org to use (from Connect-GenesysCloud -PassThru); default: this runspace's current connection.</summary>
    [Parameter]
    [ValidateNotNull]
    public GenesysConnection? Connection { get; set; }

    /// <summary>The connection to use, or a terminating error that says how to get one.</summary>
    protected internal GenesysConnection RequireConnection()
    {
        if (Connection is { } given)
        {
            if (given.IsDisposed)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new System.InvalidOperationException($"The connection to {given.Environment} was closed (Disconnect-GenesysCloud, or replaced by a later Connect-GenesysCloud without -PassThru). Run Connect-GenesysCloud -PassThru again."),
                    "GenesysConnectionClosed",
                    ErrorCategory.ConnectionError,
                    given));
            }

            return given;
        }

        return ConnectionState.Require(this);
    }

    /// <summary>
    /// Runs the reads of a cmdlet that changes nothing (Get-, Wait-, Watch-GenesysCampaign): a request that
    /// still fails after its retries, or a refused token, ends it with the terminating error
    /// <paramref name="failedId"/> (category from ErrorMapping); anything else, Ctrl+C included, passes.
    /// </summary>
    private protected void ReadOrStop(System.Action read, string failedId)
    {
        try
        {
            read();
        }
        catch (System.Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, failedId, null));
        }
    }
}
