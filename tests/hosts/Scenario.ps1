# The scenario every test host carries (tests/pester/Hosts.Tests.ps1 runs it on each): the built module
# imported as a user imports it, against the simulator. Each step checks what it did and throws naming
# itself; the last line is one JSON object saying what ran where. Runs on pwsh 7.4 and later.
param(
    [Parameter(Mandatory)] [string] $RepoRoot,
    # As after Import-Module Az.Accounts: the host's own (older) System.Text.Json and
    # Microsoft.Bcl.AsyncInterfaces are loaded into the default context before the module is imported.
    [switch] $PreloadHostCopies
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$PSStyle.OutputRendering = 'PlainText'

function Step([string] $Name, [scriptblock] $Check) {
    try { & $Check }
    catch { throw "Step '$Name' on PowerShell $($PSVersionTable.PSVersion): $_" }
}

function Assert([bool] $Condition, [string] $What) { if (-not $Condition) { throw $What } }

$preloaded = @()
if ($PreloadHostCopies) {
    foreach ($name in 'System.Text.Json', 'Microsoft.Bcl.AsyncInterfaces') {
        $preloaded += '{0} {1}' -f $name, [System.Reflection.Assembly]::Load($name).GetName().Version
    }
    [System.Text.Json.JsonDocument]::Parse('{}').Dispose()
}

Step 'import' {
    Import-Module (Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1')
    Assert (@(Get-Command -Module GenesysCampaign).Count -eq 19) "expected 19 cmdlets, found $(@(Get-Command -Module GenesysCampaign).Count)"
}
Import-Module (Join-Path $RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1')
$sim = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll') -DialerDelayMs 300
$folder = Join-Path ([System.IO.Path]::GetTempPath()) ("gc-host-{0}" -f [guid]::NewGuid())
$null = New-Item -ItemType Directory $folder
$audit = Join-Path $folder 'audit.jsonl'
$on = 'c0000000-0000-4000-8000-000000000006'         # Sales-West-006, on, free of dependencies
$off = 'c0000000-0000-4000-8000-000000000008'        # Collections-South-008, off
$scheduled = 'c0000000-0000-4000-8000-000000000003'  # has a campaign schedule
try {
    Step 'connect' {
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force)
    }
    Step 'list' {
        $all = @(Get-GenesysCampaign)
        Assert ($all.Count -ge 60) "listed $($all.Count) campaigns"
        Assert (@(Get-GenesysCampaign 'Sales-*').Count -gt 0) 'no Sales-* campaign'
        # Tab completion of names: the completers were the types pwsh 7.4 could not load.
        $typed = 'Suspend-GenesysCampaign -Name Sales-West-00'
        $completion = TabExpansion2 -inputScript $typed -cursorColumn $typed.Length
        Assert ($completion.CompletionMatches.CompletionText -contains 'Sales-West-006') 'Tab did not complete Sales-West-006'
    }
    Step 'suspend -Wait with an audit log' {
        $record = Suspend-GenesysCampaign -Id $on -Wait -Reason 'host scenario' -AuditLogPath $audit -Confirm:$false
        Assert ($record.Outcome -eq 'Changed' -and $record.FinalStatus -eq 'off') "Suspend: $($record.Outcome) $($record.FinalStatus) $($record.Message)"
    }
    Step 'resume' {
        $record = Get-GenesysCampaignAuditLog $audit -Outcome Changed | Resume-GenesysCampaign -Wait -Reason 'host scenario' -AuditLogPath $audit -Confirm:$false
        Assert ($record.Outcome -eq 'Changed' -and $record.FinalStatus -eq 'on') "Resume: $($record.Outcome) $($record.FinalStatus) $($record.Message)"
    }
    Step 'read the audit log' {
        $lines = @(Get-GenesysCampaignAuditLog $audit)
        Assert ($lines.Count -eq 2 -and $lines[0].Action -eq 'Suspend' -and $lines[1].Action -eq 'Resume') "audit log: $($lines.Action -join ', ')"
    }
    Step 'suspend -Hold, then its undo' {
        Set-GenesysSimulatorStatus $sim $scheduled on
        $hold = @(Suspend-GenesysCampaign -Id $scheduled -Hold -Wait -Reason 'host hold' -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue)
        Assert (@($hold | Where-Object Outcome -eq Changed).Count -eq 2) "hold: $($hold | ForEach-Object { "$($_.ObjectKind) $($_.Outcome)" })"
        Assert (@(Get-GenesysCampaignSchedule | Where-Object Id -eq $scheduled).Count -eq 0) 'the hold left the schedule'
        $undo = @(Get-GenesysCampaignAuditLog $audit -OperationId $hold[0].OperationId | Undo-GenesysCampaignChange -Wait -Confirm:$false -AuditLogPath $audit)
        Assert (@($undo | Where-Object Outcome -ne Changed).Count -eq 0 -and $undo.Count -eq 2) "undo: $($undo | ForEach-Object { "$($_.ObjectKind) $($_.Outcome) $($_.Message)" })"
        Assert ((Get-GenesysCampaign -Id $scheduled).Status -eq 'on') 'the undo did not resume the campaign'
        Assert (@(Get-GenesysCampaignSchedule | Where-Object Id -eq $scheduled).Count -eq 1) 'the undo did not put the schedule back'
    }
    Step 'watch -Timeout 5' {
        # A campaign as read before someone turned it on: the watch's read after subscribing reports the change.
        $before = Get-GenesysCampaign -Id $off
        Set-GenesysSimulatorStatus $sim $off on
        $events = @($before | Watch-GenesysCampaign -Timeout 5 | Where-Object Source -ne 'Start')
        Assert ($events.Count -eq 1 -and $events[0].PreviousStatus -eq 'off' -and $events[0].Status -eq 'on') "watch: $($events | Out-String)"
    }

    # Where the module's System.Text.Json came from: its own load context, whatever the host holds.
    $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'GenesysCampaign.Core' }
    $json = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' } | ForEach-Object {
        '{0} {1}' -f [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name, $_.GetName().Version
    }
    [ordered]@{
        psVersion       = "$($PSVersionTable.PSVersion)"
        dotnet          = "$([Environment]::Version)"
        preloaded       = $preloaded
        coreLoadContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(@($core)[0]).Name
        systemTextJson  = @($json)
    } | ConvertTo-Json -Compress
}
finally {
    Disconnect-GenesysCloud -ErrorAction SilentlyContinue
    Stop-GenesysSimulator $sim
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
