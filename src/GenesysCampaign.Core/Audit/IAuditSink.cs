namespace GenesysCloud.Outbound.Audit;

/// <summary>Where records go before the cmdlet moves on.</summary>
internal interface IAuditSink
{
    /// <summary>Stores one record durably; throws when it cannot.</summary>
    void Append(GenesysCampaignStateChange record);
}
