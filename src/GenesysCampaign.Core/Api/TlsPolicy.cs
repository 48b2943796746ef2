using System;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// TLS on the hosts this module runs on. Genesys Cloud accepts TLS 1.2 and later only; Windows
/// PowerShell 5.1 runs on .NET Framework, whose process-wide <see cref="ServicePointManager.SecurityProtocol"/>
/// often leaves TLS 1.2 out (an app built for .NET 4.5 gets SSL 3 and TLS 1.0 unless the registry
/// says otherwise), so every connection to Genesys would fail its handshake.
/// </summary>
internal static class TlsPolicy
{
    private static readonly object Gate = new();
    private static bool _ensured;

    /// <summary>
    /// On .NET Framework, adds TLS 1.2 to what the process allows, once; never removes a protocol.
    /// A process left to the system default (<c>SystemDefault</c>, 0)
    /// is left alone: the OS then offers TLS 1.2 and later itself, and OR-ing a flag in would pin the
    /// process to that one version. .NET (Core) ignores this setting for HttpClient, so nothing is done there.
    /// </summary>
    public static void EnsureTls12()
    {
        lock (Gate)
        {
            if (_ensured || !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                return;
            }

            _ensured = true;
            ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
        }
    }

    /// <summary>The protocols to allow: <paramref name="current"/> with TLS 1.2 added, or the system default as it is.</summary>
    public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
        current == 0 ? current : current | SecurityProtocolType.Tls12;

    /// <summary>
    /// Whether a request failed in its TLS handshake (a certificate that does not validate, no
    /// protocol both sides speak): a fault of setup, not of the moment, so not worth retrying.
    /// .NET (Core) says so with an <see cref="AuthenticationException"/> inside; .NET Framework with
    /// a <see cref="WebException"/> of status SecureChannelFailure or TrustFailure.
    /// </summary>
    public static bool IsHandshakeFailure(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is AuthenticationException || ex is WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What to tell the user about a failed handshake with <paramref name="host"/>.</summary>
    public static string Describe(Exception exception, string host)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"the TLS handshake with {host} failed ({innermost.Message}); not retried. Genesys Cloud needs TLS 1.2 or later: "
            + "check that this process allows it (on Windows PowerShell 5.1 the module adds TLS 1.2 unless the process is left to the system default) "
            + "and that any proxy in between presents a certificate this machine trusts";
    }
}
