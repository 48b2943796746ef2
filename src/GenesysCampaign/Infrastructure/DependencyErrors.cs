using System;
using System.Management.Automation;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// The error records of the sequence, rule and schedule cmdlets, built in one place. Ids say what
/// failed: <c>CampaignSequenceNotFound</c>, <c>CampaignRuleNotFound</c>, <c>InvalidCampaignSequenceId</c>,
/// <c>InvalidCampaignRuleId</c>.
/// </summary>
internal static class DependencyErrors
{
    /// <summary>What each kind of object is called in messages and error ids.</summary>
    internal sealed class Noun
    {
        public static readonly Noun Sequence = new("sequence", "CampaignSequence");
        public static readonly Noun Rule = new("campaign rule", "CampaignRule");

        private Noun(string text, string idPart)
        {
            Text = text;
            IdPart = idPart;
        }

        public string Text { get; }

        /// <summary>The noun of a kind that cmdlets change.</summary>
        public static Noun For(GenesysCloud.Outbound.Audit.OutboundObjectKind kind) =>
            kind == GenesysCloud.Outbound.Audit.OutboundObjectKind.Sequence ? Sequence : Rule;

        public string IdPart { get; }
    }

    /// <summary>Invalid…Id: the id cannot be one (as for campaigns: letters, digits, '-', '_', '.'), so no request is made for it.</summary>
    public static ErrorRecord InvalidId(Noun noun, string id) =>
        new(
            new ArgumentException($"'{id}' is not a {noun.Text} id: an id has only letters, digits, '-', '_' and '.', such as 8f0c4e54-5d3f-4f76-9a43-0cb9d0a6f1f2 (a GUID). Use -Name to give {noun.Text}s by name."),
            "Invalid" + noun.IdPart + "Id",
            ErrorCategory.InvalidArgument,
            id);

    /// <summary>The hint after an id that matched nothing and is no GUID, as Genesys ids are: it was likely meant as a name.</summary>
    public static string? NotFoundHint(Noun noun, string id) =>
        Guid.TryParse(id, out _) ? null : $"Genesys {noun.Text} ids are GUIDs; to give '{id}' as a name, use -Name '{id.Replace("'", "''")}'.";

    /// <summary>…NotFound for an id.</summary>
    public static ErrorRecord IdNotFound(Noun noun, string id) =>
        NotFound(noun, $"No {noun.Text} with id '{id}' was found." + (NotFoundHint(noun, id) is { } hint ? " " + hint : string.Empty), id);

    /// <summary>…NotFound for a name without wildcards.</summary>
    public static ErrorRecord NameNotFound(Noun noun, string name) => NotFound(noun, $"No {noun.Text} named '{name}' was found.", name);

    private static ErrorRecord NotFound(Noun noun, string message, string target) =>
        new(new ItemNotFoundException(message), noun.IdPart + "NotFound", ErrorCategory.ObjectNotFound, target);
}
