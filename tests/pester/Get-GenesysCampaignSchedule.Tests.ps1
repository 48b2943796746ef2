BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $WinterSequenceId = '5e000000-0000-4000-8000-000000000002'
    $ScheduledMessagingId = '6d000000-0000-4000-8000-000000000010'
    $ScheduledEmailId = '6d000000-0000-4000-8000-000000000014'
    $ScheduledWhatsAppId = '6d000000-0000-4000-8000-000000000012'
}

AfterAll { Stop-TestOrg $sim }

Describe 'Get-GenesysCampaignSchedule' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'lists the campaign, sequence, messaging, email and WhatsApp campaign schedules, each with its next start in UTC' {
        $all = @(Get-GenesysCampaignSchedule)
        $all.Kind | Should -Be @('Campaign', 'Sequence', 'MessagingCampaign', 'EmailCampaign', 'WhatsAppCampaign')
        $all[0].GetType().FullName | Should -Be 'GenesysCloud.Outbound.Dependencies.GenesysCampaignSchedule'
        $all[0].TargetId | Should -Be $ScheduledId
        $all[0].NextStart | Should -BeNullOrEmpty            # its intervals lie in 2024
        $all[1].TargetName | Should -Be 'Winter Sequence'
        $all[1].NextStart | Should -Be ([datetime]::new(2030, 1, 7, 14, 0, 0, [System.DateTimeKind]::Utc))
        $all[1].NextStart.Kind | Should -Be 'Utc'
        $all[2].TargetId | Should -Be $ScheduledMessagingId
        $all[2].NextStart | Should -Be ([datetime]::new(2030, 1, 8, 14, 0, 0, [System.DateTimeKind]::Utc))
        $all[2].Recurrences[0].DaysOfWeek | Should -Be @('Monday', 'Wednesday')
        $all[3].TargetId | Should -Be $ScheduledEmailId
        $all[3].Recurrences[0].Interval | Should -Be 2
        $all[4].TargetId | Should -Be $ScheduledWhatsAppId
        $all[4].Recurrences[0].NumberOfOccurrences | Should -Be 8
    }

    It 'filters by -Kind' {
        (Get-GenesysCampaignSchedule -Kind Sequence).TargetId | Should -Be $WinterSequenceId
        @(Get-Request $sim GET '*/schedules/*').path | Should -Be '/api/v2/outbound/schedules/sequences'
    }

    It 'gives nothing, and no error, for campaigns without a schedule: Get-GenesysCampaign Sales-* | Get-GenesysCampaignSchedule' {
        Get-GenesysCampaign 'Sales-*' | Get-GenesysCampaignSchedule -ErrorVariable errs | Should -BeNullOrEmpty
        $errs.Count | Should -Be 0
    }

    It 'gives the schedules of the campaigns and sequences piped in' {
        (Get-GenesysCampaign -Id $ScheduledId, $OnId | Get-GenesysCampaignSchedule).TargetId | Should -Be $ScheduledId
        (Get-GenesysCampaign -Id $ScheduledMessagingId | Get-GenesysCampaignSchedule).Kind | Should -Be 'MessagingCampaign'
        (Get-GenesysCampaign -Id $ScheduledEmailId, $ScheduledWhatsAppId | Get-GenesysCampaignSchedule).Kind | Should -Be @('EmailCampaign', 'WhatsAppCampaign')
        (Get-GenesysCampaignSequence | Get-GenesysCampaignSchedule).TargetId | Should -Be $WinterSequenceId
    }

    It 'shows a table that fits 120 columns, NextStart in UTC' {
        $lines = @((Get-GenesysCampaignSchedule | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Kind\s+Target\s+Name\s+TimeZone\s+NextStart \(UTC\)\s+Version$'
        $lines | Where-Object { $_ -like 'Sequence *' } | Should -Match '^Sequence\s+Winter Sequence\s+Winter Sequence launch\s+America/New_York\s+2030-01-07 14:00\s+\d+$'
        $lines | Where-Object { $_ -like 'Campaign *' } | Should -Match '\s-\s+\d+$'
        $lines | Where-Object { $_ -like 'WhatsAppCampaign *' } | Should -Match '^WhatsAppCampaign\s+Retention-South-WhatsApp-012\s+WhatsApp-012 launch\s+.+\s2030-01-10 16:00\s+\d+$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}
