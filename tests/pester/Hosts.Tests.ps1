# The module on each host the tests have (issue 19): the built module, in the shipped layout, imported in a
# process of the host's own, carrying tests/hosts/Scenario.ps1 (import, connect, list and Tab, Suspend -Wait
# with an audit log, Resume, Get-GenesysCampaignAuditLog, Suspend -Hold and its Undo, Watch -Timeout 5).
# The 7.4 hosts are built by tests/hosts/Build-TestHosts.ps1 (build.ps1 -Task Test does it first).
# Tagged Hosts: the whole-suite run on pwsh 7.4 leaves these out, as they start every host themselves.
BeforeDiscovery {
    $script:Hosts = @(
        @{ Case = 'pwsh 7.4.22 (Azure Automation''s PowerShell 7.4 runtime)'; Folder = 'pwsh-7.4.22'; Version = '7.4.22'; Preload = $false }
        @{ Case = 'pwsh 7.4.22 with its own older System.Text.Json and AsyncInterfaces already loaded (as after Import-Module Az.Accounts)'; Folder = 'pwsh-7.4.22'; Version = '7.4.22'; Preload = $true }
        @{ Case = 'pwsh 7.4.22 holding Microsoft.Bcl.AsyncInterfaces 5.0.0.0 (as pwsh 7.4.0 and 7.4.1)'; Folder = 'pwsh-7.4.22-bcl5'; Version = '7.4.22'; Preload = $false }
        @{ Case = 'pwsh 7.4.22 without System.Text.Json and AsyncInterfaces (as Windows PowerShell 5.1)'; Folder = 'pwsh-7.4.22-bare'; Version = '7.4.22'; Preload = $false }
        @{ Case = 'pwsh 7.6.9 (the pinned tool)'; Folder = $null; Version = '7.6.9'; Preload = $false }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
}

Describe 'The module on each host' -Tag Hosts {
    It 'imports and carries the scenario on <Case>' -ForEach $Hosts {
        $scenario = Join-Path $RepoRoot 'tests/hosts/Scenario.ps1'
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $scenario, '-RepoRoot', $RepoRoot)
        if ($Preload) { $arguments += '-PreloadHostCopies' }
        if ($Folder) {
            $executable = Join-Path $RepoRoot "out/hosts/$Folder/Pwsh74"
            if (-not (Test-Path $executable)) { throw "$executable is missing: build the test hosts with tests/hosts/Build-TestHosts.ps1 (build.ps1 -Task Test does)." }
            # A HOME of the host's own: pwsh keeps caches there (with .config: see build.ps1).
            $savedHome = $env:HOME
            $env:HOME = Join-Path $RepoRoot 'out/hosts/home'
            $null = New-Item -ItemType Directory (Join-Path $env:HOME '.config') -Force
            try { $out = & $executable @arguments 2>&1 }
            finally { $env:HOME = $savedHome }
        }
        else {
            $out = & dotnet pwsh @arguments 2>&1
        }
        $text = ($out | Out-String) -replace '\x1b\[[0-9;]*m', ''
        $LASTEXITCODE | Should -Be 0 -Because $text

        $seen = "$($out | Select-Object -Last 1)" | ConvertFrom-Json
        $seen.psVersion | Should -Be $Version
        # Core and its System.Text.Json 10 in the module's own load context, whatever the host holds.
        $seen.coreLoadContext | Should -Be 'GenesysCampaign'
        $seen.systemTextJson | Should -Contain 'GenesysCampaign 10.0.0.0'
        if ($Preload) { $seen.preloaded | Should -Be @('System.Text.Json 8.0.0.0', 'Microsoft.Bcl.AsyncInterfaces 8.0.0.0') }
    }
}
