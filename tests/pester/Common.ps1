# Dot-sourced by every *.Tests.ps1 in BeforeAll: the built module, the simulator launcher, helpers.
# -NoImport: for tests that load the module in a process of their own.
param([switch] $NoImport)
$ErrorActionPreference = 'Stop'
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $NoImport) {
    Import-Module (Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1') -Force
    Import-Module (Join-Path $RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1') -Force
}

$script:SimSecret = 'sim-secret'

function Start-TestOrg {
    param([int] $DialerDelayMs = 300)
    $sim = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll') -DialerDelayMs $DialerDelayMs
    Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -InformationAction Ignore
    $sim
}

function Stop-TestOrg($Sim) {
    Disconnect-GenesysCloud
    if ($Sim) { Stop-GenesysSimulator $Sim }
}

# Seeded campaigns (src/GenesysCampaign.Simulator/Seed.cs).
function CampaignId([int] $Index) { 'c0000000-0000-4000-8000-{0:D12}' -f $Index }
$script:OnId = CampaignId 6            # Sales-West-006, on, free of sequences/rules/schedules
$script:OnName = 'Sales-West-006'
$script:OffId = CampaignId 8           # Collections-South-008, off, free
$script:OffName = 'Collections-South-008'
$script:CompleteId = CampaignId 7
$script:InvalidId = CampaignId 23
$script:ForcedOffId = CampaignId 29
$script:SequenceOnId = CampaignId 30   # current campaign of the running 'Renewals Sequence'
$script:ScheduledId = CampaignId 3     # has 'Collections-North-003 weekday schedule'
$script:MissingId = 'c0000000-0000-4000-8000-999999999999'

function Get-Request($Sim, [string] $Method, [string] $PathLike = '*/api/v2/outbound/campaigns*') {
    @(Get-GenesysSimulatorRequest $Sim | Where-Object { $_.method -eq $Method -and $_.path -like $PathLike })
}

# Status writes: a campaign PUT, or a POST to its start or stop endpoint (not subscription PUTs).
function Get-Write($Sim) {
    @(Get-GenesysSimulatorRequest $Sim | Where-Object {
            $_.path -like '*/api/v2/outbound/campaigns/*' -and ($_.method -eq 'PUT' -or ($_.method -eq 'POST' -and $_.path -match '/(start|stop)$'))
        })
}

# An audit log path not yet written (its .lock goes beside it): under the run's temporary folder, which
# Invoke-PesterTests.ps1 removes when the run ends (a file run by hand uses the system's).
function New-TempAuditPath {
    $folder = if ($env:GC_TEST_TEMP) { $env:GC_TEST_TEMP } else { [System.IO.Path]::GetTempPath() }
    Join-Path $folder ("gc-audit-{0}.jsonl" -f [guid]::NewGuid())
}

# Runs $Script in a runspace of its own, connected to $Sim, without this process's host: ShouldProcess
# writes "What if:" lines straight to the host (no stream can redirect them), so a -WhatIf test run
# in-process would print them into the test log. Variables are passed by name; returns the output and
# the error records.
function Invoke-WithoutHost($Sim, [string] $Script, [hashtable] $Variables = @{}) {
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript('param($module, $uri, $secret) Import-Module $module; Connect-GenesysCloud -BaseUri $uri -ClientId sim-client -ClientSecret (ConvertTo-SecureString $secret -AsPlainText -Force)').
            AddParameters(@{ module = (Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1'); uri = $Sim.BaseUri; secret = $SimSecret }).Invoke()
        if ($ps.Streams.Error.Count -gt 0) { throw $ps.Streams.Error[0] }
        $ps.Commands.Clear()
        foreach ($name in $Variables.Keys) { $ps.Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
        $output = $ps.AddScript($Script).Invoke()
        [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error) }
    }
    finally {
        $ps.AddScript('Disconnect-GenesysCloud').Invoke() | Out-Null
        $ps.Dispose()
    }
}
