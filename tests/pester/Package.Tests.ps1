BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
}

Describe 'The package' {
    It 'is a .nupkg that PSResourceGet installs from a folder repository and that imports' {
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'build.ps1') -Task Package -NoBuild | Out-Null
        $LASTEXITCODE | Should -Be 0
        $package = Get-ChildItem (Join-Path $RepoRoot 'out/package') -Filter 'GenesysCampaign.*.nupkg'
        $package | Should -HaveCount 1
        # One version throughout: the manifest's, which CHANGELOG.md's newest entry names.
        $version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'GenesysCampaign.psd1')).ModuleVersion
        (Get-Content (Join-Path $RepoRoot 'CHANGELOG.md') -Raw) -match '(?m)^## \[(?<newest>[0-9.]+)\]' | Should -BeTrue
        $version | Should -Be $Matches.newest
        $package.Name | Should -Be "GenesysCampaign.$version.nupkg"

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
        $installed = Import-PowerShellDataFile $manifest.FullName
        $installed.ModuleVersion | Should -Be $version
        $installed.PrivateData.PSData.ReleaseNotes | Should -BeLike "$($version): *"
        # What the release notes point to is installed with the module.
        $installed.PrivateData.PSData.ReleaseNotes | Should -Match 'CHANGELOG\.md in the module folder'
        Get-Content (Join-Path $manifest.Directory 'CHANGELOG.md') -Raw | Should -Match "(?m)^## \[$([regex]::Escape($version))\]"
        # An assembly version has four parts: 0.2.0 is 0.2.0.0.
        $parts = [version]$version
        $assemblyVersion = [version]::new($parts.Major, $parts.Minor, [Math]::Max($parts.Build, 0), [Math]::Max($parts.Revision, 0))
        [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $manifest.Directory 'GenesysCampaign.dll')).Version | Should -Be $assemblyVersion
        [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $manifest.Directory 'dependencies/GenesysCampaign.Core.dll')).Version | Should -Be $assemblyVersion
        Test-Path (Join-Path $manifest.Directory 'dependencies/Polly.Core.dll') | Should -BeTrue
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$($manifest.FullName)'; (Get-Command -Module GenesysCampaign).Count"
        # Every cmdlet the manifest exports, and no more.
        [int]($out | Select-Object -Last 1) | Should -Be (Import-PowerShellDataFile (Join-Path $RepoRoot 'GenesysCampaign.psd1')).CmdletsToExport.Count
        Remove-Item $target -Recurse -Force
    }
}
