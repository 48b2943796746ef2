namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// One request the simulator received (API and token calls; admin calls under <c>/__sim</c> are not logged).
/// </summary>
/// <param name="Time">Arrival time (UTC).</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Request path, e.g. <c>/api/v2/outbound/campaigns/{id}</c>.</param>
/// <param name="Query">Raw query string without the leading <c>?</c>; empty when there is none.</param>
/// <param name="Status">Response status; 0 when the connection was dropped or the client gave up first.</param>
/// <param name="Body">Request body text, or null when the request had none.</param>
/// <param name="Authorization">Redacted scheme only (<c>Bearer ***</c> / <c>Basic ***</c>) so logs never hold secrets; null when absent.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    int Status,
    string? Body,
    string? Authorization);
