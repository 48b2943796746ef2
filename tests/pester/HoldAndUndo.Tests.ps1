# README's "A pause that holds, and its undo" block runs as written against the simulator (in a
# folder of its own, for its relative audit log): the hold changes the campaigns and what could turn
# them back on, and the undo puts every one of them back.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $readme = Get-Content (Join-Path $RepoRoot 'README.md') -Raw
    if ($readme -notmatch '(?ms)^## A pause that holds, and its undo\r?\n.*?^```powershell\r?\n(?<code>.*?)^```') { throw 'README.md has no "A pause that holds, and its undo" code block.' }
    $script:Block = $Matches.code
}

AfterAll { Stop-TestOrg $sim }

Describe 'README: an emergency pause that holds, then its release' {
    It 'holds every campaign that was on with what could turn it back on, and the undo puts all of it back' {
        $all = @(Get-GenesysCampaign).Id
        $on = @(Get-GenesysCampaign -Status on).Id
        $sequences = @{}; Get-GenesysCampaignSequence | ForEach-Object { $sequences[$_.Id] = $_.Status }
        $rules = @{}; Get-GenesysCampaignRule | ForEach-Object { $rules[$_.Id] = $_.Enabled }
        $schedules = @(Get-GenesysCampaignSchedule).Count
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("gc-hold-{0}" -f [guid]::NewGuid())
        New-Item -ItemType Directory $folder | Out-Null
        Push-Location $folder
        # The block as written waits up to 300 s (the default -Timeout); bounded here. The dialer settles in
        # 300 ms, so a record that took 20 s is a wait that missed its settle (fresh-clone runs once waited
        # out the timeout on seeded stopping campaigns that settled before the subscription; fixed).
        $PSDefaultParameterValues['*-Genesys*:Timeout'] = 60
        try {
            & ([scriptblock]::Create($Block)) 3>$null | Out-Null
            $records = @(Get-GenesysCampaignAuditLog ./campaign-audit.jsonl)
        } finally { $PSDefaultParameterValues.Remove('*-Genesys*:Timeout'); Pop-Location; Remove-Item $folder -Recurse -Force }
        $slow = @($records | Where-Object { $_.Outcome -eq 'TimedOut' -or $_.DurationMs -gt 20000 } |
            ForEach-Object { "$($_.ObjectKind) $($_.ObjectName) $($_.Action) $($_.PreviousStatus) -> $($_.FinalStatus) $($_.Outcome) $($_.DurationMs) ms" })
        $slow | Should -BeNullOrEmpty

        $hold = @($records | Where-Object Reason -eq 'INC-4711')
        $undo = @($records | Where-Object Reason -eq 'INC-4711 resolved')
        # Every campaign is given: those on are paused, those off are Unchanged, and what could start any of them is neutralised.
        @($hold | Where-Object ObjectKind -eq Campaign).Count | Should -Be $all.Count
        @($hold | Where-Object { $_.ObjectKind -eq 'Campaign' -and $_.Outcome -eq 'Changed' }).ObjectId | Sort-Object | Should -Be ($on | Sort-Object)
        @($hold | Where-Object ObjectKind -ne Campaign).Count | Should -BeGreaterThan 0 -Because 'the seeded org has a running sequence, enabled rules and schedules'
        @($hold | Where-Object { $_.ObjectKind -ne 'Campaign' -and $_.Outcome -ne 'Changed' }) | Should -BeNullOrEmpty
        @($hold.OperationId | Sort-Object -Unique).Count | Should -Be 1
        $undo.Count | Should -Be @($hold | Where-Object Outcome -eq Changed).Count
        @($undo | Where-Object Outcome -ne Changed) | Should -BeNullOrEmpty

        @(Get-GenesysCampaign -Status on).Id | Sort-Object | Should -Be ($on | Sort-Object)
        Get-GenesysCampaignSequence | ForEach-Object { $_.Status | Should -Be $sequences[$_.Id] }
        Get-GenesysCampaignRule | ForEach-Object { $_.Enabled | Should -Be $rules[$_.Id] }
        @(Get-GenesysCampaignSchedule).Count | Should -Be $schedules
    }
}
