using System;
using System.Management.Automation;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>The error records every cmdlet writes about the campaigns it was given, built in one place.</summary>
internal static class CampaignErrors
{
    /// <summary>Said after the id error by cmdlets that also take -Name.</summary>
    public const string NameHint = "Use -Name to give campaigns by name.";

    /// <summary>InvalidCampaignId: the id cannot be one, so no request is made for it.</summary>
    public static ErrorRecord InvalidId(string id, string? hint = null) =>
        new(
            new ArgumentException(id.Length == 0
                ? "An empty campaign id or a $null was given (an empty cell of a CSV, a lookup that found nothing, or a record of a sequence or campaign rule, which has no CampaignId). "
                  + "Give campaign records only (Get-GenesysCampaignAuditLog -ObjectKind Campaign); sequences and rules go to their own cmdlets."
                : $"'{id}' is not a campaign id: an id has only letters, digits, '-', '_' and '.', such as 8f0c4e54-5d3f-4f76-9a43-0cb9d0a6f1f2." + (hint is null ? string.Empty : " " + hint)),
            "InvalidCampaignId",
            ErrorCategory.InvalidArgument,
            id);

    /// <summary>
    /// The hint for an id that matched no campaign: an id that is no GUID, as Genesys ids are, was
    /// likely meant as a name ('Sales-West-006' | Suspend-GenesysCampaign). Costs no request.
    /// </summary>
    public static string? NotFoundHint(string id) => Guid.TryParse(id, out _) ? null : $"Genesys campaign ids are GUIDs; to give '{id}' as a name, use -Name '{id.Replace("'", "''")}'.";

    /// <summary>CampaignNotFound for an id.</summary>
    public static ErrorRecord IdNotFound(string id, string? why = null) =>
        NotFound($"No campaign with id '{id}' was found." + (why is null ? string.Empty : " " + why) + (NotFoundHint(id) is { } hint ? " " + hint : string.Empty), id);

    /// <summary>CampaignNotFound for a name without wildcards.</summary>
    public static ErrorRecord NameNotFound(string name) => NotFound($"No campaign named '{name}' was found.", name);

    private static ErrorRecord NotFound(string message, string target) =>
        new(new ItemNotFoundException(message), "CampaignNotFound", ErrorCategory.ObjectNotFound, target);
}
