@{
    RootModule           = 'GenesysCampaign.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f6a2b1e-8c4d-4f5e-9a7b-2d1c0e9f8a61'
    Author               = 'GenesysCampaign contributors'
    CompanyName          = 'GenesysCampaign'
    Copyright            = '(c) GenesysCampaign contributors.'
    Description          = 'Pause, resume, force-stop and wait on Genesys Cloud outbound campaigns safely, one or hundreds at a time, with a typed audit record per campaign.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('GenesysCampaign.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-GenesysCloud'
        'Disconnect-GenesysCloud'
        'Get-GenesysCampaign'
        'Suspend-GenesysCampaign'
        'Resume-GenesysCampaign'
        'Stop-GenesysCampaign'
        'Wait-GenesysCampaignState'
        'Watch-GenesysCampaign'
        'Get-GenesysCampaignAuditLog'
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
            ReleaseNotes = 'Messaging campaigns (SMS, email, WhatsApp) are listed, paused, resumed, waited on and watched like voice campaigns; Get-GenesysCampaign lists them by default (-MediaType Voice for the old listing). Resume enforces the active limits (50 voice, 25 messaging) before writing. Sequences (Suspend-/Resume-GenesysCampaignSequence) and campaign rules (Disable-/Enable-GenesysCampaignRule) are changed by full-body PUT with the same records and audit log; records carry ObjectKind, ObjectId, ObjectName and the ReplacedBody of a PUT. -WhatIf and -Confirm decide first; errors come after the batch. ErrorCodes of the module in Genesys style. First version: connect, list, suspend, resume, force-stop and wait, with JSON Lines audit records.'
        }
    }
}
