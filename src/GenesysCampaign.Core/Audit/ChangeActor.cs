namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// Who makes a change, on which org: what every record and audit line of a connection's changes carries
/// (<see cref="GenesysCampaignStateChange.OrganizationId"/> and the rest), so an audit trail answers
/// "who did what on which org" without the console it ran in.
/// </summary>
/// <param name="OrganizationId">The org's id (GET /api/v2/tokens/me), or null when it could not be read.</param>
/// <param name="OrganizationName">The org's name, or null likewise.</param>
/// <param name="Environment">The region host or base URI.</param>
/// <param name="OAuthClientId">The OAuth client the token belongs to, or null when not known.</param>
internal sealed record ChangeActor(string? OrganizationId, string? OrganizationName, string Environment, string? OAuthClientId)
{
    /// <summary>Stamps <paramref name="record"/> with this actor, and the OS user and machine running the module.</summary>
    public void Stamp(GenesysCampaignStateChange record)
    {
        record.OrganizationId = OrganizationId;
        record.OrganizationName = OrganizationName;
        record.Environment = Environment;
        record.OAuthClientId = OAuthClientId;
        record.RunBy = string.IsNullOrEmpty(System.Environment.UserDomainName) || System.Environment.UserDomainName == System.Environment.MachineName
            ? System.Environment.UserName
            : System.Environment.UserDomainName + "\\" + System.Environment.UserName;
        record.Machine = System.Environment.MachineName;
    }
}
