BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Stop-GenesysCampaign' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'has ConfirmImpact High and supports -WhatIf' {
        $command = Get-Command Stop-GenesysCampaign
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'force-stops an on campaign and waits for forced_off' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 20) -Status on
        $record = Stop-GenesysCampaign -Id (CampaignId 20) -Wait -Confirm:$false -Reason 'compliance'
        $record.Outcome | Should -Be 'Changed'
        $record.RequestedStatus | Should -Be 'forced_off'
        $record.FinalStatus | Should -Be 'forced_off'
        $record.WrittenWith | Should -Be 'POST stop; PUT forced_off'
        $writes = Get-Write $sim
        $writes[0].path | Should -BeLike '*/stop'
        $writes[1].body | Should -Match '"campaignStatus":"forced_off"'
    }

    It 'sends nothing with -WhatIf' {
        $run = Invoke-WithoutHost $sim 'Stop-GenesysCampaign -Id $on -WhatIf' @{ on = $OnId }
        $run.Output | Should -BeNullOrEmpty
        Get-Write $sim | Should -BeNullOrEmpty
        (Get-GenesysCampaign -Id $OnId).Status | Should -Be 'on'
    }

    It 'is Unchanged for campaigns that are not dialing' {
        $records = @(Stop-GenesysCampaign -Id $OffId, $CompleteId, $ForcedOffId -Confirm:$false)
        $records.Outcome | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'force-stops the campaigns piped Resume records turned on, and no other' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 22) -Status off
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 21) -Status on
        $resumed = @(Resume-GenesysCampaign -Id (CampaignId 22), (CampaignId 21) -Wait)
        ($resumed | Sort-Object CampaignId).Outcome | Should -Be 'Unchanged', 'Changed'
        Clear-GenesysSimulatorRequest $sim

        $records = @($resumed | Stop-GenesysCampaign -Confirm:$false)

        $stopped = $records | Where-Object CampaignId -eq (CampaignId 22)
        $stopped.Outcome | Should -Be 'Changed'
        $left = $records | Where-Object CampaignId -eq (CampaignId 21)
        $left.Outcome | Should -Be 'Unchanged'
        $left.Message | Should -Match "a Resume that was Unchanged.*Get-GenesysCampaignAuditLog <audit log> -OperationId $($resumed[0].OperationId) \| Undo-GenesysCampaignChange\."
        @(Get-Write $sim).path | Where-Object { $_ -like "*$(CampaignId 21)*" } | Should -BeNullOrEmpty
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 21) -Status off
    }

    It 'force-stops every campaign a pause names, the one it could not pause (a running sequence) too' {
        # A new user's incident (issue 22): Stop left the campaign the pause was refused for dialing, and
        # called it Unchanged.
        Set-GenesysSimulatorStatus $sim -Id $SequenceOnId -Status on
        $paused = @(Suspend-GenesysCampaign -Id $SequenceOnId -ErrorAction SilentlyContinue)
        $paused.Outcome | Should -Be 'Rejected'
        Clear-GenesysSimulatorRequest $sim

        $record = $paused | Stop-GenesysCampaign -Force -Confirm:$false

        $record.Outcome | Should -Be 'Changed'
        (Get-Write $sim).path | Should -Contain "/api/v2/outbound/campaigns/$SequenceOnId/stop"
    }
}
