namespace GenesysCloud.Outbound.Audit;

/// <summary>Why a change did not happen, in terms a host maps to its own error categories.</summary>
public enum FailureKind
{
    /// <summary>The change is not allowed in the campaign's state or by a dependency (400, 409, module rules).</summary>
    InvalidOperation,

    /// <summary>403: the OAuth client lacks a permission.</summary>
    PermissionDenied,

    /// <summary>404, or an id that matched no campaign.</summary>
    ObjectNotFound,

    /// <summary>Rate limits or the org's active-campaign limit.</summary>
    LimitsExceeded,

    /// <summary>5xx answers, dropped connections, no answer in time, after all retries.</summary>
    ConnectionError,

    /// <summary>The campaign did not settle in time.</summary>
    OperationTimeout,

    /// <summary>The credentials were refused.</summary>
    AuthenticationError,

    /// <summary>Bad input, such as a malformed campaign id, caught before any request.</summary>
    InvalidArgument,

    /// <summary>The change was accepted but did not lead where it should: a campaign its start left invalid, a sequence that stopped itself.</summary>
    InvalidResult,
}
