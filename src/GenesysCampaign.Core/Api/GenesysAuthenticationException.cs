using System;

namespace GenesysCloud.Outbound.Api;

/// <summary>The login service refused the credentials. The message names the client id and region, never the secret.</summary>
public sealed class GenesysAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GenesysAuthenticationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
