using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using GenesysCloud.Outbound.PowerShell.Commands;

namespace GenesysCampaign.Tests;

/// <summary>The module's cmdlets in a real PowerShell runspace, in this process.</summary>
internal sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost(System.Management.Automation.Host.PSHost? host = null)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(SuspendGenesysCampaignCommand).Assembly.Location);
        _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
    }

    /// <summary>What the last <see cref="Run"/> wrote besides output (copied: disposing the pipeline clears them).</summary>
    public StreamCopy Streams { get; private set; } = new();

    public Collection<PSObject> Run(string script, IDictionary<string, object?>? parameters = null)
    {
        using var ps = Create(script, parameters);
        var output = ps.Invoke();
        Streams = new StreamCopy
        {
            Error = ps.Streams.Error.ToList(),
            Warning = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
        };
        return output;
    }

    /// <summary>
    /// <see cref="Run"/>, for a test whose point is that the script does not die: what it output (empty when
    /// it threw) and what it threw (null when it did not), for an assertion that says which.
    /// </summary>
    public (Collection<PSObject> Output, Exception? Thrown) TryRun(string script, IDictionary<string, object?>? parameters = null)
    {
        try
        {
            return (Run(script, parameters), null);
        }
        catch (Exception ex)
        {
            return (new Collection<PSObject>(), ex);
        }
    }

    public PowerShell Create(string script, IDictionary<string, object?>? parameters = null)
    {
        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        if (parameters is not null)
        {
            ps.AddParameters((System.Collections.IDictionary)new Dictionary<string, object?>(parameters));
        }

        return ps;
    }

    public void Connect(Uri baseUri, string secret = "sim-secret", string clientId = "sim-client") =>
        Run("param($u, $s, $id) Connect-GenesysCloud -BaseUri $u -ClientId $id -ClientSecret (ConvertTo-SecureString $s -AsPlainText -Force)",
            new Dictionary<string, object?> { ["u"] = baseUri, ["s"] = secret, ["id"] = clientId });

    /// <summary>
    /// Connects as <paramref name="clientId"/> with short backoffs and a 1 s attempt timeout, so
    /// fault tests are quick (Retry-After is still honoured as sent).
    /// </summary>
    public void ConnectFast(Uri baseUri, string clientId = "sim-client") =>
        Run("""
            param($u, $id)
            $c = Connect-GenesysCloud -BaseUri $u -ClientId $id -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru -AsDefault
            $c.Resilience.BaseDelay = [timespan]::FromMilliseconds(20)
            $c.Resilience.MaxDelay = [timespan]::FromMilliseconds(200)
            $c.Resilience.AttemptTimeout = [timespan]::FromSeconds(1)
            """, new Dictionary<string, object?> { ["u"] = baseUri, ["id"] = clientId });

    /// <summary>Script parameters from name/value pairs.</summary>
    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] args) => args.ToDictionary(a => a.Name, a => a.Value);

    /// <summary>
    /// Connects the host (fast retries) and routes the connection's requests through
    /// <paramref name="handler"/>: answers the simulator never gives, for the cmdlets themselves.
    /// </summary>
    public static void ConnectThrough(PowerShellHost host, Uri baseUri, HttpMessageHandler handler)
    {
        var connection = (GenesysCloud.Outbound.Api.GenesysConnection)host.Run(
            "param($u) Connect-GenesysCloud -BaseUri $u -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru -AsDefault",
            Args(("u", baseUri)))[0].BaseObject;
        connection.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        connection.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        connection.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        connection.SendThrough(handler);
    }

    public void Dispose() => _runspace.Dispose();

    internal sealed class StreamCopy
    {
        public List<ErrorRecord> Error { get; init; } = new();

        public List<WarningRecord> Warning { get; init; } = new();

        public List<VerboseRecord> Verbose { get; init; } = new();

        public List<DebugRecord> Debug { get; init; } = new();
    }
}
