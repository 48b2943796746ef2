# Undo-GenesysCampaignChange on the built module, in the shipped layout: Core and its System.Text.Json
# load into the module's own load context, so an error Core raises about JSON is not the host's
# JsonException type (issue 19). A record whose kept body is damaged is that object's Failed record.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Undo-GenesysCampaignChange' {
    It 'fails only the schedule whose kept body is damaged, and puts the rest back' {
        $audit = New-TempAuditPath
        $edited = New-TempAuditPath
        try {
            Set-GenesysSimulatorStatus $sim $ScheduledId on
            $null = Suspend-GenesysCampaign -Id $ScheduledId -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue
            (Get-GenesysCampaign -Id $ScheduledId).Status | Should -Be 'off'
            # The hold removed the campaign's schedule, keeping its body: damage that body.
            $lines = Get-Content $audit | ForEach-Object {
                $line = $_ | ConvertFrom-Json -AsHashtable
                if ($line.replacedBody) { $line.replacedBody = '{"campaign": ' }
                $line | ConvertTo-Json -Compress -Depth 10
            }
            Set-Content $edited $lines

            $undone = @(Get-GenesysCampaignAuditLog $edited | Undo-GenesysCampaignChange -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)

            ($undone | Where-Object ObjectKind -eq Campaign).Outcome | Should -Be 'Changed'
            (Get-GenesysCampaign -Id $ScheduledId).Status | Should -Be 'on'
            $schedule = @($undone | Where-Object ObjectKind -eq CampaignSchedule)
            $schedule.Count | Should -Be 1
            $schedule[0].Outcome | Should -Be 'Failed'
            $schedule[0].ErrorCode | Should -Be 'change.record.unreadable'
            $schedule[0].Message | Should -BeLike "*$ScheduledId*cannot be put back*"
            $failed.Count | Should -Be 1
            $failed[0].TargetObject | Should -Be $schedule[0]
            $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidCampaignScheduleId,GenesysCloud.Outbound.PowerShell.Commands.UndoGenesysCampaignChangeCommand'
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        finally { Remove-Item $audit, $edited -ErrorAction SilentlyContinue }
    }
}
