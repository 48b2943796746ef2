using System;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// The error records of the sequence, rule and schedule cmdlets, built in one place. Ids say what
/// failed: <c>CampaignSequenceNotFound</c>, <c>CampaignRuleNotFound</c>, <c>InvalidCampaignSequenceId</c>,
/// <c>InvalidCampaignRuleId</c>; nouns and id parts come from <see cref="OutboundKinds"/>.
/// </summary>
internal static class DependencyErrors
{
    /// <summary>Invalid…Id: the id cannot be one (as for campaigns: letters, digits, '-', '_', '.'), so no request is made for it.</summary>
    public static ErrorRecord InvalidId(OutboundObjectKind kind, string id) =>
        new(
            new ArgumentException(id.Length == 0 ? $"An empty {OutboundKinds.Noun(kind)} id or a $null was given (an empty cell of a CSV, or a lookup that found nothing). Use -Name to give {OutboundKinds.Noun(kind)}s by name." : $"'{id}' is not a {OutboundKinds.Noun(kind)} id: an id has only letters, digits, '-', '_' and '.', such as 8f0c4e54-5d3f-4f76-9a43-0cb9d0a6f1f2 (a GUID). Use -Name to give {OutboundKinds.Noun(kind)}s by name."),
            "Invalid" + OutboundKinds.Of(kind).IdPart + "Id",
            ErrorCategory.InvalidArgument,
            id);

    /// <summary>The hint after an id that matched nothing and is no GUID, as Genesys ids are: it was likely meant as a name.</summary>
    public static string? NotFoundHint(OutboundObjectKind kind, string id) =>
        Guid.TryParse(id, out _) ? null : $"Genesys {OutboundKinds.Noun(kind)} ids are GUIDs; to give '{id}' as a name, use -Name '{id.Replace("'", "''")}'.";

    /// <summary>…NotFound for an id.</summary>
    public static ErrorRecord IdNotFound(OutboundObjectKind kind, string id) =>
        NotFound(kind, $"No {OutboundKinds.Noun(kind)} with id '{id}' was found." + (NotFoundHint(kind, id) is { } hint ? " " + hint : string.Empty), id);

    /// <summary>…NotFound for a name without wildcards.</summary>
    public static ErrorRecord NameNotFound(OutboundObjectKind kind, string name) => NotFound(kind, $"No {OutboundKinds.Noun(kind)} named '{name}' was found.", name);

    private static ErrorRecord NotFound(OutboundObjectKind kind, string message, string target) =>
        new(new ItemNotFoundException(message), OutboundKinds.Of(kind).IdPart + "NotFound", ErrorCategory.ObjectNotFound, target);
}
