# The end of build.ps1 -Task Test, where a test can reach it: the one closing line CI reads, and the
# check that the test output holds no stray "What if:" lines (a -WhatIf test run against this
# process's host prints them, and no stream can redirect them: see Invoke-WithoutHost in pester/Common.ps1).

# Lines of test output that should not be there, as they came.
function Find-StrayOutput {
    [CmdletBinding()]
    param([AllowEmptyCollection()] [AllowEmptyString()] [string[]] $Line)
    @($Line | Where-Object { $_ -match '^\s*What if:' })
}

# The summary: a breakdown that does not read as "N passed, N failed", any stray lines (one failure
# for them all), then exactly one closing line "N passed, N failed, N skipped".
function Format-TestSummary {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable] $Xunit,
        [Parameter(Mandatory)] [hashtable] $Pester,
        # The same Pester suite in pwsh 7.4.22 (tests/hosts).
        [Parameter(Mandatory)] [hashtable] $Pester74,
        [AllowEmptyCollection()] [string[]] $Stray = @(),
        [AllowEmptyCollection()] [string[]] $Problem = @()
    )
    $passed = $Xunit.passed + $Pester.passed + $Pester74.passed
    $failed = $Xunit.failed + $Pester.failed + $Pester74.failed
    $skipped = $Xunit.skipped + $Pester.skipped + $Pester74.skipped
    "(xunit: passed $($Xunit.passed), failed $($Xunit.failed), skipped $($Xunit.skipped); Pester on pwsh 7.6.9: passed $($Pester.passed), failed $($Pester.failed), skipped $($Pester.skipped); Pester on pwsh 7.4.22, but the Hosts tests: passed $($Pester74.passed), failed $($Pester74.failed), skipped $($Pester74.skipped))"
    foreach ($p in $Problem) {
        "Problem: $p"
        $failed++
    }
    if ($Stray.Count -gt 0) {
        "Stray output: $($Stray.Count) 'What if:' line(s) in the test output; run -WhatIf tests with Invoke-WithoutHost (tests/pester/Common.ps1). First: $($Stray[0].Trim())"
        $failed++
    }
    "$passed passed, $failed failed, $skipped skipped"
}

Export-ModuleMember -Function Find-StrayOutput, Format-TestSummary
