namespace GenesysCloud.Outbound.Simulator;

/// <summary>Kinds of failure the <see cref="FaultInjector"/> can put on <c>/api/v2</c> requests.</summary>
public enum FaultKind
{
    /// <summary>429 with <c>Retry-After</c> and code <c>too.many.requests.retry.after</c>.</summary>
    RateLimit429,

    /// <summary>503 with a Genesys JSON error body.</summary>
    ServiceUnavailable503,

    /// <summary>502 with an HTML body, as a load balancer sends it: clients must not assume JSON.</summary>
    BadGateway502Html,

    /// <summary>504 with a Genesys JSON error body.</summary>
    GatewayTimeout504,

    /// <summary>The connection is aborted with nothing sent.</summary>
    DropConnection,

    /// <summary>Waits <see cref="FaultRule.DelayMs"/> then handles the request normally.</summary>
    Slow,

    /// <summary>Revokes every issued token, then answers 401.</summary>
    RevokeToken,

    /// <summary>Bumps the version of the campaign, sequence or campaign rule named in the path, then handles normally (a PUT gets 409).</summary>
    VersionBump,

    /// <summary>403 with code <c>missing.permissions</c>, as for a client whose role lacks <c>outbound:campaign:edit</c>.</summary>
    Forbidden403,

    /// <summary>404 with code <c>not.found</c>, as for a resource deleted by someone else.</summary>
    NotFound404,

    /// <summary>
    /// Someone else changes the status of the campaign in the path to <see cref="FaultRule.Status"/>
    /// (as <see cref="GenesysSimulator.SetStatus"/> does: version bumped, dialer timer armed), then the
    /// request is handled normally: a write from the old view meets the refusal a stale view gets.
    /// </summary>
    ConcurrentStatus,

    /// <summary>400 with code <c>bad.request</c> and <see cref="FaultRule.Message"/> (by default a refusal that has nothing to do with a stale view).</summary>
    BadRequest400,
}
