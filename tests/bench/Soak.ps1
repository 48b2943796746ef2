<#
.SYNOPSIS
    Soak: hundreds of state changes through the built module against the simulator while a steady
    share of requests fail (429 with Retry-After, 503, HTML 502, dropped connections, version races
    answered with an undocumented 409 code, campaigns turned on or off by someone else between read
    and write), force writes are refused (a client without edit), and notification channels expire
    and fall silent mid-wait. Rounds cycle through three OAuth clients: the start/stop endpoints
    (all permissions), the PUT fallback (edit only) and least privilege (no edit: force stop refused).
    Then Suspend -Hold rounds on the campaigns that have a running sequence, a rule and schedules,
    each undone from its records (Undo-GenesysCampaignChange), under the same faults and clients.
    Prints operations done, faults met, wrong changes and lost records; the last two must be 0.
    Writes the figures to -ResultPath as JSON; throws when a change was wrong or a record was lost.
#>
[CmdletBinding()]
param(
    [string] $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
    [int] $Rounds = 9,
    [int] $BatchSize = 25,
    [double] $FaultRate = 0.04,
    [int] $HoldRounds = 6,
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
    $connections = foreach ($client in 'sim-client', 'sim-edit', 'sim-least') {
        $connection = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId $client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru
        $connection.Resilience.BaseDelay = [timespan]::FromMilliseconds(50)
        $connection.Resilience.MaxDelay = [timespan]::FromSeconds(1)
        $connection.Resilience.AttemptTimeout = [timespan]::FromSeconds(2)
        $connection
    }

    # Channels expire every 1.5 s and then fall silent: waits must move to new ones.
    Set-GenesysSimulatorOption $sim @{ conflictCode = 'an.undocumented.conflict'; channelLifetimeMs = 1500 }

    # Campaigns above 60 are seeded without sequences, rules or schedules; the off ones are the pool.
    $pool = @(61..300 | ForEach-Object { 'c0000000-0000-4000-8000-{0:D12}' -f $_ } |
        Where-Object { (Get-GenesysSimulatorCampaign $sim -Id $_).campaignStatus -eq 'off' })

    foreach ($kind in 'RateLimit429', 'ServiceUnavailable503', 'BadGateway502Html', 'DropConnection', 'GatewayTimeout504') {
        Add-GenesysSimulatorFault $sim @{ kind = $kind; rate = $FaultRate; retryAfterSeconds = 1 }
    }
    Add-GenesysSimulatorFault $sim @{ kind = 'VersionBump'; method = 'PUT'; rate = $FaultRate }
    # Someone else got there first: the write from the old view meets a stale-view refusal.
    Add-GenesysSimulatorFault $sim @{ kind = 'ConcurrentStatus'; method = 'POST'; pathContains = '/start'; status = 'on'; rate = $FaultRate }
    Add-GenesysSimulatorFault $sim @{ kind = 'ConcurrentStatus'; method = 'POST'; pathContains = '/stop'; status = 'stopping'; rate = $FaultRate }
    Add-GenesysSimulatorFault $sim @{ kind = 'ConcurrentStatus'; method = 'PUT'; status = 'stopping'; rate = $FaultRate }

    $random = [System.Random]::new(7)
    $notes = @()
    $operations = 0; $wrong = 0; $lost = 0; $outcomes = @{}
    for ($round = 0; $round -lt $Rounds; $round++) {
        # Resume a batch, then pause it (Suspend, or Stop every other round): the org stays under its
        # 50 active campaigns.
        $batch = @($pool | Sort-Object { $random.Next() } | Select-Object -First $BatchSize)
        $connection = $connections[$round % $connections.Count]
        foreach ($action in 'Resume', $(if ($round % 2) { 'Stop' } else { 'Suspend' })) {
            $before = @{}
            foreach ($id in $batch) { $before[$id] = (Get-GenesysSimulatorCampaign $sim -Id $id).campaignStatus }
            $records = @(& "$action-GenesysCampaign" -Id $batch -Connection $connection -Wait -Timeout 60 -AuditLogPath $audit -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $operations += $batch.Count
            $lost += @($batch | Where-Object { $_ -notin $records.CampaignId }).Count
            foreach ($record in $records) {
                $outcomes[[string]$record.Outcome]++
                if ($record.Outcome -in 'Failed', 'TimedOut') { $notes += "$($record.CampaignName): $($record.Message)" }
                $now = (Get-GenesysSimulatorCampaign $sim -Id $record.CampaignId).campaignStatus
                # What the action leads to; Stop ends forced_off, or off when the force was refused or not needed.
                $target = switch ($action) { 'Resume' { @('on') } 'Suspend' { @('off') } 'Stop' { @('forced_off', 'off') } }
                $expected = switch ([string]$record.Outcome) {
                    'Changed' { $target }
                    'TimedOut' { @($now) }   # written, not settled in time: judged by the next round
                    # Nothing may change, unless someone else (the ConcurrentStatus fault) did what was asked.
                    'Unchanged' { @($before[$record.CampaignId]) + $target }
                    # Rejected, Failed: as before, unless none of its writes was taken (no WrittenWith) and it was
                    # last seen stopping, which someone else (the ConcurrentStatus fault) did; that settles off. A
                    # record whose write got no answer and says it "may have applied" (no FinalStatus) allows its target.
                    default {
                        @($before[$record.CampaignId]) +
                        $(if (-not $record.WrittenWith -and $record.FinalStatus -eq 'stopping') { 'stopping', 'off' }) +
                        $(if (-not $record.FinalStatus -and $record.Message -like '*may have applied: check its status*') { $target + 'stopping' })
                    }
                }
                if ($now -notin $expected) { $wrong++; Write-Warning "Wrong change: $($record.CampaignName) $action $($record.Outcome), is $now, expected $($expected -join ' or ')" }
            }
        }
    }

    # Holds and their undos on the seeded estate: a rule's target, a scheduled campaign, the running
    # sequence's current campaign, and a campaign of a scheduled sequence.
    $estate = 1, 3, 30, 4 | ForEach-Object { 'c0000000-0000-4000-8000-{0:D12}' -f $_ }
    $reader = $connections[0]
    function Get-ObjectState($Record) {
        switch ([string]$Record.ObjectKind) {
            'Campaign' { (Get-GenesysSimulatorCampaign $sim -Id $Record.ObjectId).campaignStatus }
            'Sequence' { (Get-GenesysCampaignSequence -Id $Record.ObjectId -Connection $reader).Status }
            'CampaignRule' { if ((Get-GenesysCampaignRule -Id $Record.ObjectId -Connection $reader).Enabled) { 'enabled' } else { 'disabled' } }
            default {
                $scheduled = @(Get-GenesysCampaignSchedule -Kind (([string]$Record.ObjectKind) -replace 'Schedule$') -Connection $reader | Where-Object TargetId -eq $Record.ObjectId)
                if ($scheduled.Count) { 'scheduled' } else { 'removed' }
            }
        }
    }
    function Test-Record($Record, [string] $What) {
        $script:outcomes[[string]$Record.Outcome]++
        if ($Record.Outcome -eq 'TimedOut') { return }
        $now = Get-ObjectState $Record
        $expected = switch ([string]$Record.Outcome) {
            'Changed' { @($Record.RequestedStatus) }
            'Unchanged' { @($Record.PreviousStatus, $Record.RequestedStatus) }
            default { @($Record.PreviousStatus) }
        }
        if ($now -notin $expected) { $script:wrong++; Write-Warning "Wrong change ($What): $($Record.ObjectKind) $($Record.ObjectName) $($Record.Action) $($Record.Outcome), is $now, expected $($expected -join ' or ')" }
        # What a hold could not change must say what it can still turn back on.
        if ($What -eq 'hold' -and $Record.ObjectKind -ne 'Campaign' -and $Record.Outcome -in 'Failed', 'Rejected' -and -not ($Record.Warnings -match 'can still turn')) {
            $script:wrong++; Write-Warning "Unnamed in a warning: $($Record.ObjectKind) $($Record.ObjectName) $($Record.Outcome)"
        }
        if ($Record.Outcome -eq 'Failed') { $script:notes += "$What $($Record.ObjectKind) $($Record.ObjectName): $($Record.Message)" }
    }

    for ($round = 0; $round -lt $HoldRounds; $round++) {
        $connection = $connections[$round % $connections.Count]
        foreach ($id in $estate) { Set-GenesysSimulatorStatus $sim -Id $id -Status on }
        $held = @(Suspend-GenesysCampaign -Id $estate -Hold -Connection $connection -Wait -Timeout 60 -AuditLogPath $audit -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $operations += $held.Count
        $lost += @($estate | Where-Object { $_ -notin $held.CampaignId }).Count
        foreach ($record in $held) { Test-Record $record 'hold' }
        $undone = @($held | Undo-GenesysCampaignChange -Connection $connection -Wait -Timeout 60 -AuditLogPath $audit -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $operations += $undone.Count
        # Every Changed record of the hold gets exactly one record from its undo.
        $lost += [math]::Max(0, @($held | Where-Object Outcome -eq 'Changed').Count - $undone.Count)
        foreach ($record in $undone) { Test-Record $record 'undo' }
    }

    $requests = @(Get-GenesysSimulatorRequest $sim)
    $writes = @($requests | Where-Object { $_.path -like '/api/v2/outbound/campaigns/*' -and $_.method -in 'PUT', 'POST' })
    $faults = @($requests | Where-Object { $_.status -in 0, 429, 502, 503, 504 }).Count + @($writes | Where-Object status -in 400, 409).Count
    $staleRefusals = @($writes | Where-Object status -in 400, 409).Count
    $forceRefused = @($writes | Where-Object { $_.method -eq 'PUT' -and $_.status -eq 403 }).Count
    $channels = @($requests | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/api/v2/notifications/channels' -and $_.status -eq 200 }).Count
    $auditLines = @(Get-Content $audit).Count
    $lost += [math]::Max(0, $operations - $auditLines)
    $result = [ordered]@{
        operations   = $operations
        requests     = $requests.Count
        faultsMet    = $faults
        staleViews   = $staleRefusals
        forceRefused = $forceRefused
        channelsMade = $channels
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
