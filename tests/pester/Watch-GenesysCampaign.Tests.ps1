BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Watch-GenesysCampaign' {
    It 'streams each status change of the watched campaigns until -Timeout' {
        $id = CampaignId 33
        $job = Start-ThreadJob -ArgumentList $sim, $id -ScriptBlock {
            param($sim, $id)
            Import-Module (Join-Path $using:RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1')
            # Change the campaign once the watch has subscribed and read it again after subscribing
            # (its socket and its second read of the campaign show in the request log).
            $deadline = (Get-Date).AddSeconds(5)
            while ((Get-Date) -lt $deadline) {
                $log = @(Get-GenesysSimulatorRequest $sim)
                if (($log | Where-Object method -eq 'WS') -and @($log | Where-Object { $_.method -eq 'GET' -and $_.query -like "*$id*" }).Count -ge 2) { break }
                Start-Sleep -Milliseconds 50
            }
            Set-GenesysSimulatorStatus $sim -Id $id -Status on
            Set-GenesysSimulatorStatus $sim -Id $id -Status stopping
        }

        $events = @(Watch-GenesysCampaign -Id $id -Timeout 4)
        $job | Wait-Job | Remove-Job

        $events | Should -HaveCount 4
        $events[0].GetType().FullName | Should -Be 'GenesysCloud.Outbound.Campaigns.GenesysCampaignStatusEvent'
        # First where it stood as the watch began (issue 22, point 8), then each change.
        ($events | ForEach-Object { "$($_.PreviousStatus)>$($_.Status) $($_.Source)" }) -join ',' | Should -BeLike '>off Start,off>on *,on>stopping *,stopping>off *'
        $events.CampaignName | Sort-Object -Unique | Should -Be 'Collections-East-033'
        # On screen, in UTC and marked so.
        $stamp = $events[0].Timestamp.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture) + 'Z'
        ($events[0] | Out-String -Width 120) | Should -Match ([regex]::Escape($stamp))
    }

    It 'says where each campaign stands at the start, then ends quietly at -Timeout when nothing changes' {
        $events = @(Watch-GenesysCampaign -Id $OffId -Timeout 1 -ErrorVariable errs)
        $events | Should -HaveCount 1
        ($events[0].CampaignName, $events[0].PreviousStatus, $events[0].Status, $events[0].Source) | Should -Be $OffName, $null, 'off', 'Start'
        "$($events[0])" | Should -Be "${OffName}: off"
        # One line an event at 80 columns (the table a console shows).
        $lines = @(($events | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        -split $lines[0] | Should -Be 'Timestamp', 'CampaignName', 'Status', 'Source'
        $lines.Count | Should -Be 3
        $lines[2] | Should -Match "Z\s+$OffName\s+off\s+Start$"
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 }
        $errs | Should -HaveCount 0
    }

    It 'says what each campaign dials or sends (MediaType), as the records do' {
        # From a new user's trial: a watch over voice and messaging campaigns could not tell them apart.
        $events = @(Watch-GenesysCampaign -Id (CampaignId 33), '6d000000-0000-4000-8000-000000000003' -Timeout 1)
        ($events | Sort-Object CampaignName | ForEach-Object { "$($_.CampaignName) $($_.MediaType)" }) -join ', ' |
            Should -Be 'Collections-East-033 Voice, Collections-North-WhatsApp-003 WhatsApp'
    }

    It 'rejects a malformed id with InvalidCampaignId' {
        Watch-GenesysCampaign -Id 'no pe' -Timeout 1 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignId,*'
    }
}
