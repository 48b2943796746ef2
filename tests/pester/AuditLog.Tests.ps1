BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg

    # A separate pwsh process that runs one state cmdlet against the simulator.
    function Start-AuditWriter([string] $Audit, [string] $Command) {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$RepoRoot/out/GenesysCampaign/GenesysCampaign.psd1'
Connect-GenesysCloud -BaseUri '$($sim.BaseUri)' -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force)
$Command -AuditLogPath '$Audit' -Confirm:`$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
"@
        $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $script) { $info.ArgumentList.Add($a) }
        $info.WorkingDirectory = $RepoRoot
        $info.UseShellExecute = $false
        [System.Diagnostics.Process]::Start($info)
    }
}

AfterAll { Stop-TestOrg $sim }

Describe 'The audit log' {
    It 'gives records that a script cannot rewrite, from the pipeline or read back from the log' {
        $audit = New-TempAuditPath
        $record = Suspend-GenesysCampaign -Id $OnId -AuditLogPath $audit -Confirm:$false
        $line = Get-GenesysCampaignAuditLog $audit

        { $record.Outcome = 'Failed' } | Should -Throw -ErrorId 'PropertyAssignmentException'
        { $line.Reason = 'someone else' } | Should -Throw -ErrorId 'PropertyAssignmentException'
        $line.Outcome | Should -Be $record.Outcome
        Remove-Item $audit
    }

    It 'takes lines from two processes appending at once, whole and none lost' {
        $audit = New-TempAuditPath
        $ids = (1..60 | ForEach-Object { "'$(CampaignId $_)'" }) -join ','
        $writers = 1..2 | ForEach-Object { Start-AuditWriter $audit "Suspend-GenesysCampaign -Id $ids" }
        $writers | ForEach-Object { $_.WaitForExit(60000) | Should -BeTrue }

        $lines = @(Get-Content $audit)
        $lines.Count | Should -Be 120
        $records = $lines | ForEach-Object { $_ | ConvertFrom-Json }
        ($records | Group-Object campaignId | Where-Object Count -ne 2) | Should -BeNullOrEmpty
    }

    It 'holds only whole lines when the writing process is killed mid-run' {
        $audit = New-TempAuditPath
        $ids = (31..58 | ForEach-Object { "'$(CampaignId $_)'" }) -join ','
        $writer = Start-AuditWriter $audit "Resume-GenesysCampaign -Id $ids -ThrottleLimit 1 -Wait"
        $deadline = (Get-Date).AddSeconds(30)
        while (-not ((Test-Path $audit) -and @(Get-Content $audit).Count -ge 3) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $writer.Kill($true)
        $writer.WaitForExit()

        $text = [System.IO.File]::ReadAllText($audit)
        $text | Should -Match "`n$"
        $lines = $text.TrimEnd("`n") -split "`n"
        $lines.Count | Should -BeGreaterOrEqual 3
        $lines | ForEach-Object { { $_ | ConvertFrom-Json } | Should -Not -Throw }
    }
}
