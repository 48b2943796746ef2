# build.ps1 itself: the closing line of -Task Test (tests/TestSummary.psm1, which build.ps1 uses), and
# a Demo that leaves the working tree as it found it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
    Import-Module (Join-Path $RepoRoot 'tests/TestSummary.psm1') -Force
    $script:Closing = '^\d+ passed, \d+ failed(, \d+ skipped)?$'
    function Get-ClosingLike([string[]] $Lines) { @($Lines | Where-Object { $_ -match '\d+ passed, \d+ failed' }) }
}

Describe 'build.ps1 -Task Test: the summary' {
    It 'ends with exactly one "N passed, N failed" line, and nothing before it reads like one (<Case>)' -ForEach @(
        @{ Case = 'green'; Stray = @(); Problem = @(); Last = '383 passed, 0 failed, 2 skipped' }
        @{ Case = 'a stray What if line'; Stray = @('What if: Performing the operation "Suspend (set to off)" on target "campaign ''x''".'); Problem = @(); Last = '383 passed, 1 failed, 2 skipped' }
        @{ Case = 'a build that failed'; Stray = @(); Problem = @('Building the module failed with exit code 1.'); Last = '383 passed, 1 failed, 2 skipped' }
    ) {
        $lines = @(Format-TestSummary -Xunit @{ passed = 280; failed = 0; skipped = 2 } -Pester @{ passed = 60; failed = 0; skipped = 0 } -Pester74 @{ passed = 43; failed = 0; skipped = 0 } -Stray $Stray -Problem $Problem)
        $lines[-1] | Should -MatchExactly $Closing
        $lines[-1] | Should -Be $Last
        Get-ClosingLike $lines | Should -Be @($Last)
    }

    It 'finds the "What if:" lines in test output, and only those' {
        $output = 'Describing Suspend-GenesysCampaign', '  [+] sends nothing with -WhatIf 12ms', 'What if: Performing the operation "Stop (set to forced_off)" on target "campaign".', '   What if: indented too', 'Tests Passed: 3'
        Find-StrayOutput $output | Should -Be @($output[2], $output[3])
        Find-StrayOutput @() | Should -BeNullOrEmpty
    }

    It 'is what build.ps1 prints: its Test task calls Format-TestSummary and Find-StrayOutput, and prints no other count line' {
        $build = Get-Content (Join-Path $RepoRoot 'build.ps1') -Raw
        $build | Should -Match 'Format-TestSummary -Xunit \$xunit -Pester \$pester -Pester74 \$pester74 -Stray \$stray -Problem \$problems'
        $build | Should -Match 'Find-StrayOutput'
        $build | Should -Not -Match 'Write-Host "[^"]*passed, [^"]*failed'
    }
}

Describe 'build.ps1 -Task Demo' {
    It 'leaves no untracked (or changed) files in the tree' {
        $git = Get-Command git -ErrorAction SilentlyContinue
        $inTree = $git -and ((& git -C $RepoRoot rev-parse --is-inside-work-tree 2>$null) -eq 'true')
        if (-not $inTree) { Set-ItResult -Skipped -Because 'not a git working tree'; return }
        $before = @(& git -C $RepoRoot status --porcelain --untracked-files=all)

        $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'build.ps1'), '-Task', 'Demo', '-NoBuild') { $info.ArgumentList.Add($a) }
        $info.WorkingDirectory = $RepoRoot
        foreach ($name in 'GENESYSCLOUD_OAUTHCLIENT_ID', 'GENESYSCLOUD_OAUTHCLIENT_SECRET', 'GENESYSCLOUD_REGION', 'GENESYS_CAMPAIGN_AUDIT_LOG') { $info.Environment.Remove($name) | Out-Null }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.RedirectStandardInput = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(180000)) { $process.Kill(); throw 'The demo did not end within 3 minutes.' }

        $process.ExitCode | Should -Be 0 -Because $stderr.Result
        $stdout.Result | Should -Match '== The audit log'
        $after = @(& git -C $RepoRoot status --porcelain --untracked-files=all)
        $after | Should -Be $before
    }
}
