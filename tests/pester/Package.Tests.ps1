BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
}

Describe 'The package' {
    It 'is a .nupkg that PSResourceGet installs from a folder repository and that imports' {
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'build.ps1') -Task Package -NoBuild | Out-Null
        $LASTEXITCODE | Should -Be 0
        $package = Get-ChildItem (Join-Path $RepoRoot 'out/package') -Filter 'GenesysCampaign.*.nupkg'
        $package | Should -HaveCount 1

        $repo = "GenesysCampaignTest$PID"
        $target = Join-Path ([IO.Path]::GetTempPath()) "gc-install-$([guid]::NewGuid())"
        New-Item -ItemType Directory $target | Out-Null
        Register-PSResourceRepository -Name $repo -Uri (Join-Path $RepoRoot 'out/package') -Trusted
        try {
            Save-PSResource -Name GenesysCampaign -Repository $repo -Path $target -TrustRepository -SkipDependencyCheck
        }
        finally { Unregister-PSResourceRepository -Name $repo }

        $manifest = Get-ChildItem $target -Recurse -Filter GenesysCampaign.psd1 | Select-Object -First 1
        $manifest | Should -Not -BeNullOrEmpty
        Test-Path (Join-Path $manifest.Directory 'dependencies/Polly.Core.dll') | Should -BeTrue
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$($manifest.FullName)'; (Get-Command -Module GenesysCampaign).Count"
        # Every cmdlet the manifest exports, and no more.
        [int]($out | Select-Object -Last 1) | Should -Be (Import-PowerShellDataFile (Join-Path $RepoRoot 'GenesysCampaign.psd1')).CmdletsToExport.Count
        Remove-Item $target -Recurse -Force
    }
}
