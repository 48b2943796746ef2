using System;
using System.Net;

namespace GenesysCloud.Outbound.Api;

/// <summary>Where the API and the OAuth token endpoint live for one connection.</summary>
public sealed class GenesysEndpoints
{
    private GenesysEndpoints(Uri apiBase, Uri loginBase, string display)
    {
        ApiBase = apiBase;
        LoginBase = loginBase;
        Display = display;
    }

    /// <summary>Base of <c>/api/v2/...</c>, ending in a slash.</summary>
    public Uri ApiBase { get; }

    /// <summary>Base of <c>/oauth/token</c>, ending in a slash.</summary>
    public Uri LoginBase { get; }

    /// <summary>What to call this place in messages: the region host or the base URI.</summary>
    public string Display { get; }

    /// <summary>The public cloud: <c>https://api.&lt;host&gt;</c> and <c>https://login.&lt;host&gt;</c>.</summary>
    public static GenesysEndpoints ForEnvironment(string environment)
    {
        var host = GenesysRegions.ResolveHost(environment);
        return new GenesysEndpoints(new Uri($"https://api.{host}/"), new Uri($"https://login.{host}/"), host);
    }

    /// <summary>
    /// One base serving both API and token (a simulator or a proxy). Plain http is allowed only to a
    /// loopback address, so a token never crosses a network in clear text.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Not an absolute http(s) URI, or http to a non-loopback host. The message is for the user (it
    /// names -BaseUri's value, not a C# parameter), so the exception carries no ParamName.
    /// </exception>
    public static GenesysEndpoints ForBaseUri(Uri baseUri)
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseUri must be an absolute URI such as https://proxy.example.com/ or http://127.0.0.1:5000/.");
        }

        if (baseUri.Scheme == Uri.UriSchemeHttp)
        {
            if (!IsLoopback(baseUri))
            {
                throw new ArgumentException(
                    $"BaseUri '{baseUri}' uses plain http to a host that is not loopback. Use https, or http only to 127.0.0.1, ::1 or localhost.");
            }
        }
        else if (baseUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"BaseUri '{baseUri}' must use https (or http to loopback).");
        }

        var text = baseUri.GetLeftPart(UriPartial.Path);
        var normalized = new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        return new GenesysEndpoints(normalized, normalized, normalized.ToString());
    }

    /// <summary>Whether a URI points at this machine (the one place plain http and ws are allowed).</summary>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
