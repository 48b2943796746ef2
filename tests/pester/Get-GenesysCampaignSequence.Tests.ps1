BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $RenewalsSequenceId = '5e000000-0000-4000-8000-000000000001'
    $WinterSequenceId = '5e000000-0000-4000-8000-000000000002'
}

AfterAll { Stop-TestOrg $sim }

Describe 'Get-GenesysCampaignSequence' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'lists every sequence as a typed object that keeps its JSON' {
        $all = @(Get-GenesysCampaignSequence)
        $all.Name | Should -Be @('Renewals Sequence', 'Winter Sequence')
        $all[0].GetType().FullName | Should -Be 'GenesysCloud.Outbound.Dependencies.GenesysCampaignSequence'
        $all[0].Status | Should -Be 'on'
        $all[0].Campaigns.Id | Should -Be @((CampaignId 5), (CampaignId 30))
        $all[0].CurrentCampaign | Should -Be 1
        $all[0].Current.Name | Should -Be 'Renewals-West-030'
        ($all[0].ToJson() | ConvertFrom-Json).selfUri | Should -Be "/api/v2/outbound/sequences/$RenewalsSequenceId"
    }

    It 'matches names with wildcards in any case, and filters by status' {
        (Get-GenesysCampaignSequence 'WINTER*').Id | Should -Be $WinterSequenceId
        (Get-GenesysCampaignSequence -Status on).Id | Should -Be $RenewalsSequenceId
    }

    It 'gives the sequence that contains the campaigns piped in, once' {
        $found = @(Get-GenesysCampaign -Id $SequenceOnId, (CampaignId 5), $OnId | Get-GenesysCampaignSequence)
        $found.Count | Should -Be 1
        $found[0].Name | Should -Be 'Renewals Sequence'
        @(Get-Request $sim GET '*/api/v2/outbound/sequences*').Count | Should -Be 1
    }

    It 'reports an id that matches no sequence as CampaignSequenceNotFound (ObjectNotFound)' {
        $missing = '5e000000-0000-4000-8000-000000000099'
        $result = Get-GenesysCampaignSequence -Id $missing, $WinterSequenceId -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Id | Should -Be $WinterSequenceId
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignSequenceNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $missing
    }

    It 'reports a plain name that matches nothing, and is silent for a wildcard that matches nothing' {
        Get-GenesysCampaignSequence 'Summer Sequence', 'Autumn*' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignSequenceNotFound,*'
        $errs[0].Exception.Message | Should -Match 'Summer Sequence'
    }

    It 'refuses a malformed id with InvalidCampaignSequenceId before any request' {
        Get-GenesysCampaignSequence -Id 'Winter Sequence' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignSequenceId,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-Request $sim GET '*' | Should -BeNullOrEmpty
    }

    It 'shows a table that fits 120 columns' {
        $lines = @((Get-GenesysCampaignSequence | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Status\s+Repeat\s+Current\s+Campaigns\s+Version$'
        $lines | Where-Object { $_ -like 'Renewals Sequence*' } | Should -Match 'on\s+True\s+2\. Renewals-West-030\s+Renewals-East-005, Renewals-West-030\s+\d+$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}
