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

    It 'includes GenesysCampaign.zip as Azure Automation imports it: the zip, its one folder and the manifest named alike' {
        # The .nupkg test above made out/package.
        $zip = Join-Path $RepoRoot 'out/package/GenesysCampaign.zip'
        Test-Path $zip | Should -BeTrue
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = @($archive.Entries.FullName) }
        finally { $archive.Dispose() }
        # One top folder, named as the zip; paths with '/' (what Automation's Linux and Windows workers both read).
        @($entries | ForEach-Object { ($_ -split '/')[0] } | Sort-Object -Unique) | Should -Be @('GenesysCampaign')
        $entries | Where-Object { $_ -match '\\' } | Should -BeNullOrEmpty
        $entries | Should -Contain 'GenesysCampaign/GenesysCampaign.psd1'
        $entries | Should -Contain 'GenesysCampaign/GenesysCampaign.dll'
        $entries | Should -Contain 'GenesysCampaign/dependencies/GenesysCampaign.Core.dll'
        $entries | Should -Contain 'GenesysCampaign/dependencies/GenesysCampaign.LoadContext.dll'
        $entries | Should -Contain 'GenesysCampaign/en-US/GenesysCampaign.dll-help.xml'
        # The runbook sample travels with the module (README, "Unattended: Azure Automation", step 4).
        $entries | Should -Contain 'GenesysCampaign/Examples/Suspend-GenesysCampaigns.Runbook.ps1'
        # Everything the build put in the module folder, and nothing else.
        $built = Get-ChildItem (Join-Path $RepoRoot 'out/GenesysCampaign') -Recurse -File | ForEach-Object {
            'GenesysCampaign/' + [IO.Path]::GetRelativePath((Join-Path $RepoRoot 'out/GenesysCampaign'), $_.FullName).Replace('\', '/')
        }
        @($entries | Where-Object { -not $_.EndsWith('/') } | Sort-Object) | Should -Be @($built | Sort-Object)

        # Unpacked, it imports as Automation imports it: by the folder's name on PSModulePath.
        $target = Join-Path ([IO.Path]::GetTempPath()) "gc-zip-$([guid]::NewGuid())"
        [System.IO.Compression.ZipFile]::ExtractToDirectory($zip, $target)
        try {
            $out = & dotnet pwsh -NoProfile -NonInteractive -Command "`$env:PSModulePath = '$target' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module GenesysCampaign; (Get-Module GenesysCampaign).ModuleBase; (Get-Command -Module GenesysCampaign).Count"
            $LASTEXITCODE | Should -Be 0
            $out[0] | Should -Be (Join-Path $target 'GenesysCampaign')
            [int]$out[-1] | Should -Be (Import-PowerShellDataFile (Join-Path $RepoRoot 'GenesysCampaign.psd1')).CmdletsToExport.Count
        }
        finally { Remove-Item $target -Recurse -Force }
    }
}
