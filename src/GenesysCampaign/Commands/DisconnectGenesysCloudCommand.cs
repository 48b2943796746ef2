using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Forgets this runspace's Genesys Cloud connection, its token and secret.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "GenesysCloud")]
[OutputType(typeof(void))]
public sealed class DisconnectGenesysCloudCommand : GenesysCmdlet
{
    /// <summary>A connection from Connect-GenesysCloud -PassThru to close; default: the current one.</summary>
    [Parameter(ValueFromPipeline = true)]
    public GenesysConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Connection is not null)
        {
            if (ReferenceEquals(Connection, ConnectionState.Current))
            {
                ConnectionState.Clear();
            }
            else
            {
                Connection.Dispose();
            }

            return;
        }

        if (!ConnectionState.Clear())
        {
            WriteTrace(debug: false, "There was no Genesys Cloud connection to close.");
        }
    }
}
