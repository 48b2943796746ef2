BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
}

Describe 'Dependency isolation' {
    It 'works in a session that already loaded another version of Polly.Core, using its own copy' {
        $other = Join-Path $RepoRoot 'out/tools/packages/polly.core/8.4.2/lib/netstandard2.0/Polly.Core.dll'
        $script = @"
`$ErrorActionPreference = 'Stop'
`$PSStyle.OutputRendering = 'PlainText'
`$theirs = [Reflection.Assembly]::LoadFrom('$other')
Import-Module '$RepoRoot/out/GenesysCampaign/GenesysCampaign.psd1'
Import-Module '$RepoRoot/src/GenesysCampaign.Simulator/Simulator.psm1'
`$sim = Start-GenesysSimulator -Path '$RepoRoot/out/simulator/GenesysCampaign.Simulator.dll'
try {
    `$c = Connect-GenesysCloud -BaseUri `$sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru
    `$c.Resilience.BaseDelay = [timespan]::FromMilliseconds(20)
    # Two 503s make the retry pipeline (Polly) do real work.
    Add-GenesysSimulatorFault `$sim @{ kind = 'ServiceUnavailable503'; method = 'POST'; count = 2 }
    `$record = Suspend-GenesysCampaign -Id 'c0000000-0000-4000-8000-000000000006'
    `$pollies = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Polly.Core' }
    `$ours = `$pollies | Where-Object { `$_ -ne `$theirs }
    '{0}|{1}|{2}|{3}|{4}' -f `$record.Outcome, `$record.Attempts, @(`$pollies).Count, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$ours).Name, [Diagnostics.FileVersionInfo]::GetVersionInfo(`$ours.Location).FileVersion
}
finally { Stop-GenesysSimulator `$sim }
"@
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($out | Out-String)
        $outcome, $attempts, $count, $context, $version = ($out | Select-Object -Last 1) -split '\|'
        $outcome | Should -Be 'Changed'
        [int]$attempts | Should -BeGreaterOrEqual 3
        [int]$count | Should -Be 2
        $context | Should -Be 'GenesysCampaign'
        $version | Should -BeLike '8.9.1*'
    }

    It 'keeps only the cmdlets beside the manifest and every dependency in dependencies/' {
        $top = Get-ChildItem (Join-Path $RepoRoot 'out/GenesysCampaign') -File -Filter *.dll
        $top.Name | Should -Be 'GenesysCampaign.dll'
        Test-Path (Join-Path $RepoRoot 'out/GenesysCampaign/dependencies/Polly.Core.dll') | Should -BeTrue
        Test-Path (Join-Path $RepoRoot 'out/GenesysCampaign/dependencies/System.Text.Json.dll') | Should -BeTrue
    }
}
