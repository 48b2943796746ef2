@{
    RootModule           = 'GenesysCampaign.dll'
    ModuleVersion        = '0.2.0'
    GUID                 = '3f6a2b1e-8c4d-4f5e-9a7b-2d1c0e9f8a61'
    Author               = 'GenesysCampaign contributors'
    CompanyName          = 'GenesysCampaign'
    Copyright            = '(c) GenesysCampaign contributors.'
    Description          = 'Pause, resume, force-stop and wait on Genesys Cloud outbound campaigns safely, one or hundreds at a time, with a typed audit record per campaign.'
    # Windows PowerShell 5.1 (Desktop), or PowerShell 7.4 and later (Core): a manifest cannot say both, so
    # the module's initializer refuses Core below 7.4 (.NET 8) at import, naming the minimum (README, "Hosts").
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('GenesysCampaign.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-GenesysCloud'
        'Disconnect-GenesysCloud'
        'Get-GenesysCloudConnection'
        'Get-GenesysCampaign'
        'Suspend-GenesysCampaign'
        'Resume-GenesysCampaign'
        'Stop-GenesysCampaign'
        'Wait-GenesysCampaignState'
        'Watch-GenesysCampaign'
        'Get-GenesysCampaignAuditLog'
        'Measure-GenesysCampaignChange'
        'Undo-GenesysCampaignChange'
        'Get-GenesysCampaignSequence'
        'Suspend-GenesysCampaignSequence'
        'Resume-GenesysCampaignSequence'
        'Get-GenesysCampaignRule'
        'Disable-GenesysCampaignRule'
        'Enable-GenesysCampaignRule'
        'Get-GenesysCampaignSchedule'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            # ProjectUri and LicenseUri are left out on purpose: the project has no public address and
            # its owners have not chosen a licence yet. An invented URI would mislead whoever installs it.
            Tags         = @('Genesys', 'GenesysCloud', 'PureCloud', 'Outbound', 'Campaign', 'ContactCenter', 'Dialer')
            # The newest entry of CHANGELOG.md, in short (Package.Tests checks the version matches).
            ReleaseNotes = '0.2.0: the whole outbound estate. Messaging campaigns (SMS, email, WhatsApp) are listed and changed like voice campaigns, and Get-GenesysCampaign lists them by default (-MediaType Voice for the 0.1 listing). Sequences and campaign rules are turned off and on (Suspend-/Resume-GenesysCampaignSequence, Disable-/Enable-GenesysCampaignRule); Get-GenesysCampaignSchedule lists schedules. Suspend-GenesysCampaign -Hold pauses campaigns and neutralises what could turn them back on; Undo-GenesysCampaignChange puts any recorded change back. Suspend and Resume use the start/stop endpoints (least privilege), falling back to the full-body PUT. -WhatIf and -Confirm decide first; errors are raised after the batch. ErrorCodes are in Genesys style. Upgrading from 0.1: Get-Help about_GenesysCampaign (UPGRADING FROM 0.1); every change: CHANGELOG.md in the module folder.'
        }
    }
}
