#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests and demonstrates GenesysCampaign.
.DESCRIPTION
    Build: publishes the importable module to out/GenesysCampaign and the simulator to out/simulator.
    Test:  Build (analyzer warnings are errors), the format check (dotnet format --verify-no-changes:
           .editorconfig), the PowerShell 7.4 test hosts (tests/hosts), then xunit, Pester on pwsh 7.6.9
           (with the Hosts tests, which run a scenario on every host) and Pester again on pwsh 7.4.22;
           ends with one line "N passed, N failed, N skipped" counting all three, even when the build
           fails; a "What if:" line in the test output and a format difference each count as a failure.
    Demo:  Build (not with -NoBuild), then the module against the simulator (or, read-only, against a real org when
           GENESYSCLOUD_OAUTHCLIENT_ID/SECRET/REGION are set).
    Package: Build, then a .nupkg of the module in out/package, as a PowerShell repository
           (PSResourceGet) publishes and installs it, and out/package/GenesysCampaign.zip, as Azure
           Automation imports a module (the zip, its folder and the manifest named alike).
    Bench: Build, then the speed benchmark (emergency pause of 50 voice + 25 messaging campaigns vs the sequential
           tutorial script and vs the floor; listing 5,000 campaigns vs its floor; import time vs a
           bare pwsh start) and the fault soak (wrong changes and lost records must be 0).
           Figures go to out/bench.json.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Package and Demo only: use the module and simulator already in out/ (the tests do).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:NO_COLOR = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'GenesysCampaign'
$simulatorOut = Join-Path $out 'simulator'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $dependencies = Join-Path $moduleOut 'dependencies'
    Invoke-Native 'Building the module' { dotnet publish (Join-Path $root 'src/GenesysCampaign/GenesysCampaign.csproj') -c $Configuration -o $dependencies --nologo -v quiet }
    Invoke-Native 'Building the load context' { dotnet publish (Join-Path $root 'src/GenesysCampaign.LoadContext/GenesysCampaign.LoadContext.csproj') -c $Configuration -o $dependencies --nologo -v quiet }
    Invoke-Native 'Building the simulator' { dotnet publish (Join-Path $root 'src/GenesysCampaign.Simulator/GenesysCampaign.Simulator.csproj') -c $Configuration -o $simulatorOut --nologo -v quiet }

    # Only the cmdlets sit at the top; everything they need stays in dependencies/, which the
    # module loads into a context of its own (PowerShell 7) or through a resolver (5.1).
    Move-Item (Join-Path $dependencies 'GenesysCampaign.dll') $moduleOut
    Get-ChildItem $dependencies -Include '*.pdb', '*.deps.json', '*.xml' -Recurse | Remove-Item -Force
    Copy-Item (Join-Path $root 'GenesysCampaign.psd1') $moduleOut
    Copy-Item (Join-Path $root 'module/GenesysCampaign.Format.ps1xml') $moduleOut
    Copy-Item (Join-Path $root 'module/en-US') $moduleOut -Recurse
    # Shipped with the module: the manifest's ReleaseNotes point to it; the runbook sample, for Azure Automation.
    Copy-Item (Join-Path $root 'CHANGELOG.md') $moduleOut
    $examples = New-Item -ItemType Directory (Join-Path $moduleOut 'Examples')
    Copy-Item (Join-Path $root 'examples/runbooks/*.ps1') $examples

    # MAML help from module/help/*.md, with syntax and parameter facts from the built cmdlets.
    Invoke-Native 'Building help' { dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'module/help/New-MamlHelp.ps1') -ModulePath (Join-Path $moduleOut 'GenesysCampaign.psd1') -OutputPath (Join-Path $moduleOut 'en-US/GenesysCampaign.dll-help.xml') }
    Write-Host "Module: $moduleOut"
}

function Invoke-Test {
    # Whatever happens (a build that fails included), the run ends with exactly one closing line.
    Import-Module (Join-Path $root 'tests/TestSummary.psm1') -Force
    $xunit = @{ passed = 0; failed = 1; skipped = 0 }
    $pester = @{ passed = 0; failed = 1; skipped = 0 }
    $pester74 = @{ passed = 0; failed = 1; skipped = 0 }
    $problems = [System.Collections.Generic.List[string]]::new()
    $stray = [System.Collections.Generic.List[string]]::new()
    # A test run must leave no new file in the tree (.gitignore'd out/ aside).
    $untracked = { if (Get-Command git -ErrorAction SilentlyContinue) { @(& git -C $root ls-files --others --exclude-standard 2>$null) } }
    $untrackedBefore = @(& $untracked)
    # Test output is shown as it comes, and kept for the stray-output check.
    $show = { process { $line = "$_"; Write-Host $line; foreach ($s in Find-StrayOutput $line) { $stray.Add($s) } } }
    try {
        Invoke-Build
        Invoke-Native 'Building the test hosts' { dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/hosts/Build-TestHosts.ps1') }

        # The style of .editorconfig: a difference is a failure (fix it with `dotnet format`), but the tests still run.
        & dotnet format (Join-Path $root 'GenesysCampaign.sln') --verify-no-changes -v quiet | ForEach-Object $show
        if ($LASTEXITCODE -ne 0) { $problems.Add("dotnet format --verify-no-changes found files that differ from .editorconfig's style; run: dotnet format GenesysCampaign.sln") }

        $results = Join-Path $out 'test-results'
        if (Test-Path $results) { Remove-Item $results -Recurse -Force }
        New-Item -ItemType Directory $results | Out-Null

        # xunit: counts come from the TRX file, not from console text.
        & dotnet test (Join-Path $root 'tests/GenesysCampaign.Tests/GenesysCampaign.Tests.csproj') -c $Configuration --nologo `
            --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | ForEach-Object $show
        $trx = Join-Path $results 'xunit.trx'
        if (Test-Path $trx) {
            $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
            $xunit = @{ passed = [int]$counters.passed; failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted; skipped = [int]$counters.notExecuted }
            if ([int]$counters.total -eq 0) { $xunit.failed++ }
        }

        # Pester: from NuGet, in a fresh pwsh so it imports the built module like a user would.
        Invoke-Native 'Restoring Pester' { dotnet restore (Join-Path $root 'tests/pester/Pester.Restore.csproj') --nologo -v quiet }
        $pesterJson = Join-Path $results 'pester.json'
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterTests.ps1') -ResultPath $pesterJson | ForEach-Object $show
        if (Test-Path $pesterJson) { $pester = Get-Content $pesterJson -Raw | ConvertFrom-Json -AsHashtable }

        # The whole Pester suite again, in a real pwsh 7.4.22 (Azure Automation's PowerShell 7.4), but for the
        # Hosts tests. It gets a HOME of its own (pwsh keeps caches there); dotnet, for the child processes
        # some tests start (pwsh 7.6.9, through the tool manifest), keeps its own files and packages.
        $pester74Json = Join-Path $results 'pester-7.4.json'
        # With its .config: .NET answers '' for a special folder that does not exist, and PSResourceGet's NuGet
        # then writes NuGet/NuGet.Config into the current folder, the repository.
        $home74 = Join-Path $out 'hosts/home'
        $null = New-Item -ItemType Directory (Join-Path $home74 '.config') -Force
        $saved = @{ HOME = $env:HOME; DOTNET_CLI_HOME = $env:DOTNET_CLI_HOME; NUGET_PACKAGES = $env:NUGET_PACKAGES }
        try {
            if (-not $env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME = [Environment]::GetFolderPath('UserProfile') }
            if (-not $env:NUGET_PACKAGES) { $env:NUGET_PACKAGES = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '' }
            $env:HOME = $home74
            & (Join-Path $out 'hosts/pwsh-7.4.22/Pwsh74') -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterTests.ps1') -ResultPath $pester74Json -ExcludeTag Hosts | ForEach-Object $show
        }
        finally { foreach ($name in $saved.Keys) { Set-Item "env:$name" $saved[$name] } }
        if (Test-Path $pester74Json) { $pester74 = Get-Content $pester74Json -Raw | ConvertFrom-Json -AsHashtable }
    }
    catch {
        $problems.Add("$_")
    }
    $left = @(& $untracked | Where-Object { $_ -notin $untrackedBefore })
    if ($left.Count -gt 0) { $problems.Add("The test run left new files in the tree: $($left -join ', ')") }

    $summary = @(Format-TestSummary -Xunit $xunit -Pester $pester -Pester74 $pester74 -Stray $stray -Problem $problems)
    $summary | ForEach-Object { Write-Host $_ }
    if ($summary[-1] -notmatch ', 0 failed') { exit 1 }
}

function Invoke-Demo {
    if (-not $NoBuild) { Invoke-Build }
    Import-Module (Join-Path $moduleOut 'GenesysCampaign.psd1') -Force
    $real = $env:GENESYSCLOUD_OAUTHCLIENT_ID -and $env:GENESYSCLOUD_OAUTHCLIENT_SECRET -and $env:GENESYSCLOUD_REGION
    if ($real) {
        # A real org: look, and show what a pause would do, but change nothing.
        Write-Host "== Connecting to Genesys Cloud $env:GENESYSCLOUD_REGION (read-only demo)"
        Connect-GenesysCloud
        Get-GenesysCampaign | Format-Table | Out-String -Width 200 | Out-Host
        Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -WhatIf
        return
    }

    Import-Module (Join-Path $root 'src/GenesysCampaign.Simulator/Simulator.psm1') -Force
    $sim = Start-GenesysSimulator -Path (Join-Path $simulatorOut 'GenesysCampaign.Simulator.dll') -DialerDelayMs 2000
    $audit = Join-Path $out 'demo-audit.jsonl'
    Remove-Item $audit -ErrorAction SilentlyContinue
    try {
        Write-Host "== Simulated Genesys Cloud org at $($sim.BaseUri)"
        $secret = ConvertTo-SecureString 'sim-secret' -AsPlainText -Force
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret $secret

        Write-Host "`n== Get-GenesysCampaign 'Sales-*'"
        Get-GenesysCampaign 'Sales-*' | Format-Table | Out-String -Width 200 | Out-Host

        Write-Host "`n== Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -WhatIf"
        Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -WhatIf

        Write-Host "`n== Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -Wait -Reason 'Demo: compliance hold' -AuditLogPath $audit"
        $records = Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -Wait -Reason 'Demo: compliance hold' -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $records | Format-Table | Out-String -Width 200 | Out-Host
        $records | Group-Object Outcome -NoElement | Format-Table Name, Count | Out-Host

        Write-Host "`n== Resume what that pause paused: `$records | Resume-GenesysCampaign -Wait"
        $records |
            Resume-GenesysCampaign -Wait -Reason 'Demo: hold lifted' -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue |
            Format-Table | Out-String -Width 200 | Out-Host

        Write-Host "`n== The audit log ($audit), first lines"
        Get-Content $audit | Select-Object -First 4 | Out-Host
        Write-Host "($((Get-Content $audit).Count) lines in all)"
    }
    finally {
        Disconnect-GenesysCloud
        Stop-GenesysSimulator $sim
    }
}

function Invoke-Bench {
    Invoke-Build
    Write-Host '== Speed: emergency pause, listing, import (about 8 minutes of the 16: the sequential baseline is slow by nature)'
    $speedJson = Join-Path $out 'speed.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/bench/Bench.ps1') -RepoRoot $root -ResultPath $speedJson
    if ($LASTEXITCODE -ne 0) { throw 'The speed benchmark failed.' }
    Write-Host '== Soak: bulk Resume/Suspend with injected faults'
    $soakJson = Join-Path $out 'soak.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/bench/Soak.ps1') -RepoRoot $root -ResultPath $soakJson
    if ($LASTEXITCODE -ne 0) { throw 'The soak found wrong changes or lost records.' }
    @{ speed = (Get-Content $speedJson -Raw | ConvertFrom-Json); soak = (Get-Content $soakJson -Raw | ConvertFrom-Json) } | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $out 'bench.json')
    Write-Host "Figures: $(Join-Path $out 'bench.json')"
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    $feed = Join-Path $out 'package'
    if (Test-Path $feed) { Remove-Item $feed -Recurse -Force }
    New-Item -ItemType Directory $feed | Out-Null
    # A throwaway local repository: Publish-PSResource writes the .nupkg into its folder.
    $name = "GenesysCampaignBuild$PID"
    Register-PSResourceRepository -Name $name -Uri $feed -Trusted
    try { Publish-PSResource -Path $moduleOut -Repository $name -SkipDependenciesCheck }
    finally { Unregister-PSResourceRepository -Name $name }
    # Azure Automation: GenesysCampaign.zip holding the folder GenesysCampaign with GenesysCampaign.psd1 in it.
    $zip = Join-Path $feed 'GenesysCampaign.zip'
    [System.IO.Compression.ZipFile]::CreateFromDirectory($moduleOut, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Get-ChildItem $feed -Filter *.nupkg | ForEach-Object { Write-Host "Package: $($_.FullName)" }
    Write-Host "Azure Automation: $zip"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
}
