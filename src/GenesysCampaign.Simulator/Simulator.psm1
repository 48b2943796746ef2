# Starts and stops the simulator as its own process, for Pester and the demo. ASP.NET Core does not
# load cleanly inside pwsh (it needs a C# resolver for Microsoft.AspNetCore.App), so the simulator always runs beside it, never in it.

function Start-GenesysSimulator {
    [CmdletBinding()]
    param(
        [string] $Path = (Join-Path $PSScriptRoot '../../out/simulator/GenesysCampaign.Simulator.dll'),
        [int] $DialerDelayMs = 300,
        [int] $DialerDelayJitterMs = 0,
        [int] $Campaigns = 60,
        [int] $LatencyMs = 0,
        [int] $RateLimit = 0
    )
    $dll = (Resolve-Path $Path).Path
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in @($dll, '--dialer-delay-ms', $DialerDelayMs, '--dialer-delay-jitter-ms', $DialerDelayJitterMs, '--campaigns', $Campaigns, '--latency-ms', $LatencyMs, '--rate-limit', $RateLimit)) {
        $info.ArgumentList.Add([string]$arg)
    }
    $info.RedirectStandardOutput = $true
    # Holding its stdin open keeps it alive; closing it (or dying) stops it.
    $info.RedirectStandardInput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch 'Listening on (?<url>\S+)') {
        $process.Kill()
        throw "The simulator did not start: '$line'"
    }
    [pscustomobject]@{ Process = $process; BaseUri = [uri]$Matches.url }
}

function Stop-GenesysSimulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    $process = $Simulator.Process
    if (-not $process.HasExited) {
        $process.StandardInput.Close()
        if (-not $process.WaitForExit(5000)) { $process.Kill() }
    }
}

function Get-GenesysSimulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    # Invoke-RestMethod writes a JSON array as one object; assigning then writing it enumerates the entries.
    $entries = Invoke-RestMethod -Uri ([uri]::new($Simulator.BaseUri, '__sim/requests'))
    $entries
}

function Clear-GenesysSimulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Method Delete -Uri ([uri]::new($Simulator.BaseUri, '__sim/requests')) | Out-Null
}

function Set-GenesysSimulatorStatus {
    # Voice or messaging campaign: the transition rules are skipped, the version is bumped.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Status)
    Invoke-RestMethod -Method Put -Uri ([uri]::new($Simulator.BaseUri, "__sim/campaigns/$Id/status")) -ContentType 'application/json' -Body (@{ status = $Status } | ConvertTo-Json) | Out-Null
}

function Get-GenesysSimulatorCampaign {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Id)
    Invoke-RestMethod -Uri ([uri]::new($Simulator.BaseUri, "__sim/campaigns/$Id"))
}

function Add-GenesysSimulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [hashtable] $Fault)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Simulator.BaseUri, '__sim/faults')) -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
}

function Set-GenesysSimulatorOption {
    # Any subset of the live options GET /__sim/options lists (camelCase names, times in ms).
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [hashtable] $Option)
    Invoke-RestMethod -Method Put -Uri ([uri]::new($Simulator.BaseUri, '__sim/options')) -ContentType 'application/json' -Body ($Option | ConvertTo-Json) | Out-Null
}

function Get-GenesysSimulatorClock {
    # The simulator clock (real UTC time plus what it was moved by): now and offsetSeconds.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Uri ([uri]::new($Simulator.BaseUri, '__sim/clock'))
}

function Move-GenesysSimulatorClock {
    # Moves the simulator clock ahead (never back); schedule edges passed act before it returns.
    [CmdletBinding(DefaultParameterSetName = 'Seconds')]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory, ParameterSetName = 'Seconds', Position = 1)] [double] $Seconds,
        [Parameter(Mandatory, ParameterSetName = 'By')] [timespan] $By,
        [Parameter(Mandatory, ParameterSetName = 'To')] [datetimeoffset] $To
    )
    switch ($PSCmdlet.ParameterSetName) {
        'By' { $Seconds = $By.TotalSeconds }
        'To' {
            # From the offset, not the "now" text: ConvertFrom-Json turns that into a DateTime of the local zone.
            $now = [datetimeoffset]::UtcNow.AddSeconds((Get-GenesysSimulatorClock $Simulator).offsetSeconds)
            $Seconds = [math]::Max(0, ($To - $now).TotalSeconds)
        }
    }
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Simulator.BaseUri, '__sim/clock/advance')) -ContentType 'application/json' -Body (@{ seconds = $Seconds } | ConvertTo-Json)
}

function Complete-GenesysSimulatorCampaign {
    # Marks a voice or messaging campaign complete; a running sequence whose current campaign it is moves on.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Id)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Simulator.BaseUri, "__sim/campaigns/$Id/complete"))
}

function Invoke-GenesysSimulatorRule {
    # Makes a campaign rule's condition true: an enabled rule performs its turnOn/turnOff actions. Returns what it did.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Id)
    $entries = Invoke-RestMethod -Method Post -Uri ([uri]::new($Simulator.BaseUri, "__sim/campaignrules/$Id/trigger"))
    $entries
}

function Get-GenesysSimulatorAutomation {
    # What schedules, sequences and rules did by themselves, oldest first.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    $entries = Invoke-RestMethod -Uri ([uri]::new($Simulator.BaseUri, '__sim/automation'))
    $entries
}

Export-ModuleMember -Function *-GenesysSimulator*
