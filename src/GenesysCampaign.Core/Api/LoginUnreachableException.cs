using System;
using System.Net.Http;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The login service could not be reached for a token. A network fault like any other (the
/// pipeline retries it), but its message says which service, since the request it failed was
/// not the one the user asked for.
/// </summary>
internal sealed class LoginUnreachableException : HttpRequestException
{
    public LoginUnreachableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
