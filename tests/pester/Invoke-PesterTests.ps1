# Runs every *.Tests.ps1 here with Pester from NuGet and writes the counts as JSON for build.ps1.
# -ExcludeTag: the 7.4 run leaves out the Hosts tests, which start every host themselves.
param([Parameter(Mandatory)] [string] $ResultPath, [string[]] $ExcludeTag = @())

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $PSScriptRoot '../../out/tools/packages/pester/6.2.0/tools/Pester.psd1') -Force

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Filter.ExcludeTag = $ExcludeTag
$config.Output.Verbosity = 'Normal'
# Every temporary audit log of the run (New-TempAuditPath) and its lock file in one folder, removed at the end.
$env:GC_TEST_TEMP = Join-Path ([System.IO.Path]::GetTempPath()) "gc-pester-$PID"
$null = New-Item -ItemType Directory $env:GC_TEST_TEMP -Force
try { $result = Invoke-Pester -Configuration $config }
finally { Remove-Item $env:GC_TEST_TEMP -Recurse -Force -ErrorAction SilentlyContinue }

# A test left out by -ExcludeTag (its own tag or a block's) was not asked for: it is no skipped test.
function Test-Excluded($Test) {
    $tags = @($Test.Tag)
    for ($block = $Test.Block; $block; $block = $block.Parent) { $tags += @($block.Tag) }
    @($tags | Where-Object { $_ -in $ExcludeTag }).Count -gt 0
}
$counts = @{
    passed  = $result.PassedCount
    failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    skipped = $result.SkippedCount + @($result.NotRun | Where-Object { -not (Test-Excluded $_) }).Count
}
if ($result.TotalCount -eq 0) { $counts.failed++ }
$counts | ConvertTo-Json | Set-Content $ResultPath
