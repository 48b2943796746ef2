using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Sequences, campaign rules and schedules (docs/genesys-api.md, "What can undo or block a change"),
/// as typed objects that keep the JSON read. Sequences and rules are paged lists (100 a page, every
/// page); the three schedule lists are bare arrays. A list is asked for without a name filter: its
/// case rule is unknown and the lists are small, so names are matched here.
/// </summary>
internal sealed partial class GenesysApiClient
{
    /// <summary>Streams every sequence, page after page. Needs <c>outbound:campaignSequence:view</c>.</summary>
    public async IAsyncEnumerable<GenesysCampaignSequence> ListSequencesAsync(RequestStats? stats, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var sequence in ListPagesAsync(ToggleKind.Sequence.ListPath, $"pageSize={MaxPageSize}&allowEmptyResult=true", GenesysCampaignSequence.Parse, stats, "Listing sequences", cancellationToken).ConfigureAwait(false))
        {
            yield return sequence;
        }
    }

    /// <summary>
    /// Every sequence, as one list (<see cref="ListSequencesAsync"/> read to the end). For the cmdlets,
    /// which must not see IAsyncEnumerable (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    public Task<IReadOnlyList<GenesysCampaignSequence>> ReadSequencesAsync(RequestStats? stats, CancellationToken cancellationToken) =>
        ReadAllAsync(ListSequencesAsync(stats, cancellationToken), cancellationToken);

    /// <summary>Reads one sequence by id.</summary>
    /// <exception cref="GenesysApiException">404 when there is no such sequence; any other failure.</exception>
    public async Task<GenesysCampaignSequence> GetSequenceAsync(string id, RequestStats? stats, CancellationToken cancellationToken)
    {
        var what = $"Reading sequence {id}";
        var response = await SendAsync(HttpMethod.Get, ToggleKind.Sequence.ItemPath(id), null, stats, what, cancellationToken).ConfigureAwait(false);
        return ReadAnswer(response, what, GenesysCampaignSequence.Parse);
    }

    /// <summary>Streams every campaign rule, page after page. Needs <c>outbound:campaignRule:view</c>.</summary>
    public async IAsyncEnumerable<GenesysCampaignRule> ListCampaignRulesAsync(RequestStats? stats, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var rule in ListPagesAsync(ToggleKind.CampaignRule.ListPath, $"pageSize={MaxPageSize}&allowEmptyResult=true", GenesysCampaignRule.Parse, stats, "Listing campaign rules", cancellationToken).ConfigureAwait(false))
        {
            yield return rule;
        }
    }

    /// <summary>
    /// Every campaign rule, as one list (<see cref="ListCampaignRulesAsync"/> read to the end). For the
    /// cmdlets, which must not see IAsyncEnumerable (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    public Task<IReadOnlyList<GenesysCampaignRule>> ReadCampaignRulesAsync(RequestStats? stats, CancellationToken cancellationToken) =>
        ReadAllAsync(ListCampaignRulesAsync(stats, cancellationToken), cancellationToken);

    /// <summary>Reads one campaign rule by id.</summary>
    /// <exception cref="GenesysApiException">404 when there is no such rule; any other failure.</exception>
    public async Task<GenesysCampaignRule> GetCampaignRuleAsync(string id, RequestStats? stats, CancellationToken cancellationToken)
    {
        var what = $"Reading campaign rule {id}";
        var response = await SendAsync(HttpMethod.Get, ToggleKind.CampaignRule.ItemPath(id), null, stats, what, cancellationToken).ConfigureAwait(false);
        return ReadAnswer(response, what, GenesysCampaignRule.Parse);
    }

    /// <summary>
    /// Every schedule of a kind (one request: the list is a bare array or one entity listing, as
    /// <see cref="OutboundKinds"/> says; the SDK gives neither paging parameters), each with its
    /// <see cref="GenesysCampaignSchedule.NextStart"/> computed from <paramref name="now"/> (default:
    /// the current time). Needs one of the kind's <see cref="OutboundKind.ViewPermissions"/>.
    /// </summary>
    public async Task<IReadOnlyList<GenesysCampaignSchedule>> ListSchedulesAsync(ScheduleKind kind, RequestStats? stats, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var row = OutboundKinds.Of(kind);
        var path = row.ListPath;
        var what = $"Listing {row.Noun}s";
        var response = await SendAsync(HttpMethod.Get, path, null, stats, what, cancellationToken).ConfigureAwait(false);
        return ReadAnswer<IReadOnlyList<GenesysCampaignSchedule>>(response, what, root =>
        {
            // A bare array or an entity listing (CONFIRMED per kind); either is read for any kind.
            var items = root.ValueKind == JsonValueKind.Array ? root : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entities", out var entities) ? entities : default;
            if (items.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The answer is neither an array nor a list of entities.");
            }

            var schedules = items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => GenesysCampaignSchedule.Parse(e, kind, at)).ToList();

            // The SDK gives these lists no paging parameters, and whether Genesys ever pages them is not
            // known (fixtures README): a listing that says it holds more than it brought is not read as whole.
            var total = root.ValueKind == JsonValueKind.Object ? DependencyJson.Int(root, "total") : null;
            var pages = root.ValueKind == JsonValueKind.Object ? DependencyJson.Int(root, "pageCount") : null;
            return total > items.GetArrayLength() || pages > 1
                ? throw new FormatException($"The listing holds {items.GetArrayLength()} of {total} {row.Noun}s ({pages} pages), and the API takes no paging parameters to read the rest.")
                : schedules;
        });
    }

    /// <summary>Reads the schedule of one campaign or sequence, by that object's id, from the list of <paramref name="kind"/>.</summary>
    /// <exception cref="GenesysApiException">404 when it has no schedule (or does not exist); any other failure.</exception>
    public async Task<GenesysCampaignSchedule> GetScheduleAsync(ScheduleKind kind, string targetId, RequestStats? stats, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var row = OutboundKinds.Of(kind);
        var what = $"Reading the {row.Noun} of {targetId}";
        var response = await SendAsync(HttpMethod.Get, row.ItemPath(targetId), null, stats, what, cancellationToken).ConfigureAwait(false);
        return ReadAnswer(response, what, root => GenesysCampaignSchedule.Parse(root, kind, at));
    }

    /// <summary>Reads one sequence or campaign rule by id, as its kind's typed object.</summary>
    /// <exception cref="GenesysApiException">404 when there is no such object; any other failure.</exception>
    public async Task<IOutboundObject> GetObjectAsync(ToggleKind kind, string id, RequestStats? stats, CancellationToken cancellationToken)
    {
        var what = $"Reading {kind.Noun} {id}";
        var response = await SendAsync(HttpMethod.Get, kind.ItemPath(id), null, stats, what, cancellationToken).ConfigureAwait(false);
        var item = ReadAnswer(response, what, kind.Parse);

        // An answer about another object must never be written back in this one's place.
        return string.Equals(item.Id, id.Trim(), StringComparison.OrdinalIgnoreCase)
            ? item
            : throw new GenesysApiException(response.StatusCode, InvalidAnswer, $"{what}: the answer is {kind.Noun} {item.Id}, not the one asked for.", response.CorrelationId, 1);
    }

    /// <summary>
    /// The full-body PUT of a sequence or campaign rule (the body carries the version read; a stale
    /// one is refused with 409). A 2xx accepted the write whatever its body says: returns the object
    /// as the answer gives it, or null when the answer is not the whole object (another id, or without
    /// the field written), which the caller reads back, knowing the write applied.
    /// </summary>
    public async Task<IOutboundObject?> PutObjectAsync(ToggleKind kind, IOutboundObject item, string body, RequestStats? stats, CancellationToken cancellationToken)
    {
        var what = $"Updating {kind.Noun} {item.Id}";
        var response = await SendAsync(HttpMethod.Put, kind.ItemPath(item.Id), body, stats, what, cancellationToken, expectJson: false, write: true).ConfigureAwait(false);
        try
        {
            return ReadAnswer<IOutboundObject?>(response, what, root =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(kind.Field, out _) && kind.Parse(root) is { } answer && string.Equals(answer.Id, item.Id, StringComparison.OrdinalIgnoreCase)
                    ? answer
                    : null);
        }
        catch (GenesysApiException ex) when (ex.Code == InvalidAnswer)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the schedule of one campaign or sequence (one of the kind's <see cref="OutboundKind.DeletePermissions"/>):
    /// its target is then turned on and off by hand only.
    /// </summary>
    /// <exception cref="GenesysApiException">404 when there is none (after an unanswered attempt: <see cref="GenesysApiException.AnswerLost"/>, which may have deleted it); any other failure.</exception>
    public async Task DeleteScheduleAsync(ScheduleKind kind, string targetId, RequestStats? stats, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, OutboundKinds.Of(kind).ItemPath(targetId), null, stats, $"Deleting the {OutboundKinds.Of(kind).Noun} of {targetId}", cancellationToken, expectJson: false, write: true).ConfigureAwait(false);

    /// <summary>
    /// Puts a schedule (back): a PUT of <paramref name="body"/> to its target's address
    /// (one of the kind's <see cref="OutboundKind.EditPermissions"/>); a removed schedule is put back by the body it had
    /// (docs/genesys-api.md). Returns the schedule as answered, or as read back.
    /// </summary>
    public async Task<GenesysCampaignSchedule> PutScheduleAsync(ScheduleKind kind, string targetId, string body, RequestStats? stats, CancellationToken cancellationToken)
    {
        var row = OutboundKinds.Of(kind);
        var what = $"Putting back the {row.Noun} of {targetId}";
        var response = await SendAsync(HttpMethod.Put, row.ItemPath(targetId), body, stats, what, cancellationToken, expectJson: false, write: true).ConfigureAwait(false);
        try
        {
            return ReadAnswer(response, what, root => GenesysCampaignSchedule.Parse(root, kind, DateTimeOffset.UtcNow));
        }
        catch (GenesysApiException ex) when (ex.Code == InvalidAnswer)
        {
            return await GetScheduleAsync(kind, targetId, stats, cancellationToken).ConfigureAwait(false);
        }
    }
}
