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
