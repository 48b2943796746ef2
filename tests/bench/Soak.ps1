<#
.SYNOPSIS
    Soak: hundreds of state changes through the built module against the simulator while a steady
    share of requests fail (429 with Retry-After, 503, HTML 502, dropped connections, version races).
    Prints operations done, faults met, wrong changes and lost records; the last two must be 0.
    Writes the figures to -ResultPath as JSON; throws when a change was wrong or a record was lost.
#>
[CmdletBinding()]
param(
    [string] $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
    [int] $Rounds = 8,
    [int] $BatchSize = 25,
    [double] $FaultRate = 0.04,
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1') -Force
Import-Module (Join-Path $RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1') -Force

$sim = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll') -Campaigns 300 -DialerDelayMs 200
$audit = Join-Path $RepoRoot 'out/soak-audit.jsonl'
Remove-Item $audit, "$audit.lock" -ErrorAction SilentlyContinue
try {
    $connection = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru
    $connection.Resilience.BaseDelay = [timespan]::FromMilliseconds(50)
    $connection.Resilience.MaxDelay = [timespan]::FromSeconds(1)
    $connection.Resilience.AttemptTimeout = [timespan]::FromSeconds(2)

    # Campaigns above 60 are seeded without sequences, rules or schedules; the off ones are the pool.
    $pool = @(61..300 | ForEach-Object { 'c0000000-0000-4000-8000-{0:D12}' -f $_ } |
        Where-Object { (Get-GenesysSimulatorCampaign $sim -Id $_).campaignStatus -eq 'off' })

    foreach ($kind in 'RateLimit429', 'ServiceUnavailable503', 'BadGateway502Html', 'DropConnection', 'GatewayTimeout504') {
        Add-GenesysSimulatorFault $sim @{ kind = $kind; rate = $FaultRate; retryAfterSeconds = 1 }
    }
    Add-GenesysSimulatorFault $sim @{ kind = 'VersionBump'; method = 'PUT'; rate = $FaultRate }

    $random = [System.Random]::new(7)
    $notes = @()
    $operations = 0; $wrong = 0; $lost = 0; $outcomes = @{}
    for ($round = 0; $round -lt $Rounds; $round++) {
        # Resume a batch, then suspend the same batch: the org stays under its 50 active campaigns.
        $batch = @($pool | Sort-Object { $random.Next() } | Select-Object -First $BatchSize)
        foreach ($action in 'Resume', 'Suspend') {
            $before = @{}
            foreach ($id in $batch) { $before[$id] = (Get-GenesysSimulatorCampaign $sim -Id $id).campaignStatus }
            $records = @(& "$action-GenesysCampaign" -Id $batch -Wait -Timeout 60 -AuditLogPath $audit -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $operations += $batch.Count
            $lost += @($batch | Where-Object { $_ -notin $records.CampaignId }).Count
            foreach ($record in $records) {
                $outcomes[[string]$record.Outcome]++
                if ($record.Outcome -in 'Failed', 'TimedOut') { $notes += "$($record.CampaignName): $($record.Message)" }
                $now = (Get-GenesysSimulatorCampaign $sim -Id $record.CampaignId).campaignStatus
                $expected = switch ([string]$record.Outcome) {
                    'Changed' { if ($action -eq 'Resume') { 'on' } else { 'off' } }
                    'TimedOut' { $now }   # written, not settled in time: judged by the next round
                    default { $before[$record.CampaignId] }   # Unchanged, Rejected, Failed: nothing may change
                }
                if ($now -ne $expected) { $wrong++; Write-Warning "Wrong change: $($record.CampaignName) $action $($record.Outcome), is $now, expected $expected" }
            }
        }
    }

    $requests = @(Get-GenesysSimulatorRequest $sim)
    $faults = @($requests | Where-Object { $_.status -in 0, 429, 502, 503, 504 -or ($_.method -eq 'PUT' -and $_.status -eq 409) }).Count
    $auditLines = @(Get-Content $audit).Count
    $lost += [math]::Max(0, $operations - $auditLines)
    $result = [ordered]@{
        operations   = $operations
        requests     = $requests.Count
        faultsMet    = $faults
        outcomes     = ($outcomes.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' '
        auditLines   = $auditLines
        wrongChanges = $wrong
        lostRecords  = $lost
    }
    [pscustomobject]$result | Format-List | Out-Host
    $notes | ForEach-Object { Write-Host "  not changed: $_" }
    if ($ResultPath) { $result | ConvertTo-Json | Set-Content $ResultPath }
    if ($wrong -gt 0 -or $lost -gt 0) { throw "Soak failed: $wrong wrong change(s), $lost lost record(s)." }
}
finally {
    Disconnect-GenesysCloud
    Stop-GenesysSimulator $sim
}
