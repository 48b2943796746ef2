using System.Management.Automation;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Forgets this runspace's Genesys Cloud connection, its token and secret.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "GenesysCloud")]
[OutputType(typeof(void))]
public sealed class DisconnectGenesysCloudCommand : GenesysCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (!ConnectionState.Clear())
        {
            WriteVerbose("There was no Genesys Cloud connection to close.");
        }
    }
}
