using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Shows the Genesys Cloud connection in use in this runspace: which org, where, and as which OAuth client.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCloudConnection")]
[OutputType(typeof(GenesysConnection))]
public sealed class GetGenesysCloudConnectionCommand : GenesysCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // None is no error: a script asks "am I connected?" with `if (Get-GenesysCloudConnection)`.
        if (ConnectionState.Current is { } connection)
        {
            WriteObject(connection);
        }
        else
        {
            WriteTrace(debug: false, "There is no Genesys Cloud connection in this runspace.");
        }
    }
}
