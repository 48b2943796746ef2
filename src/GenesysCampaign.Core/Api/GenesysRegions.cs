using System;
using System.Collections.Generic;
using System.Linq;

namespace GenesysCloud.Outbound.Api;

/// <summary>Genesys Cloud regions: host suffixes and their AWS-style names (docs/genesys-api.md).</summary>
public static class GenesysRegions
{
    /// <summary>AWS-style region name to host suffix; the one table of regions.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us-east-1"] = "mypurecloud.com",
        ["us-west-2"] = "usw2.pure.cloud",
        ["us-east-2"] = "use2.us-gov-pure.cloud",
        ["ca-central-1"] = "cac1.pure.cloud",
        ["eu-west-1"] = "mypurecloud.ie",
        ["eu-west-2"] = "euw2.pure.cloud",
        ["eu-central-1"] = "mypurecloud.de",
        ["eu-central-2"] = "euc2.pure.cloud",
        ["ap-northeast-1"] = "mypurecloud.jp",
        ["ap-northeast-2"] = "apne2.pure.cloud",
        ["ap-northeast-3"] = "apne3.pure.cloud",
        ["ap-southeast-2"] = "mypurecloud.com.au",
        ["ap-southeast-1"] = "apse1.pure.cloud",
        ["ap-south-1"] = "aps1.pure.cloud",
        ["sa-east-1"] = "sae1.pure.cloud",
        ["me-central-1"] = "mec1.pure.cloud",
        ["mx-central-1"] = "mxc1.pure.cloud",
        ["eusc-de-east-1"] = "edee1.eusc-pure.cloud",
    };

    /// <summary>Every name a user may type for -Environment: hosts and AWS-style names.</summary>
    public static IEnumerable<string> AllNames => ByName.Values.Concat(ByName.Keys);

    /// <summary>
    /// Turns what a user typed (<c>eu-west-1</c>, <c>mypurecloud.ie</c>, <c>api.mypurecloud.ie</c>,
    /// <c>https://login.mypurecloud.ie</c>) into the host suffix.
    /// </summary>
    /// <exception cref="ArgumentException">The value names no region and is not a host name (a message for the user; no ParamName).</exception>
    public static string ResolveHost(string environment)
    {
        if (string.IsNullOrWhiteSpace(environment))
        {
            throw new ArgumentException("The Genesys Cloud environment is empty. Use a region host such as 'mypurecloud.ie' or a name such as 'eu-west-1'.");
        }

        var value = environment.Trim().TrimEnd('/');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value.Substring(scheme + 3);
        }

        if (ByName.TryGetValue(value, out var host))
        {
            return host;
        }

        foreach (var prefix in new[] { "api.", "login.", "apps." })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring(prefix.Length);
                break;
            }
        }

        // A host we do not list is accepted as long as it looks like one: Genesys adds regions.
        if (value.Contains(".") && Uri.CheckHostName(value) == UriHostNameType.Dns)
        {
            return value.ToLowerInvariant();
        }

        throw new ArgumentException(
            $"'{environment}' is not a Genesys Cloud region. Use a region host such as 'mypurecloud.ie' or a name such as 'eu-west-1' ({string.Join(", ", ByName.Keys)}).");
    }
}
