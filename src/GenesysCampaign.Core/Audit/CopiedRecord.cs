using System;
using System.Globalization;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// A change record read from a copy of one: a record deserialized (a job's or a child runbook's output,
/// Import-Clixml, remoting) or an audit line read as plain data (ConvertFrom-Json, Import-Csv). Fields
/// are taken by name, as the record spells them (the host matches names without regard to case); an
/// enum by its name or its number (ConvertTo-Json writes numbers), a time as a date or ISO 8601 text.
/// What Resume, Stop, Undo-GenesysCampaignChange and Measure-GenesysCampaignChange decide on, put back and add up a copy with.
/// </summary>
internal static class CopiedRecord
{
    /// <summary>
    /// The record <paramref name="field"/> tells (a field's name to its value; null when the copy lacks it),
    /// or null when it has no OperationId, Action and Outcome it can read. Then <paramref name="why"/> says
    /// what is wrong when the copy names any of the three (it means to be a record: a breaker's trial of
    /// session 13 saw Resume start a campaign as a bare id when given a copy whose Outcome read 'NotChanged'),
    /// and is null when it names none (a campaign, an id).
    /// </summary>
    public static GenesysCampaignStateChange? From(Func<string, object?> field, out string? why)
    {
        var operation = Text(field("OperationId"));
        var actionText = Text(field("Action"));
        var outcomeText = Text(field("Outcome"));
        why = null;
        if (operation is null || !TryEnum<CampaignAction>(field("Action"), out var action) || !TryEnum<StateChangeOutcome>(field("Outcome"), out var outcome))
        {
            if (operation is not null || actionText is not null || outcomeText is not null)
            {
                why = operation is null ? "it has no OperationId"
                    : actionText is null ? "it has no Action"
                    : !TryEnum<CampaignAction>(field("Action"), out _) ? $"its Action '{actionText}' is none of {string.Join(", ", Enum.GetNames(typeof(CampaignAction)))}"
                    : outcomeText is null ? "it has no Outcome"
                    : $"its Outcome '{outcomeText}' is none of {string.Join(", ", Enum.GetNames(typeof(StateChangeOutcome)))}";
            }

            return null;
        }

        var kind = TryEnum<OutboundObjectKind>(field("ObjectKind"), out var given) ? given : OutboundObjectKind.Campaign;
        var campaignId = Text(field("CampaignId"));
        var objectId = Text(field("ObjectId")) ?? campaignId ?? string.Empty;
        return new GenesysCampaignStateChange
        {
            Timestamp = Time(field("Timestamp")) ?? default,
            OperationId = operation,
            ObjectKind = kind,
            ObjectId = objectId,
            ObjectName = Text(field("ObjectName")),
            CampaignId = campaignId ?? (kind == OutboundObjectKind.Campaign ? objectId : null),
            CampaignName = Text(field("CampaignName")),
            MediaType = TryEnum<CampaignMediaType>(field("MediaType"), out var media) ? media : null,
            Action = action,
            PreviousStatus = Text(field("PreviousStatus")),
            RequestedStatus = Text(field("RequestedStatus")) ?? string.Empty,
            FinalStatus = Text(field("FinalStatus")),
            Outcome = outcome,
            Message = Text(field("Message")) ?? string.Empty,
            FinalVersion = int.TryParse(Text(field("FinalVersion")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : null,
            WrittenWith = Text(field("WrittenWith")),
            ReplacedBody = Text(field("ReplacedBody")),
            Reason = Text(field("Reason")),
            WrittenAt = Time(field("WrittenAt")),
            SettledAt = Time(field("SettledAt")),
            ErrorCode = Text(field("ErrorCode")),
        };
    }

    /// <summary>Text with something in it, trimmed; null otherwise.</summary>
    private static string? Text(object? value) =>
        value?.ToString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>An enum value by name (any case) or by a number that names one.</summary>
    private static bool TryEnum<T>(object? value, out T parsed)
        where T : struct, Enum
    {
        parsed = default;
        if (value is T typed)
        {
            parsed = typed;
            return true;
        }

        if (Text(value) is not { } text)
        {
            return false;
        }

        // An int: every enum here is one (a larger number is none of them, not one wrapped round).
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            var candidate = (T)Enum.ToObject(typeof(T), number);
            parsed = candidate;
            return Enum.IsDefined(typeof(T), candidate);
        }

        if (char.IsDigit(text[0]) || text[0] is '-' or '+')
        {
            return false; // A number too large for one; never parsed by name, where it could wrap round.
        }

        return Enum.TryParse(text, ignoreCase: true, out parsed) && Enum.IsDefined(typeof(T), parsed);
    }

    /// <summary>
    /// A time as UTC: a date as it is (local ones converted), or text: ISO 8601 (an audit line), or as this
    /// machine's culture writes a date (Export-Csv), read as UTC when it names no zone (records hold UTC); null otherwise.
    /// </summary>
    private static DateTime? Time(object? value) => value switch
    {
        DateTime date => GenesysCampaignChangeMeasure.Utc(date),
        DateTimeOffset offset => offset.UtcDateTime,
        _ when Text(value) is { } text && DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.UtcDateTime,
        _ => null,
    };
}
