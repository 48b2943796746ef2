namespace GenesysCloud.Outbound.Simulator;

/// <summary>An OAuth client of the simulated org: its secret and the permissions its roles grant.</summary>
/// <param name="Secret">The client secret <c>POST /oauth/token</c> accepts.</param>
/// <param name="Permissions">Permission names (docs/genesys-api.md); null grants every permission.</param>
public sealed record SimulatedClient(string Secret, IReadOnlySet<string>? Permissions)
{
    /// <summary>Whether the client holds <paramref name="permission"/>.</summary>
    public bool Holds(string permission) => Permissions is null || Permissions.Contains(permission);

    /// <summary>The clients every simulator starts with besides the all-permission one (see <see cref="SimulatorSeed"/>).</summary>
    internal static Dictionary<string, SimulatedClient> Seeded()
    {
        string[] views = [EndpointPermissions.CampaignView, EndpointPermissions.MessagingCampaignView, EndpointPermissions.SequenceView, EndpointPermissions.RuleView, .. ScheduleKind.All.Select(k => k.PermissionsFor("view")[0]).Distinct()];
        return new Dictionary<string, SimulatedClient>(StringComparer.Ordinal)
        {
            [SimulatorSeed.LeastPrivilegeClientId] = new(SimulatorSeed.ClientSecret, new HashSet<string>(
                [.. views, EndpointPermissions.CampaignStart, EndpointPermissions.CampaignStop, EndpointPermissions.MessagingCampaignStart, EndpointPermissions.MessagingCampaignStop])),
            [SimulatorSeed.EditOnlyClientId] = new(SimulatorSeed.ClientSecret, new HashSet<string>([.. views, EndpointPermissions.CampaignEdit, EndpointPermissions.MessagingCampaignEdit])),
            [SimulatorSeed.ViewOnlyClientId] = new(SimulatorSeed.ClientSecret, new HashSet<string>(views)),
            [SimulatorSeed.VoiceOnlyClientId] = new(SimulatorSeed.ClientSecret, new HashSet<string>(
                [EndpointPermissions.CampaignView, EndpointPermissions.CampaignStart, EndpointPermissions.CampaignStop, EndpointPermissions.SequenceView, EndpointPermissions.RuleView, ScheduleKind.All[0].PermissionsFor("view")[0]])),
        };
    }
}
