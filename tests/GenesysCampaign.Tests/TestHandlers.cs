using System.Net;

namespace GenesysCampaign.Tests;

/// <summary>
/// Forwards to the simulator; for the requests <c>lose</c> picks (given the request and its body), the
/// server does the work and the answer is lost (a connection reset after the request was handled), at
/// most <c>times</c> times.
/// </summary>
internal sealed class LosingHandler(Func<HttpRequestMessage, string?, bool> lose, int times = int.MaxValue) : DelegatingHandler(new HttpClientHandler())
{
    private int _picked;
    private int _lost;

    /// <summary>How many answers were lost.</summary>
    public int Lost => _lost;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (lose(request, body) && Interlocked.Increment(ref _picked) <= times)
        {
            Interlocked.Increment(ref _lost);
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the server handled the request (test).");
        }

        return response;
    }
}

/// <summary>Forwards to the simulator, then replaces the status of the answers <c>status</c> picks with an HTML gateway page.</summary>
internal sealed class AnswerStatus(Func<HttpRequestMessage, int?> status) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (status(request) is { } code)
        {
            response.StatusCode = (HttpStatusCode)code;
            response.Content = new StringContent("<html>Gateway Timeout</html>");
        }

        return response;
    }
}

/// <summary>Answers the requests <c>answer</c> takes itself; passes the rest to the simulator.</summary>
internal sealed class ShortCircuit(Func<HttpRequestMessage, Task<HttpResponseMessage?>> answer) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await answer(request) ?? await base.SendAsync(request, cancellationToken);
}

/// <summary>
/// Passes requests on to the simulator and keeps each exchange: method, path, query, the request body
/// and the answer's status and body (read into memory; the client reads it from there unchanged).
/// </summary>
internal sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly List<Exchange> _exchanges = new();

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        lock (_exchanges)
        {
            _exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'), sent, (int)response.StatusCode, answer));
        }

        return response;
    }

    /// <summary>One request and its answer.</summary>
    internal sealed record Exchange(string Method, string Path, string Query, string? Body, int Status, string Answer);
}
