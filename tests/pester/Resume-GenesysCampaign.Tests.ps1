BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Resume-GenesysCampaign' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'turns an off campaign on' {
        $record = Resume-GenesysCampaign -Id (CampaignId 16) -Wait
        $record.Outcome | Should -Be 'Changed'
        $record.PreviousStatus | Should -Be 'off'
        $record.FinalStatus | Should -Be 'on'
        $record.WrittenWith | Should -Be 'POST start'
        (Get-Write $sim).path | Should -Be "/api/v2/outbound/campaigns/$(CampaignId 16)/start"
    }

    It 'is Unchanged for a campaign already on' {
        (Resume-GenesysCampaign -Id $OnId).Outcome | Should -Be 'Unchanged'
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'rejects an invalid campaign and names its errors, even with -Force' {
        $record = Resume-GenesysCampaign -Id $InvalidId -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $record.Outcome | Should -Be 'Rejected'
        $record.Message | Should -Match 'Contact list has no callable contacts'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignStateChangeRejected,*'
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'resumes a complete campaign (restart from the first record) only with -Force' {
        (Resume-GenesysCampaign -Id $CompleteId -ErrorAction SilentlyContinue).Outcome | Should -Be 'Rejected'
        Get-Write $sim | Should -BeNullOrEmpty
        $forced = Resume-GenesysCampaign -Id $CompleteId -Force -WarningVariable warns -WarningAction SilentlyContinue
        $forced.Outcome | Should -Be 'Changed'
        $warns | Should -Match 'first record'
    }

    It 'warns, through the warning stream and the record, about a schedule that can change the campaign' {
        $record = Resume-GenesysCampaign -Id $ScheduledId -WarningVariable warns -WarningAction SilentlyContinue
        $record.Outcome | Should -Be 'Changed'
        $record.Warnings | Should -Match 'weekday schedule'
        $warns | Should -Match 'weekday schedule'
    }

    It 'takes campaigns by name with wildcards' {
        $records = @(Resume-GenesysCampaign -Name 'Survey-West-0[1-3]*')
        $records.CampaignName | ForEach-Object { $_ | Should -BeLike 'Survey-West-0[1-3]*' }
        $records.Count | Should -BeGreaterThan 0
    }
}
