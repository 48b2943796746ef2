<#
.SYNOPSIS
    The speed benchmark: each figure against a baseline measured in the same run, on the simulator
    with realistic settings (100 ms a request, 300 requests a minute, dialer settle 3 to 8 s).
    1. Emergency pause of everything outbound: 50 active voice and 25 active messaging campaigns
       with -Wait (through the stop endpoints), vs the floor (one settle + the writes at the
       throttle) and at most 1.2 requests a campaign; and the voice half vs the sequential tutorial
       script (GET, PUT, poll every 2 s).
    2. Get-GenesysCampaign over 5,000 campaigns vs the floor of ceil(5000/100) requests at the
       throttle and vs the same pages fetched by a bare HttpClient; peak memory at 1,000 and 5,000.
    3. Import-Module time over a bare pwsh start.
    4. Watch-GenesysCampaign of 1,000 campaigns for 2 minutes with notifications switched off:
       requests a minute against the request budget (polling may use half of it).
    5. Time to silence: 40 campaigns given by id, 200 ms a request, dialer settle 3 s, -Wait: from the
       first request to the last stop request sent, against its floor (one round trip for the reads a
       plan needs, then four waves of ten: the last leaves after three), and to the last campaign
       settled (that, plus the write's round trip and the settle); cold (the first command of a fresh
       process, as a runbook's) and warm (the same again on a new connection).
    1b. The pause of 1 under a 429 storm: every campaign's first stop refused (a per-resource limit),
       Retry-After 2 s: against the floor of 1 plus 1.5 x Retry-After; requests printed.
    Writes the figures as JSON to -ResultPath. -SilenceOnly runs section 5 alone (a minute),
    -StormOnly section 1b alone (half a minute), -ListOnly section 2 alone (two minutes).
#>
[CmdletBinding()]
param(
    [string] $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
    [Parameter(Mandatory)] [string] $ResultPath,
    [switch] $SkipBaseline,
    [int] $WatchSeconds = 120,
    [switch] $SilenceOnly,
    [switch] $StormOnly,
    [switch] $ListOnly
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$module = Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1'
$simDll = Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll'
Import-Module $module -Force
Import-Module (Join-Path $RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1') -Force

$LatencyMs = 100; $RateLimit = 300; $SettleMs = 3000; $JitterMs = 5000; $Throttle = 10
function New-Org([int] $Campaigns = 60) {
    Start-GenesysSimulator -Path $simDll -Campaigns $Campaigns -LatencyMs $LatencyMs -RateLimit $RateLimit -DialerDelayMs $SettleMs -DialerDelayJitterMs $JitterMs
}
function Set-FiftyActive($sim) {
    # 10 campaigns are seeded on; turn on plain off ones (not invalid/complete/forced_off) up to 50.
    $needed = 50 - @(1..60 | Where-Object { (Get-GenesysSimulatorCampaign $sim -Id (Id $_)).campaignStatus -in 'on', 'stopping' }).Count
    foreach ($i in 1..60) {
        if ($needed -le 0) { break }
        if ((Get-GenesysSimulatorCampaign $sim -Id (Id $i)).campaignStatus -eq 'off') { Set-GenesysSimulatorStatus $sim -Id (Id $i) -Status on; $needed-- }
    }
}
function Id([int] $i) { 'c0000000-0000-4000-8000-{0:D12}' -f $i }
function MessagingId([int] $i) { '6d000000-0000-4000-8000-{0:D12}' -f $i }
function Set-TwentyFiveMessagingActive($sim) {
    # The org's messaging limit: 25 of the 30 seeded messaging campaigns on, the rest off.
    foreach ($i in 1..30) { Set-GenesysSimulatorStatus $sim -Id (MessagingId $i) -Status $(if ($i -le 25) { 'on' } else { 'off' }) }
}
function Get-ApiRequests($sim) { @(Get-GenesysSimulatorRequest $sim | Where-Object { $_.path -like '/api/v2/*' }) }
function Connect-Org($sim) { Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) }

$figures = [ordered]@{}

# --- 5. Time to silence: 40 campaigns by id, 200 ms a request (first: -SilenceOnly runs it alone) ---
function Measure-Silence {
    $latency = 200; $settle = 3000; $count = 40
    $sim = Start-GenesysSimulator -Path $simDll -Campaigns 60 -LatencyMs $latency -RateLimit 6000 -DialerDelayMs $settle
    try {
        Start-Sleep -Milliseconds ($settle + 500)   # the seeded 'stopping' campaign settles
        $ids = @(1..60 | Where-Object { (Get-GenesysSimulatorCampaign $sim -Id (Id $_)).campaignStatus -in 'on', 'off' } | Select-Object -First $count | ForEach-Object { Id $_ })
        # Cold: the first pause of a fresh process (a runbook's); warm: the same again on a new
        # connection in the same process (an admin's second command).
        foreach ($run in 'cold', 'warm') {
            $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status on }
            Connect-Org $sim
            Clear-GenesysSimulatorRequest $sim
            $records = @(Suspend-GenesysCampaign -Id $ids -Wait -Force -ThrottleLimit $Throttle -Confirm:$false -WarningAction SilentlyContinue -InformationAction Ignore)
            $api = Get-ApiRequests $sim
            $first = ($api | Measure-Object -Property Time -Minimum).Minimum
            $stops = @($api | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/stop' })
            $lastStop = ($stops | Measure-Object -Property Time -Maximum).Maximum
            $lastSettled = ($records | Where-Object SettledAt | Measure-Object -Property SettledAt -Maximum).Maximum
            $floorStop = (1 + [math]::Ceiling($count / $Throttle) - 1) * $latency / 1000
            $floorSettled = $floorStop + ($latency + $settle) / 1000
            $toStop = ([DateTimeOffset]$lastStop - [DateTimeOffset]$first).TotalSeconds
            $toSettled = ([DateTimeOffset]$lastSettled - [DateTimeOffset]$first).TotalSeconds
            Disconnect-GenesysCloud
            [ordered]@{
                run = $run; campaigns = $ids.Count; stops = $stops.Count; changedToOff = @($records | Where-Object { $_.Outcome -eq 'Changed' -and $_.FinalStatus -eq 'off' }).Count
                requestsBeforeFirstStop = @($api | Where-Object { [DateTimeOffset]$_.Time -lt [DateTimeOffset]($stops | Measure-Object -Property Time -Minimum).Minimum }).Count
                toLastStopSeconds = [math]::Round($toStop, 2); floorToLastStopSeconds = $floorStop; toLastStopVsFloor = [math]::Round($toStop / $floorStop, 2)
                toLastSettledSeconds = [math]::Round($toSettled, 2); floorToLastSettledSeconds = $floorSettled; toLastSettledVsFloor = [math]::Round($toSettled / $floorSettled, 2)
            }
        }
    }
    finally { Stop-GenesysSimulator $sim }
}
function Format-Silence($runs) {
    foreach ($t in $runs) {
        [pscustomobject]@{ Measure = "Time to silence, $($t.campaigns) by id at 200 ms, $($t.run): last stop sent"; Value = "$($t.toLastStopSeconds) s ($($t.requestsBeforeFirstStop) req before the first stop)"; Baseline = "floor $($t.floorToLastStopSeconds) s"; Ratio = "$($t.toLastStopVsFloor)x floor (goal <= 1.25)" }
        [pscustomobject]@{ Measure = "Time to silence, $($t.campaigns) by id at 200 ms, $($t.run): last settled"; Value = "$($t.toLastSettledSeconds) s, $($t.changedToOff) off"; Baseline = "floor $($t.floorToLastSettledSeconds) s"; Ratio = "$($t.toLastSettledVsFloor)x floor" }
    }
}

if (-not ($StormOnly -or $ListOnly)) { $figures.silence = @(Measure-Silence) }
if ($SilenceOnly) {
    Format-Silence $figures.silence | Format-Table -AutoSize | Out-String -Width 200 | Out-Host
    $figures | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
    return
}

# --- 1. Emergency pause of 50 voice + 25 messaging active campaigns ------------------------
# With -Fault, the same under a fault rule (the 429 storm of 1b).
function Measure-Pause([hashtable] $Fault) {
    $sim = New-Org
    try {
        Start-Sleep -Milliseconds ($SettleMs + $JitterMs + 500)   # let the seeded 'stopping' campaign settle
        Set-FiftyActive $sim
        Set-TwentyFiveMessagingActive $sim
        Connect-Org $sim
        Clear-GenesysSimulatorRequest $sim
        if ($Fault) { Add-GenesysSimulatorFault $sim -Fault $Fault }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $records = @(Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -Wait -Force -ThrottleLimit $Throttle -Confirm:$false -WarningAction SilentlyContinue)
        $ours = $clock.Elapsed.TotalSeconds
        $requests = Get-ApiRequests $sim
        $changed = @($records | Where-Object { $_.Outcome -eq 'Changed' -and $_.FinalStatus -eq 'off' }).Count
        $pause = [ordered]@{
            campaigns = $records.Count; changedToOff = $changed
            messaging = @($records | Where-Object { $_.MediaType -ne 'Voice' }).Count
            seconds = [math]::Round($ours, 2); requests = $requests.Count
            requestsPerCampaign = [math]::Round($requests.Count / [math]::Max(1, $records.Count), 2)
            http429 = @($requests | Where-Object status -eq 429).Count
            floorSeconds = [math]::Round(($SettleMs + $JitterMs) / 1000 + [math]::Ceiling(75 / $Throttle) * $LatencyMs / 1000, 2)
        }
        $pause.vsFloor = [math]::Round($ours / $pause.floorSeconds, 2)
        Disconnect-GenesysCloud
        $pause
    }
    finally { Stop-GenesysSimulator $sim }
}

# --- 1b. The same under a 429 storm: every campaign's first stop refused, Retry-After 2 s ----
function Measure-Storm {
    $retryAfter = 2
    $storm = Measure-Pause -Fault @{ kind = 'RateLimit429'; method = 'POST'; pathContains = '/stop'; oncePerPath = $true; retryAfterSeconds = $retryAfter }
    $storm.retryAfterSeconds = $retryAfter
    $storm.goalSeconds = [math]::Round($storm.floorSeconds + 1.5 * $retryAfter, 2)
    $storm
}
function Format-Storm($t) {
    [pscustomobject]@{ Measure = 'Pause 75 under a 429 storm (every first stop, Retry-After 2 s)'; Value = "$($t.seconds) s, $($t.changedToOff) off, $($t.requests) req ($($t.http429) x 429)"; Baseline = "floor $($t.floorSeconds) s; goal floor + 1.5 x 2 s = $($t.goalSeconds) s"; Ratio = "$([math]::Round($t.seconds / $t.goalSeconds, 2))x the goal" }
}
if ($StormOnly) {
    $figures.storm = Measure-Storm
    Format-Storm $figures.storm | Format-Table -AutoSize | Out-String -Width 200 | Out-Host
    $figures | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
    return
}

if (-not $ListOnly) {
    $figures.pause = Measure-Pause
    $figures.storm = Measure-Storm
}

if (-not ($SkipBaseline -or $ListOnly)) {
    # The usual tutorial code: one campaign at a time, GET, PUT, poll every 2 s until off.
    $sim = New-Org
    try {
        Start-Sleep -Milliseconds ($SettleMs + $JitterMs + 500)
        Set-FiftyActive $sim
        Clear-GenesysSimulatorRequest $sim
        $base = $sim.BaseUri.ToString()
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sim-client:sim-secret'))
        $token = (Invoke-RestMethod -Method Post -Uri "${base}oauth/token" -Headers @{ Authorization = "Basic $basic" } -Body @{ grant_type = 'client_credentials' }).access_token
        $headers = @{ Authorization = "Bearer $token" }
        $active = (Invoke-RestMethod -Uri "${base}api/v2/outbound/campaigns?pageSize=100&pageNumber=1" -Headers $headers).entities | Where-Object campaignStatus -eq 'on'
        foreach ($campaign in $active) {
            $c = Invoke-RestMethod -Uri "${base}api/v2/outbound/campaigns/$($campaign.id)" -Headers $headers
            $c.campaignStatus = 'off'
            Invoke-RestMethod -Method Put -Uri "${base}api/v2/outbound/campaigns/$($c.id)" -Headers $headers -ContentType 'application/json' -Body ($c | ConvertTo-Json -Depth 20) | Out-Null
            do {
                Start-Sleep -Seconds 2
                $status = (Invoke-RestMethod -Uri "${base}api/v2/outbound/campaigns/$($c.id)" -Headers $headers).campaignStatus
            } while ($status -ne 'off')
        }
        $baseline = $clock.Elapsed.TotalSeconds
        $figures.pause.baselineSeconds = [math]::Round($baseline, 2)
        $figures.pause.baselineRequests = (Get-ApiRequests $sim).Count
        $figures.pause.speedupVsBaseline = [math]::Round($baseline / $figures.pause.seconds, 1)
    }
    finally { Stop-GenesysSimulator $sim }
}

# --- 2. Get-GenesysCampaign over 5,000 campaigns -------------------------------------------
# The wire baseline: the same pages, in the same window of $Throttle requests, with a bare
# HttpClient that neither parses nor keeps anything. What it takes is what the simulator and the
# transport cost on this machine, which the floor (latency alone) leaves out. It runs in the same
# process as the module's listing, each pass of one beside a pass of the other, so both meet the
# same load: measured minutes apart in two processes, the ratio moved by 0.15 between runs.
$rawListing = {
    param([string] $Base, [int] $Pages, [int] $Window)
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sim-client:sim-secret'))
    $token = (Invoke-RestMethod -Method Post -Uri "$Base/oauth/token" -Body @{ grant_type = 'client_credentials' } -Headers @{ Authorization = "Basic $basic" }).access_token
    $http = [Net.Http.HttpClient]::new()
    try {
        $http.DefaultRequestHeaders.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
        $page = { param($n) $http.GetByteArrayAsync("$Base/api/v2/outbound/campaigns?pageSize=100&sortBy=name&sortOrder=ascending&pageNumber=$n") }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = (& $page 1).GetAwaiter().GetResult()
        $queue = [Collections.Generic.Queue[object]]::new(); $next = 2
        while ($next -le $Pages -or $queue.Count -gt 0) {
            while ($next -le $Pages -and $queue.Count -lt $Window) { $queue.Enqueue((& $page $next)); $next++ }
            $null = $queue.Dequeue().GetAwaiter().GetResult()
        }
        $clock.Elapsed.TotalSeconds
    }
    finally { $http.Dispose() }
}

function Measure-Listing([int] $Count) {
    # Five listings and five bare fetches of 51 and 50 requests within seconds: the org allows 1,000 a
    # minute here, so neither is paced by the token's budget (what is measured is the listing).
    $sim = Start-GenesysSimulator -Path $simDll -Campaigns $Count -LatencyMs $LatencyMs -RateLimit 1000 -DialerDelayMs $SettleMs -DialerDelayJitterMs $JitterMs
    try {
        # A fresh process per size, its peak working set read after the first listing, so it is that
        # listing's own. The first listing is what a runbook meets (nothing compiled yet). Then four
        # rounds of a bare fetch and a listing (after one bare fetch to warm the simulator, whose own JIT
        # is not the module's cost): the best of each is the baseline and a warm session's listing.
        $pages = [math]::Ceiling($Count / 100)
        $base = $sim.BaseUri.ToString().TrimEnd('/')
        $script = "Import-Module '$module'; Connect-GenesysCloud -BaseUri '$($sim.BaseUri)' -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force); " +
            "`$raw = { $rawListing }; " +
            "`$w = [Diagnostics.Stopwatch]::StartNew(); `$n = (Get-GenesysCampaign | Measure-Object).Count; `$first = `$w.Elapsed.TotalSeconds; `$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64; " +
            "`$null = & `$raw '$base' $pages $Throttle; `$raws = @(); `$warms = @(); " +
            "foreach (`$i in 1..4) { `$raws += & `$raw '$base' $pages $Throttle; `$w.Restart(); `$null = (Get-GenesysCampaign | Measure-Object).Count; `$warms += `$w.Elapsed.TotalSeconds }; " +
            "'{0} {1} {2} {3} {4}' -f `$n, `$first, (`$warms | Measure-Object -Minimum).Minimum, `$peak, (`$raws | Measure-Object -Minimum).Minimum"
        $line = (& dotnet pwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1) -split ' '
        $requests = @(Get-ApiRequests $sim | Where-Object { $_.path -eq '/api/v2/outbound/campaigns' })
        [ordered]@{
            campaigns = [int]$line[0]; seconds = [math]::Round([double]$line[1], 2); warmSeconds = [math]::Round([double]$line[2], 2)
            rawSeconds = [math]::Round([double]$line[4], 2); requests = ($requests.Count - 5 * $pages) / 5   # five listings, five bare fetches
            peakWorkingSetMB = [math]::Round([double]$line[3] / 1MB, 1); http429 = @($requests | Where-Object status -eq 429).Count
        }
    }
    finally { Stop-GenesysSimulator $sim }
}
$small = Measure-Listing 1000
$large = Measure-Listing 5000
$floorRequests = [math]::Ceiling(5000 / 100)
$floorSeconds = [math]::Ceiling($floorRequests / $Throttle) * $LatencyMs / 1000
$figures.list = [ordered]@{
    campaigns = $large.campaigns; seconds = $large.seconds; warmSeconds = $large.warmSeconds; requests = $large.requests; http429 = $large.http429
    floorRequests = $floorRequests; floorSeconds = $floorSeconds; vsFloor = [math]::Round($large.seconds / $floorSeconds, 2); warmVsFloor = [math]::Round($large.warmSeconds / $floorSeconds, 2)
    rawSeconds = $large.rawSeconds; warmVsRaw = [math]::Round($large.warmSeconds / $large.rawSeconds, 2)
    peakWorkingSetMB5000 = $large.peakWorkingSetMB; peakWorkingSetMB1000 = $small.peakWorkingSetMB
    memory5000vs1000 = [math]::Round($large.peakWorkingSetMB / $small.peakWorkingSetMB, 2)
}

function Format-Listing($l) {
    [pscustomobject]@{ Measure = 'List 5000: first, fresh process'; Value = "$($l.seconds) s, $($l.requests) req ($($l.http429) x 429)"; Baseline = "floor $($l.floorSeconds) s, $($l.floorRequests) req"; Ratio = "$($l.vsFloor)x floor" }
    [pscustomobject]@{ Measure = 'List 5000: warm (best of 4)'; Value = "$($l.warmSeconds) s"; Baseline = "floor $($l.floorSeconds) s"; Ratio = "$($l.warmVsFloor)x floor" }
    [pscustomobject]@{ Measure = 'List 5000: warm vs bare HTTP'; Value = "$($l.warmSeconds) s"; Baseline = "same pages, no parsing, best of 4 $($l.rawSeconds) s"; Ratio = "$($l.warmVsRaw)x (goal <= 1.1)" }
    [pscustomobject]@{ Measure = 'List: peak memory'; Value = "$($l.peakWorkingSetMB5000) MB @5000"; Baseline = "$($l.peakWorkingSetMB1000) MB @1000"; Ratio = "$($l.memory5000vs1000)x" }
}
if ($ListOnly) {
    Format-Listing $figures.list | Format-Table -AutoSize | Out-String -Width 200 | Out-Host
    $figures | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
    return
}

# --- 3. Import-Module time over a bare pwsh start ------------------------------------------
function Measure-Start([string] $Command) {
    $times = foreach ($i in 1..5) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        & dotnet pwsh -NoProfile -NonInteractive -Command $Command | Out-Null
        $w.Elapsed.TotalSeconds
    }
    ($times | Sort-Object)[2]
}
$bare = Measure-Start 'exit'
$withModule = Measure-Start "Import-Module '$module'; exit"
$figures.import = [ordered]@{ bareStartSeconds = [math]::Round($bare, 2); withImportSeconds = [math]::Round($withModule, 2); importSeconds = [math]::Round($withModule - $bare, 2); ratio = [math]::Round($withModule / $bare, 2) }

# --- 4. Polling within the request budget --------------------------------------------------
$sim = Start-GenesysSimulator -Path $simDll -Campaigns 1000 -LatencyMs $LatencyMs -RateLimit $RateLimit
try {
    Set-GenesysSimulatorOption $sim @{ notificationsEnabled = $false }
    Connect-Org $sim
    $ids = 1..1000 | ForEach-Object { Id $_ }
    Clear-GenesysSimulatorRequest $sim
    $null = Watch-GenesysCampaign -Id $ids -Timeout $WatchSeconds
    $api = Get-ApiRequests $sim
    $polls = @($api | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/api/v2/outbound/campaigns' })
    $figures.polling = [ordered]@{
        campaigns = $ids.Count; seconds = $WatchSeconds; requests = $api.Count; listRequests = $polls.Count
        requestsPerMinute = [math]::Round($api.Count / ($WatchSeconds / 60), 1); budgetPerMinute = $RateLimit
    }
    $figures.polling.shareOfBudget = [math]::Round($figures.polling.requestsPerMinute / $RateLimit, 2)
    Disconnect-GenesysCloud
}
finally { Stop-GenesysSimulator $sim }

# --- The table -------------------------------------------------------------------------------
$p = $figures.pause; $l = $figures.list; $m = $figures.import; $w = $figures.polling
$rows = @(
    Format-Silence $figures.silence
    [pscustomobject]@{ Measure = 'Pause 50 voice + 25 messaging + wait: time'; Value = "$($p.seconds) s, $($p.changedToOff) off"; Baseline = "floor $($p.floorSeconds) s"; Ratio = "$($p.vsFloor)x floor" }
    [pscustomobject]@{ Measure = 'Pause 75 + wait vs tutorial (50 voice only)'; Value = "$($p.seconds) s"; Baseline = $(if ($p.Contains('baselineSeconds')) { "$($p.baselineSeconds) s ($($p.baselineRequests) req)" } else { 'skipped' }); Ratio = $(if ($p.Contains('speedupVsBaseline')) { "$($p.speedupVsBaseline)x faster" } else { '-' }) }
    [pscustomobject]@{ Measure = 'Pause 75 + wait: requests'; Value = "$($p.requests) ($($p.http429) x 429)"; Baseline = "$($p.campaigns) campaigns ($($p.messaging) messaging)"; Ratio = "$($p.requestsPerCampaign) per campaign (goal <= 1.2)" }
    Format-Storm $figures.storm
    Format-Listing $l
    [pscustomobject]@{ Measure = 'Import-Module'; Value = "$($m.withImportSeconds) s"; Baseline = "bare pwsh $($m.bareStartSeconds) s"; Ratio = "$($m.ratio)x" }
    [pscustomobject]@{ Measure = "Watch $($w.campaigns), polling, $($w.seconds) s"; Value = "$($w.requestsPerMinute) req/min ($($w.requests) req)"; Baseline = "budget $($w.budgetPerMinute) req/min"; Ratio = "$($w.shareOfBudget)x budget" }
)
$rows | Format-Table -AutoSize | Out-String -Width 200 | Out-Host
$figures | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
