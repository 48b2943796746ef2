using System;
using System.Management.Automation;
using System.Security;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Connects this runspace to a Genesys Cloud org.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "GenesysCloud", DefaultParameterSetName = ClientSecretSet)]
[OutputType(typeof(GenesysConnection))]
public sealed class ConnectGenesysCloudCommand : GenesysCmdlet
{
    private const string ClientSecretSet = "ClientSecret";
    private const string CredentialSet = "Credential";
    private const string AccessTokenSet = "AccessToken";

    /// <summary>The information tag the host shows (as Write-Host's lines): the connection is said, not output.</summary>

    /// <summary>Region host (mypurecloud.ie) or AWS-style name (eu-west-1). Default: $env:GENESYSCLOUD_REGION.</summary>
    [Parameter(Position = 0)]
    [Alias("Region")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Environment { get; set; }

    /// <summary>OAuth client id (client credentials grant). Default: $env:GENESYSCLOUD_OAUTHCLIENT_ID.</summary>
    [Parameter(ParameterSetName = ClientSecretSet)]
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret. Default: $env:GENESYSCLOUD_OAUTHCLIENT_SECRET.</summary>
    [Parameter(ParameterSetName = ClientSecretSet)]
    public SecureString? ClientSecret { get; set; }

    /// <summary>Client id as user name, client secret as password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>A bearer token obtained elsewhere.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString? AccessToken { get; set; }

    /// <summary>One base URI for API and /oauth/token (a simulator or proxy); http only to loopback.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// Return the connection. It becomes the one cmdlets use without -Connection only when there is none
    /// yet, or with -AsDefault: a second org connected to be passed with -Connection does not take over.
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>With -PassThru: make the connection the one cmdlets use without -Connection, replacing the one in use.</summary>
    [Parameter]
    public SwitchParameter AsDefault { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        GenesysEndpoints endpoints;
        try
        {
            endpoints = BaseUri is not null ? GenesysEndpoints.ForBaseUri(BaseUri) : GenesysEndpoints.ForEnvironment(ResolveEnvironment());
        }
        catch (ArgumentException ex)
        {
            Fail(new ErrorRecord(UserMessage.Clean(ex), BaseUri is not null ? "InvalidGenesysBaseUri" : "InvalidGenesysEnvironment", ErrorCategory.InvalidArgument, (object?)BaseUri ?? Environment));
            return;
        }

        var connection = CreateConnection(endpoints);
        if (connection.ClientId is not null)
        {
            // Fetch the first token now, so wrong credentials fail here and not at 3 a.m. mid-run.
            try
            {
                Pump.Run(token => connection.CreateClient(Pump).AuthenticateAsync(token), CancellationToken);
            }
            catch (GenesysAuthenticationException ex)
            {
                connection.Dispose();
                Fail(new ErrorRecord(ex, "GenesysAuthenticationFailed", ErrorCategory.AuthenticationError, connection.ClientId));
            }
            catch (GenesysApiException ex)
            {
                // The login service could not be reached or kept failing: nothing says the credentials are wrong.
                connection.Dispose();
                Fail(new ErrorRecord(
                    new GenesysApiException(ex.StatusCode, ex.Code, $"Could not get a token for client id '{connection.ClientId}' at {endpoints.Display}: {ex.Message}", ex.CorrelationId, ex.Attempts, ex),
                    "GenesysLoginUnavailable",
                    ErrorCategory.ConnectionError,
                    connection.ClientId));
            }
        }

        // Which org and OAuth client this is, once: shown now, and carried by every record it makes.
        try
        {
            Pump.Run(token => connection.LearnIdentityAsync(Pump, token), CancellationToken);
        }
        catch (GenesysAuthenticationException ex)
        {
            connection.Dispose();
            Fail(new ErrorRecord(ex, "GenesysAuthenticationFailed", ErrorCategory.AuthenticationError, connection.ClientId));
        }
        catch (GenesysApiException ex)
        {
            WriteWarning($"Connected, but which org this is could not be read ({ex.Message}); records will not name it.");
        }

        var inUse = ConnectionState.Current;
        var becomesDefault = !PassThru || AsDefault || inUse is null;
        if (becomesDefault)
        {
            ConnectionState.Set(connection, PassThru);
        }

        var said = becomesDefault ? $"Connected to {connection}." : $"Connected to {connection}; returned only: cmdlets without -Connection still use {inUse} (-AsDefault makes this one theirs).";
        WriteHostInformation(said);
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    /// <summary>
    /// Ends a Connect that failed. The connection in use until now is closed and forgotten: a script that
    /// meant to act on another org must not go on against this one. The message says so, naming it.
    /// A -PassThru connect (without -AsDefault) meant to leave it in use, and does.
    /// </summary>
    private void Fail(ErrorRecord error)
    {
        // A -PassThru connection would not have taken over (unless -AsDefault): the one in use stays.
        if (PassThru && !AsDefault && ConnectionState.Current is not null)
        {
            ThrowTerminatingError(error);
        }

        if (ConnectionState.Forget() is { } previous)
        {
            error.ErrorDetails = new ErrorDetails($"{UserMessage.Of(error.Exception)} The connection in use until now ({previous}) is closed, so nothing runs against it by mistake: connect again.");
        }

        ThrowTerminatingError(error);
    }

    private string ResolveEnvironment()
    {
        var value = Environment ?? System.Environment.GetEnvironmentVariable("GENESYSCLOUD_REGION");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("No Genesys Cloud region given. Use -Environment (such as 'mypurecloud.ie' or 'eu-west-1'), set $env:GENESYSCLOUD_REGION, or use -BaseUri.");
        }

        return value!;
    }

    private GenesysConnection CreateConnection(GenesysEndpoints endpoints)
    {
        switch (ParameterSetName)
        {
            case AccessTokenSet:
                return GenesysConnection.WithAccessToken(endpoints, AccessToken!);
            case CredentialSet:
                if (string.IsNullOrWhiteSpace(Credential!.UserName))
                {
                    Fail(new ErrorRecord(
                        new ArgumentException("The credential has no user name. Its user name is the OAuth client id, its password the client secret."),
                        "GenesysCredentialsMissing",
                        ErrorCategory.InvalidArgument,
                        null));
                }

                return GenesysConnection.WithClientCredentials(endpoints, Credential.UserName, Credential.Password);
        }

        var clientId = ClientId ?? System.Environment.GetEnvironmentVariable("GENESYSCLOUD_OAUTHCLIENT_ID");
        var secret = ClientSecret;
        if (secret is null && System.Environment.GetEnvironmentVariable("GENESYSCLOUD_OAUTHCLIENT_SECRET") is { Length: > 0 } fromEnvironment)
        {
            secret = SecretText.Protect(fromEnvironment);
        }

        if (string.IsNullOrWhiteSpace(clientId) || secret is null)
        {
            Fail(new ErrorRecord(
                new ArgumentException("No OAuth client given. Use -ClientId with -ClientSecret, -Credential, or -AccessToken, or set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET."),
                "GenesysCredentialsMissing",
                ErrorCategory.InvalidArgument,
                null));
        }

        return GenesysConnection.WithClientCredentials(endpoints, clientId!, secret!);
    }
}
