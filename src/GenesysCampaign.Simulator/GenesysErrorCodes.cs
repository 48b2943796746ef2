namespace GenesysCloud.Outbound.Simulator;

/// <summary>Error codes the simulator returns. Those not seen in Genesys sources are marked UNCONFIRMED.</summary>
internal static class GenesysErrorCodes
{
    public const string BadCredentials = "bad.credentials";
    public const string BadRequest = "bad.request";
    public const string NotFound = "not.found";
    public const string WrongVersion = "invalid.update.wrong.version";
    public const string TooManyBulkRetrieves = "too.many.bulk.retrieves";
    public const string TooManyRequests = "too.many.requests.retry.after";
    public const string MissingPermissions = "missing.permissions";

    /// <summary>403 when the client holds none of a list of which any one would do (UNCONFIRMED: public client code tests for it; fixtures README).</summary>
    public const string MissingAnyPermissions = "missing.any.permissions";

    /// <summary>UNCONFIRMED code for a channel asked to hold more than 1000 topics.</summary>
    public const string TooManyTopics = "notifications.too.many.topics";

    /// <summary>UNCONFIRMED code for a 503.</summary>
    public const string ServiceUnavailable = "service.unavailable";

    /// <summary>UNCONFIRMED code for a 504.</summary>
    public const string GatewayTimeout = "gateway.timeout";

    /// <summary>UNCONFIRMED code for a non-JSON PUT body.</summary>
    public const string UnsupportedMediaType = "unsupported.media.type";

    /// <summary>UNCONFIRMED code for an unexpected server failure.</summary>
    public const string InternalServerError = "internal.server.error";
}
