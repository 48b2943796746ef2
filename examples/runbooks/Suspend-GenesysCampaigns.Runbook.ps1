<#
.SYNOPSIS
    Azure Automation runbook: pause Genesys Cloud outbound campaigns that are dialing, wait for the
    dialer to settle, append an audit line per campaign, and end with a summary object.

.DESCRIPTION
    Credentials come from the Automation credential asset named by -CredentialName (user name =
    OAuth client id, password = client secret). The region comes from -Region, else the Automation
    variable named by -RegionVariableName (GENESYSCLOUD_REGION), else the environment variable
    GENESYSCLOUD_REGION. Outside Azure Automation, or when the asset is absent, Connect-GenesysCloud
    falls back to GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET. Nothing prompts
    (-Confirm:$false).
    The job fails (a terminating error, so a non-zero exit) when a name matches no campaign at all (a
    mistyped pattern must not pass as "nothing to pause"), or when any campaign was not confirmed paused:
    Rejected or Failed, and, counted apart, stops Genesys accepted that had not settled within
    -TimeoutSeconds (still stopping). Matched campaigns that were not dialing are no failure: the summary
    tells them apart (Matched, Campaigns). The records are in the output and the audit log either way.

.EXAMPLE
    # In Azure Automation: import GenesysCampaign.zip into the runtime environment, create a credential
    # asset 'GenesysCloud' and a variable GENESYSCLOUD_REGION (or pass -Region), then start the runbook
    # with -Reason (README, "Azure Automation").

.EXAMPLE
    pwsh -NonInteractive -File ./Suspend-GenesysCampaigns.Runbook.ps1 -Region eu-west-1 -Name 'Collections-*' -Reason 'INC-4711'
#>
[CmdletBinding()]
param(
    [string] $CredentialName = 'GenesysCloud',
    # Default: the Automation variable named by -RegionVariableName, else $env:GENESYSCLOUD_REGION.
    [string] $Region,
    [string] $RegionVariableName = 'GENESYSCLOUD_REGION',
    [string[]] $Name = @('*'),
    [string] $Reason = 'Runbook: compliance hold',
    [string] $AuditLogPath = $env:GENESYS_CAMPAIGN_AUDIT_LOG,
    [int] $TimeoutSeconds = 600,
    [switch] $Force,
    # A proxy or the simulator; plain http only to loopback.
    [string] $BaseUri
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # no progress records in job streams
Import-Module GenesysCampaign

if (-not $Region -and (Get-Command Get-AutomationVariable -ErrorAction SilentlyContinue)) {
    $Region = Get-AutomationVariable -Name $RegionVariableName -ErrorAction SilentlyContinue
}
if (-not $Region) { $Region = $env:GENESYSCLOUD_REGION }

$connect = @{}
if ($BaseUri) { $connect.BaseUri = $BaseUri } elseif ($Region) { $connect.Environment = $Region }
$credential = $null
if (Get-Command Get-AutomationPSCredential -ErrorAction SilentlyContinue) {
    $credential = Get-AutomationPSCredential -Name $CredentialName -ErrorAction SilentlyContinue
}
if ($credential) { $connect.Credential = $credential }
elseif ((Get-Command Get-AutomationPSCredential -ErrorAction SilentlyContinue) -and -not $env:GENESYSCLOUD_OAUTHCLIENT_ID) {
    throw "No Automation credential asset named '$CredentialName' (user name = OAuth client id, password = client secret), and GENESYSCLOUD_OAUTHCLIENT_ID is not set. Create the asset under Shared Resources > Credentials, or name yours with -CredentialName."
}
Connect-GenesysCloud @connect

$state = @{
    Reason       = $Reason
    Wait         = $true
    Timeout      = $TimeoutSeconds
    Force        = $Force
    Confirm      = $false
    ErrorAction  = 'Continue'   # one campaign's failure must not stop the others
}
if ($AuditLogPath) { $state.AuditLogPath = $AuditLogPath }
# Every campaign the names match, whatever its status: a name that matches none is told, not taken
# for "nothing was dialing". Only those dialing (on, or stopping already) are paused.
$matched = @(Get-GenesysCampaign -Name $Name -ErrorAction SilentlyContinue)
$unmatched = @($Name | Where-Object { $pattern = $_; -not ($matched | Where-Object { $_.Name -like $pattern }) })
if ($matched.Count -eq 0) {
    Disconnect-GenesysCloud
    throw "No campaign matched -Name $(($Name | ForEach-Object { "'$_'" }) -join ', '): nothing was paused. Check the names with Get-GenesysCampaign -Name."
}
# Errors go to the job's error stream; the records are kept for the summary.
$records = @($matched | Where-Object Status -in 'on', 'stopping' | Suspend-GenesysCampaign @state)
Disconnect-GenesysCloud

# A stop Genesys accepted that had not settled in time (TimedOut, with its write) is told apart from
# one that was not paused at all.
$notSettled = @($records | Where-Object { $_.Outcome -eq 'TimedOut' -and $_.WrittenWith })
$notPaused = @($records | Where-Object { $_.Outcome -in 'Rejected', 'Failed' -or ($_.Outcome -eq 'TimedOut' -and -not $_.WrittenWith) })
$count = { param($outcome) @($records | Where-Object Outcome -eq $outcome).Count }
$summary = [pscustomobject]@{
    PSTypeName  = 'GenesysCampaign.RunbookSummary'
    Action      = 'Suspend'
    Reason      = $Reason
    Matched     = $matched.Count
    Campaigns   = $records.Count
    Changed     = & $count 'Changed'
    Unchanged   = & $count 'Unchanged'
    Rejected    = & $count 'Rejected'
    Failed      = & $count 'Failed'
    TimedOut    = & $count 'TimedOut'
    NotSettled  = $notSettled.Count
    OperationId = @($records.OperationId | Select-Object -Unique) -join ','
}
$records
$summary
if ($records.Count -eq 0) {
    "$($matched.Count) campaign(s) matched; none was dialing, so nothing needed pausing."
}

$problems = @()
if ($notPaused.Count -gt 0) {
    $problems += "$($notPaused.Count) of $($records.Count) campaign(s) were not paused: $(@($notPaused | ForEach-Object { "$($_.CampaignName) ($($_.Outcome))" }) -join ', ')."
}
if ($notSettled.Count -gt 0) {
    $problems += "$($notSettled.Count) stop(s) were accepted by Genesys but had not settled within $TimeoutSeconds s: $(@($notSettled | ForEach-Object { "$($_.CampaignName) (still $($_.FinalStatus))" }) -join ', ')."
}
if ($unmatched.Count -gt 0) {
    $problems += "No campaign matched -Name $(($unmatched | ForEach-Object { "'$_'" }) -join ', ')."
}
if ($problems.Count -gt 0) {
    throw ($problems -join ' ')
}
