# Runs every *.Tests.ps1 here with Pester from NuGet and writes the counts as JSON for build.ps1.
param([Parameter(Mandatory)] [string] $ResultPath)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $PSScriptRoot '../../out/tools/packages/pester/6.2.0/tools/Pester.psd1') -Force

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config

$counts = @{
    passed  = $result.PassedCount
    failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    skipped = $result.SkippedCount + $result.NotRunCount
}
if ($result.TotalCount -eq 0) { $counts.failed++ }
$counts | ConvertTo-Json | Set-Content $ResultPath
