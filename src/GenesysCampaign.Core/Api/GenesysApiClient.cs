using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Resilience;
using Polly;
using Polly.Timeout;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The small typed client for the outbound endpoints the module uses. Every request goes through
/// the resilience pipeline and renews the token once on a 401. One instance per cmdlet invocation
/// (it carries that invocation's log); the HttpClient and token are the connection's.
/// </summary>
internal sealed partial class GenesysApiClient
{
    /// <summary>The list endpoint's largest page and largest id batch (docs/genesys-api.md).</summary>
    public const int MaxPageSize = 100;

    /// <summary>The error code of a request Genesys kept refusing with 429 (its own code is in the message).</summary>
    public const string RateLimitedCode = "genesys.rate.limited";

    /// <summary>The <see cref="GenesysApiException.Code"/> of a request whose TLS handshake failed (not retried).</summary>
    public const string TlsHandshakeFailedCode = "tls.handshake.failed";

    /// <summary>The error code of an answer not shaped as the contract describes.</summary>
    public const string InvalidAnswer = "invalid.answer";

    /// <summary>What the pipeline sees of a successful token request (it carries no answer of its own).</summary>
    private static readonly ApiResponse TokenOnly = new(200, "{}", null, null);

    private readonly HttpClient _http;
    private readonly GenesysEndpoints _endpoints;
    private readonly IAccessTokenProvider _tokens;
    private readonly IOperationLog _log;
    private readonly ResiliencePipeline<ApiResponse> _pipeline;
    private readonly ResiliencePipeline _attempt;
    private readonly RateBudget _budget;

    /// <summary>Creates a client over a connection's HttpClient, token provider and rate budget.</summary>
    public GenesysApiClient(HttpClient http, GenesysEndpoints endpoints, IAccessTokenProvider tokens, ResilienceOptions? resilience = null, IOperationLog? log = null, RateBudget? budget = null, StatusEndpoints? statusEndpoints = null, CampaignDirectory? campaigns = null, ChangeActor? actor = null)
    {
        Actor = actor ?? new ChangeActor(null, null, endpoints.Display, null);
        _http = http;
        _endpoints = endpoints;
        _tokens = tokens;
        _budget = budget ?? new RateBudget();
        StatusEndpoints = statusEndpoints ?? new StatusEndpoints();
        Campaigns = campaigns ?? new CampaignDirectory();
        _log = log ?? NullOperationLog.Instance;
        ResilienceOptions = resilience ?? new ResilienceOptions();
        _pipeline = GenesysResiliencePipeline.Create(ResilienceOptions, _log);
        _attempt = GenesysResiliencePipeline.CreateAttempt(ResilienceOptions);
    }

    /// <summary>Who this client's changes are made by, on which org: stamped on each record.</summary>
    internal ChangeActor Actor { get; }

    /// <summary>The retry settings in force.</summary>
    public ResilienceOptions ResilienceOptions { get; }

    /// <summary>Which of the start/stop endpoints this connection has found usable.</summary>
    public StatusEndpoints StatusEndpoints { get; }

    /// <summary>The kind of each campaign id this connection has read.</summary>
    public CampaignDirectory Campaigns { get; }

    /// <summary>The request budget of this connection's token.</summary>
    public RateBudget RateBudget => _budget;

    /// <summary>Where requests go (for messages).</summary>
    public GenesysEndpoints Endpoints => _endpoints;

    /// <summary>List pages read at once after the first has told how many there are.</summary>
    public int PageConcurrency { get; set; } = 10;

    /// <summary>
    /// Reads one campaign by id, of whatever kind: the kind the connection has seen it to be, else
    /// voice, then (on a 404) messaging.
    /// </summary>
    /// <exception cref="GenesysApiException">404 when it is no campaign of any kind; any other failure.</exception>
    public async Task<GenesysCampaign> GetCampaignAsync(string id, RequestStats? stats, CancellationToken cancellationToken)
    {
        if (Campaigns.KindOf(id) is { } known)
        {
            return await GetCampaignAsync(known, id, stats, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await GetCampaignAsync(CampaignKind.Voice, id, stats, cancellationToken).ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            return await GetCampaignAsync(CampaignKind.Messaging, id, stats, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one campaign of a known kind.</summary>
    public async Task<GenesysCampaign> GetCampaignAsync(CampaignKind kind, string id, RequestStats? stats, CancellationToken cancellationToken)
    {
        var what = $"Reading {kind.Noun} {id}";
        var response = await SendAsync(HttpMethod.Get, kind.ItemPath(id), null, stats, what, cancellationToken).ConfigureAwait(false);
        return Campaigns.Remember(ReadAnswer(response, what, root => CampaignIn(root, kind)));
    }

    /// <summary>
    /// Writes the whole campaign body (as built by <see cref="CampaignBody"/>) and returns the campaign
    /// as Genesys answered with it, or null when the answer (of an accepted write) is not the campaign.
    /// </summary>
    public async Task<GenesysCampaign?> PutCampaignAsync(GenesysCampaign campaign, string body, RequestStats? stats, CancellationToken cancellationToken)
    {
        var kind = campaign.Kind;
        var what = $"Updating {kind.Noun} {campaign.Id}";

        // A 2xx accepted the write whatever its body says; an answer that is not the campaign is null,
        // for the caller to read back knowing the write applied (a failed read then loses nothing).
        var response = await SendAsync(HttpMethod.Put, kind.ItemPath(campaign.Id) + CampaignBody.PutQuery(kind, body), body, stats, what, cancellationToken, expectJson: false, write: true).ConfigureAwait(false);
        try
        {
            return Campaigns.Remember(ReadAnswer(response, what, root => CampaignIn(root, kind)));
        }
        catch (GenesysApiException ex) when (ex.Code == InvalidAnswer)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>POST .../{id}/start</c> or <c>/stop</c> of the campaign's kind (see <see cref="CampaignKind.ActionPath"/>):
    /// no body either way; any 2xx is success. The change is asynchronous: read or listen for its result.
    /// </summary>
    public async Task PostCampaignActionAsync(GenesysCampaign campaign, string action, RequestStats? stats, CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Post, campaign.Kind.ActionPath(campaign.Id, action), null, stats, $"Asking {campaign.Kind.Noun} {campaign.Id} to {action}", cancellationToken, expectJson: false, write: true).ConfigureAwait(false);
    }

    /// <summary>The campaign an answer is; one without a status is not a campaign to act on.</summary>
    private static GenesysCampaign CampaignIn(JsonElement root, CampaignKind kind)
    {
        var campaign = GenesysCampaign.Parse(root, kind);
        return campaign.Status.Length > 0 ? campaign : throw new FormatException($"The {kind.Noun} has no campaignStatus.");
    }

    /// <summary>
    /// Reads an answer with <paramref name="read"/>. One not shaped as the contract describes (bad
    /// JSON, wrong kinds, no id) is a failed read: a GenesysApiException, which every caller handles.
    /// </summary>
    private static T ReadAnswer<T>(ApiResponse response, string what, Func<JsonElement, T> read)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            return read(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new GenesysApiException(response.StatusCode, InvalidAnswer, $"{what}: the answer is not what the contract describes ({ex.Message}).", response.CorrelationId, 1, ex);
        }
    }

    /// <summary>
    /// Streams every campaign of <paramref name="kind"/> (voice when null) whose name starts with
    /// <paramref name="namePrefix"/> (all when null; a kind without a prefix filter lists all, see
    /// <see cref="CampaignKind.FiltersByNamePrefix"/>), page after page of 100, sorted by name.
    /// </summary>
    public async IAsyncEnumerable<GenesysCampaign> ListCampaignsAsync(string? namePrefix, RequestStats? stats, [EnumeratorCancellation] CancellationToken cancellationToken, CampaignKind? kind = null)
    {
        kind ??= CampaignKind.Voice;
        var query = new StringBuilder($"pageSize={MaxPageSize}&sortBy=name&sortOrder=ascending");
        if (!string.IsNullOrEmpty(namePrefix) && kind.FiltersByNamePrefix)
        {
            query.Append("&filterType=Prefix&name=").Append(Uri.EscapeDataString(namePrefix));
        }

        await foreach (var campaign in ListPagesAsync(kind.ListPath, query.ToString(), e => Campaigns.Remember(GenesysCampaign.Parse(e, kind)), stats, $"Listing {kind.Noun}s", cancellationToken).ConfigureAwait(false))
        {
            yield return campaign;
        }
    }

    /// <summary>
    /// Every campaign of <paramref name="kind"/>, as one list (<see cref="ListCampaignsAsync"/> read to
    /// the end). For the cmdlets, which must not see IAsyncEnumerable (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    public Task<IReadOnlyList<GenesysCampaign>> ReadCampaignsAsync(CampaignKind kind, RequestStats? stats, CancellationToken cancellationToken) =>
        ReadAllAsync(ListCampaignsAsync(null, stats, cancellationToken, kind), cancellationToken);

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            all.Add(item);
        }

        return all;
    }

    /// <summary>
    /// Reads campaigns by id, of whatever kind, with each kind's list and its repeated <c>id</c>
    /// parameter (100 ids a call; both lists take it, contract/outbound-api.json): the voice list for
    /// the ids not known to be messaging campaigns, then the messaging list for the ids it did not
    /// have. Ids that are no campaign of any kind are simply absent from the result. A messaging list
    /// refused (403 for a role without messaging; <see cref="GenesysApiException.RefusesTheList"/>) throws, unless <paramref name="onRefused"/> is
    /// given: it is told, and those ids are absent too.
    /// </summary>
    public async Task<IReadOnlyList<GenesysCampaign>> GetCampaignsByIdAsync(IReadOnlyCollection<string> ids, RequestStats? stats, CancellationToken cancellationToken, Action<CampaignKind, GenesysApiException>? onRefused = null)
    {
        var wanted = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new List<GenesysCampaign>(wanted.Count);
        found.AddRange(await ReadByIdAsync(CampaignKind.Voice, wanted.Where(id => Campaigns.KindOf(id) != CampaignKind.Messaging), stats, null, cancellationToken).ConfigureAwait(false));
        var voice = new HashSet<string>(found.Select(c => c.Id), StringComparer.OrdinalIgnoreCase);
        found.AddRange(await ReadByIdAsync(CampaignKind.Messaging, wanted.Where(id => !voice.Contains(id)), stats, onRefused, cancellationToken).ConfigureAwait(false));

        // Each campaign once, even if an answer repeats one (callers key by id).
        return found.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList();
    }

    /// <summary>Campaigns of <paramref name="kind"/> by id, from its list (100 ids a call); a list refused (<see cref="GenesysApiException.RefusesTheList"/>) told to <paramref name="onRefused"/> when given.</summary>
    private async Task<List<GenesysCampaign>> ReadByIdAsync(CampaignKind kind, IEnumerable<string> ids, RequestStats? stats, Action<CampaignKind, GenesysApiException>? onRefused, CancellationToken cancellationToken)
    {
        var found = new List<GenesysCampaign>();
        try
        {
            foreach (var batch in Batch(ids, MaxPageSize))
            {
                var query = $"pageSize={MaxPageSize}&sortBy=name&sortOrder=ascending&" + string.Join("&", batch.Select(id => "id=" + Uri.EscapeDataString(id)));
                await foreach (var campaign in ListPagesAsync(kind.ListPath, query, e => Campaigns.Remember(GenesysCampaign.Parse(e, kind)), stats, $"Reading {kind.Noun}s by id", cancellationToken).ConfigureAwait(false))
                {
                    found.Add(campaign);
                }
            }
        }
        catch (GenesysApiException ex) when (ex.RefusesTheList && onRefused is not null)
        {
            // A role without this kind's view, or an org without messaging: the caller says so with
            // the ids it could not find; what was read is kept.
            onRefused(kind, ex);
        }

        return found;
    }

    /// <summary>
    /// Every entity of a paged list, each turned into a <typeparamref name="T"/> by <paramref name="map"/>
    /// while its page's document is open (so campaigns are read straight from the page, not copied first).
    /// </summary>
    private async IAsyncEnumerable<T> ListPagesAsync<T>(string path, string query, Func<JsonElement, T> map, RequestStats? stats, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // PageConcurrency requests in flight at most. A page frees its slot as soon as its answer has
        // arrived, so parsing and handing out one page overlap the requests for the next ones.
        var concurrency = Math.Max(1, PageConcurrency);
        var slots = new SemaphoreSlim(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<Page<T>> Read(int pageNumber) => ReadPageAsync($"{path}?{query}&pageNumber={pageNumber}", map, stats, what, slots, stop.Token);

        try
        {
            var first = await Read(1).ConfigureAwait(false);
            foreach (var entity in first.Entities)
            {
                yield return entity;
            }

            if (first.PageCount is { } pageCount)
            {
                // The first page says how many there are. Pages are handed out in order; at most
                // twice PageConcurrency are held or asked for at once, whatever the total.
                var window = new Queue<Task<Page<T>>>();
                var next = 2;
                while (next <= pageCount || window.Count > 0)
                {
                    while (next <= pageCount && window.Count < 2 * concurrency)
                    {
                        window.Enqueue(Read(next++));
                    }

                    var page = await window.Dequeue().ConfigureAwait(false);
                    foreach (var entity in page.Entities)
                    {
                        yield return entity;
                    }
                }

                yield break;
            }

            // No pageCount in the answer: a short page is the last one.
            var current = first;
            for (var pageNumber = 2; current.Entities.Count >= MaxPageSize; pageNumber++)
            {
                current = await Read(pageNumber).ConfigureAwait(false);
                foreach (var entity in current.Entities)
                {
                    yield return entity;
                }
            }
        }
        finally
        {
            // A caller that stops early (or fails) leaves no page requests running behind it.
            stop.Cancel();
        }
    }

    private async Task<Page<T>> ReadPageAsync<T>(string pathAndQuery, Func<JsonElement, T> map, RequestStats? stats, string what, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        ApiResponse response;
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            response = await SendAsync(HttpMethod.Get, pathAndQuery, null, stats, what, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }

        return ReadAnswer(response, what, root =>
        {
            var entities = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(map).ToList()
                : new List<T>();
            int? pageCount = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("pageCount", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) ? n : null;
            return new Page<T>(entities, pageCount);
        });
    }

    private sealed class Page<T>
    {
        public Page(List<T> entities, int? pageCount)
        {
            Entities = entities;
            PageCount = pageCount;
        }

        public List<T> Entities { get; }

        public int? PageCount { get; }
    }

    /// <summary>
    /// Who the token acts for (<see cref="OutboundPaths.TokenIdentity"/>, no permission needed): the
    /// org's id and name and the OAuth client's id; a field the answer lacks is null.
    /// </summary>
    /// <exception cref="GenesysApiException">The answer could not be had, or is not JSON.</exception>
    public async Task<(string? OrganizationId, string? OrganizationName, string? OAuthClientId)> GetTokenIdentityAsync(CancellationToken cancellationToken)
    {
        const string What = "Reading who the token acts for";
        var response = await SendAsync(HttpMethod.Get, OutboundPaths.TokenIdentity, null, null, What, cancellationToken).ConfigureAwait(false);
        return ReadAnswer(response, What, root =>
        {
            var (organization, client) = (DependencyJson.Property(root, "organization"), DependencyJson.Property(root, "OAuthClient"));
            return (DependencyJson.Text(organization, "id"), DependencyJson.Text(organization, "name"), DependencyJson.Text(client, "id"));
        });
    }

    /// <summary>
    /// Gets a token now (Connect-GenesysCloud does, so wrong credentials fail there), riding out a
    /// login service blip (5xx, 429, no connection) like any request. A refusal of the credentials
    /// is not retried.
    /// </summary>
    /// <exception cref="GenesysAuthenticationException">The credentials were refused.</exception>
    /// <exception cref="GenesysApiException">No token could be had within the retries.</exception>
    public async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    await _attempt.ExecuteAsync(async t => await _tokens.GetTokenAsync(false, t).ConfigureAwait(false), token).ConfigureAwait(false);
                    return TokenOnly;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GenesysAuthenticationException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw new GenesysApiException(0, FailureCode(ex), $"Getting a token failed after {attempts} attempt(s): {Describe(ex, _endpoints.LoginBase.Host)}", null, attempts, ex);
        }
    }

    /// <summary>
    /// Sends one request through the pipeline. With <paramref name="expectJson"/> a 2xx must carry a
    /// JSON body (anything else is retried as a transient fault); without, any 2xx body is accepted.
    /// A <paramref name="write"/> (a request that changes an outbound object) is never cut short once
    /// sent: <paramref name="cancellationToken"/> stops it only before it is sent, or sent again (its
    /// waits and its queueing), and then throws <see cref="RequestStoppedException"/> saying what its
    /// attempts met. A read is cancelled wherever it is.
    /// </summary>
    internal async Task<ApiResponse> SendAsync(HttpMethod method, string relativePath, string? jsonBody, RequestStats? stats, string what, CancellationToken cancellationToken, bool expectJson = true, bool write = false)
    {
        var uri = new Uri(_endpoints.ApiBase, relativePath);
        var attempts = 0;
        var renewed = false;
        var sent = new SentState(write);
        var worked = Stopwatch.StartNew();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GenesysResiliencePipeline.Worked, worked);
        ApiResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async (ctx, _) =>
                {
                    var token = ctx.CancellationToken;
                    if (attempts > 0 && stats?.Turn is { } turn)
                    {
                        // Sent again after a 429 gave its place up: it queues for one, as a write not yet begun does.
                        await QueuedAsync(worked, turn.TakeAgainAsync(token)).ConfigureAwait(false);
                    }

                    attempts++;
                    var answer = await SendOnceAsync(method, uri, jsonBody, stats, renewToken: false, sent, worked, token).ConfigureAwait(false);
                    if (answer.StatusCode == 401 && !renewed)
                    {
                        // Expired or revoked token: renew once, then try again. It counts as done only
                        // once answered: a renewal the attempt timeout cut short is tried again.
                        _log.Verbose("The access token was refused (401); requesting a new one.");
                        attempts++;
                        answer = await SendOnceAsync(method, uri, jsonBody, stats, renewToken: true, sent, worked, token).ConfigureAwait(false);
                        renewed = true;
                    }

                    if (answer.StatusCode == 429)
                    {
                        // Its place goes to the next write while it waits; fewer write at once after a
                        // 429 that was not one resource's own.
                        stats?.Turn?.RateLimited(GenesysResiliencePipeline.RetryAfterOrDefault(answer, ResilienceOptions), tokenWide: !_budget.HasRoom);
                    }

                    if (answer.StatusCode >= 500)
                    {
                        // A gateway's 5xx says nothing of whether the server behind it did the work.
                        sent.AnswerLost = true;
                    }

                    if (answer.IsSuccess && expectJson && !LooksLikeJson(answer.Body))
                    {
                        throw new TransientResponseException(answer.StatusCode, $"HTTP {answer.StatusCode} with a body that is not JSON", answer.CorrelationId);
                    }

                    return answer;
                },
                context,
                0).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (write && cancellationToken.IsCancellationRequested)
        {
            throw new RequestStoppedException(what, sent.Sent, sent.AnswerLost, sent.LastStatus, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (ex is GenesysApiException or GenesysAuthenticationException)
            {
                throw;
            }

            var status = ex is TransientResponseException transient ? transient.StatusCode : 0;
            throw new GenesysApiException(status, FailureCode(ex), $"{what} failed after {attempts} attempt(s): {Describe(ex, uri.Host)}", stats?.LastCorrelationId, attempts, ex) { AnswerLost = sent.AnswerLost };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccess)
        {
            return response;
        }

        var error = GenesysApiException.FromResponse(response, what, attempts);
        error.AnswerLost = sent.AnswerLost;
        if (response.StatusCode == 429)
        {
            // Said as what it is, with the wait asked for: not a connection failure.
            var wait = GenesysResiliencePipeline.RetryAfterOrDefault(response, ResilienceOptions);
            var left = ResilienceOptions.TotalTimeout - worked.Elapsed;
            var reason = wait > ResilienceOptions.MaxRetryAfter
                ? $"it asked to wait {wait.TotalSeconds:0} s, more than the {ResilienceOptions.MaxRetryAfter.TotalSeconds:0} s this module waits"
                : GenesysResiliencePipeline.FitsIn(wait, left)
                    ? $"still refused after {attempts} attempt(s); it last asked to wait {wait.TotalSeconds:0} s"
                    : $"it asked to wait {wait.TotalSeconds:0} s, more than the {Math.Max(0, left.TotalSeconds):0} s left of this request's {ResilienceOptions.TotalTimeout.TotalSeconds:0} s";
            error = new GenesysApiException(429, RateLimitedCode, $"Rate limited by Genesys Cloud: {reason}. {error.Message}", error.CorrelationId, attempts) { AnswerLost = sent.AnswerLost };
        }

        throw error;
    }

    /// <summary>
    /// One attempt: a token, a turn in the token's rate budget (queued: off the request's clock), then
    /// the send, each bounded by the attempt timeout. A write's send is not cancelled by
    /// <paramref name="beforeSend"/>: once it has left, its answer is waited for.
    /// </summary>
    private async Task<ApiResponse> SendOnceAsync(HttpMethod method, Uri uri, string? jsonBody, RequestStats? stats, bool renewToken, SentState sent, Stopwatch worked, CancellationToken beforeSend)
    {
        var token = await _attempt.ExecuteAsync(async t => await _tokens.GetTokenAsync(renewToken, t).ConfigureAwait(false), beforeSend).ConfigureAwait(false);
        await QueuedAsync(worked, _budget.WaitTurnAsync(beforeSend)).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        var clock = Stopwatch.StartNew();
        stats?.CountRequest(sent.Write);
        sent.Sent++;
        HttpResponseMessage response;
        string body;
        try
        {
            (response, body) = await _attempt.ExecuteAsync(
                async t =>
                {
                    var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, t).ConfigureAwait(false);
                    return (answer, answer.Content is null ? string.Empty : await answer.Content.ReadAsStringAsync().ConfigureAwait(false));
                },
                sent.Write ? CancellationToken.None : beforeSend).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.IO.IOException or TimeoutRejectedException)
        {
            // Sent, and no answer: whatever it asked for may have been done.
            sent.AnswerLost = true;
            throw;
        }

        using var disposeResponse = response;
        var correlationId = Header(response, "inin-correlation-id");
        double? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta.TotalSeconds,
            { Date: { } date } => Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds),
            _ => null,
        };
        sent.LastStatus = (int)response.StatusCode;
        stats?.Answered(correlationId);
        _budget.Observe(Header(response, "inin-ratelimit-allowed"), Header(response, "inin-ratelimit-count"), Header(response, "inin-ratelimit-reset"));

        // The Authorization header is never traced: only method, URI, status and timing.
        _log.Debug($"{method} {uri.PathAndQuery} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms (correlation id {correlationId ?? "none"})");
        return new ApiResponse((int)response.StatusCode, body, correlationId, retryAfter);
    }

    /// <summary>Waits for a turn behind other requests, off the request's <paramref name="worked"/> clock.</summary>
    private static async Task QueuedAsync(Stopwatch worked, Task turn)
    {
        worked.Stop();
        try
        {
            await turn.ConfigureAwait(false);
        }
        finally
        {
            worked.Start();
        }
    }

    /// <summary>What the attempts of one request have in common (they run one after another).</summary>
    private sealed class SentState
    {
        public SentState(bool write) => Write = write;

        /// <summary>Whether the request is a write: once sent, not cut short.</summary>
        public bool Write { get; }

        /// <summary>An attempt was sent and ended without an answer from Genesys itself (none at all, or a 5xx).</summary>
        public bool AnswerLost { get; set; }

        /// <summary>Attempts sent.</summary>
        public int Sent { get; set; }

        /// <summary>The status of the last answer (0: none yet).</summary>
        public int LastStatus { get; set; }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool LooksLikeJson(string body)
    {
        var text = body.Trim();
        // Every call this client makes expects a JSON body: an empty answer is as wrong as an HTML one.
        return text.Length > 0
            && ((text[0] == '{' && text[text.Length - 1] == '}')
                || (text[0] == '[' && text[text.Length - 1] == ']'));
    }

    /// <summary>The code of a request that got no answer: a failed TLS handshake is told apart from other faults.</summary>
    private static string? FailureCode(Exception ex) => TlsPolicy.IsHandshakeFailure(ex) ? TlsHandshakeFailedCode : null;

    private static string Describe(Exception ex, string host) => ex switch
    {
        _ when TlsPolicy.IsHandshakeFailure(ex) => TlsPolicy.Describe(ex, host),
        TimeoutRejectedException => "no answer in time",
        LoginUnreachableException => ex.Message,
        HttpRequestException http => "the connection failed (" + (http.InnerException?.Message ?? http.Message) + ")",
        _ => ex.Message,
    };

    private static IEnumerable<List<string>> Batch(IEnumerable<string> items, int size)
    {
        var batch = new List<string>(size);
        foreach (var item in items)
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<string>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
