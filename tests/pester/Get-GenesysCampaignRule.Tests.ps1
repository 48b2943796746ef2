BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $EnabledRuleId = '7a000000-0000-4000-8000-000000000001'
    $DisabledRuleId = '7a000000-0000-4000-8000-000000000002'
    $MessagingRuleId = '7a000000-0000-4000-8000-000000000003'
}

AfterAll { Stop-TestOrg $sim }

Describe 'Get-GenesysCampaignRule' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'lists every rule with what triggers it and what it turns on' {
        $all = @(Get-GenesysCampaignRule)
        $all.Count | Should -Be 3
        $all[0].GetType().FullName | Should -Be 'GenesysCloud.Outbound.Dependencies.GenesysCampaignRule'
        $enabled = $all | Where-Object Id -eq $EnabledRuleId
        $enabled.Enabled | Should -BeTrue
        $enabled.TriggerCampaigns.Id | Should -Be (CampaignId 12)
        $enabled.TurnsOnCampaigns.Name | Should -Be 'Sales-East-001'
        $enabled.Actions[0].ActionType | Should -Be 'turnOnCampaign'
    }

    It 'filters on -Enabled' {
        @(Get-GenesysCampaignRule -Enabled $true).Id | Sort-Object | Should -Be @($EnabledRuleId, $MessagingRuleId)
        (Get-GenesysCampaignRule -Enabled $false).Id | Should -Be $DisabledRuleId
    }

    It 'gives the rules that act on the campaigns piped in: Get-GenesysCampaign Sales-* | Get-GenesysCampaignRule' {
        # Sales-East-001 (voice) and Sales-South-SMS-016 (messaging) are what the two enabled rules turn on.
        $rules = @(Get-GenesysCampaign 'Sales-*' | Get-GenesysCampaignRule)
        $rules.Id | Sort-Object | Should -Be @($EnabledRuleId, $MessagingRuleId)
        @(Get-Request $sim GET '*/api/v2/outbound/campaignrules*').Count | Should -Be 1
        (Get-GenesysCampaign 'Sales-*' -MediaType Voice | Get-GenesysCampaignRule).Id | Should -Be $EnabledRuleId
        (Get-GenesysCampaign -Id (CampaignId 14) | Get-GenesysCampaignRule).Id | Should -Be $DisabledRuleId   # its trigger
        Get-GenesysCampaign -Id $OffId | Get-GenesysCampaignRule | Should -BeNullOrEmpty
    }

    It 'reports an id and a name that match no rule as CampaignRuleNotFound (ObjectNotFound)' {
        $missing = '7a000000-0000-4000-8000-000000000099'
        Get-GenesysCampaignRule -Id $missing -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignRuleNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $missing

        Get-GenesysCampaignRule 'No Such Rule' -ErrorVariable byName -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $byName[0].FullyQualifiedErrorId | Should -BeLike 'CampaignRuleNotFound,*'
        $byName[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows a table that fits 120 columns' {
        $lines = @((Get-GenesysCampaignRule | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Enabled\s+TriggeredBy\s+TurnsOn\s+TurnsOff\s+Version$'
        $lines | Where-Object { $_ -match 'Sales-East-001 when' } | Should -Match 'True\s+Retention-South-012\s+Sales-East-001\s+1$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}
