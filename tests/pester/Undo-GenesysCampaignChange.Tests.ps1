# Undo-GenesysCampaignChange on the built module, in the shipped layout: Core and its System.Text.Json
# load into the module's own load context, so an error Core raises about JSON is not the host's
# JsonException type (issue 19). A record whose kept body is damaged is that object's Failed record.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Undo-GenesysCampaignChange' {
    It 'does not say -Force was given when it puts back a campaign of a running sequence' {
        # A new user's trial: the undo warned "... is in running sequence 'Renewals Sequence' (-Force)", unasked.
        $audit = New-TempAuditPath
        Set-GenesysSimulatorStatus $sim $SequenceOnId on
        $null = Suspend-GenesysCampaign -Id $SequenceOnId -Force -Wait -AuditLogPath $audit -WarningAction SilentlyContinue
        $undone = @(Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Wait -WarningVariable said -WarningAction SilentlyContinue)

        $undone[0].Outcome | Should -Be 'Changed'
        "$said" | Should -BeLike "*is in running sequence 'Renewals Sequence' and was changed all the same (-Force, or an undo putting back what it was)*"
    }

    It 'puts back from copies of the records: a hold''s output deserialized (as a job or an Azure Automation runbook keeps it)' {
        # A new user's trial: every record of Receive-Job's output failed to bind, and nothing was put back.
        # PSSerializer is what jobs and remoting use (Start-Job is not there in every test host).
        Set-GenesysSimulatorStatus $sim $ScheduledId on
        $records = @(Suspend-GenesysCampaign -Id $ScheduledId -Hold -Wait -Confirm:$false -WarningAction SilentlyContinue)
        try {
            (Get-GenesysCampaign -Id $ScheduledId).Status | Should -Be 'off'
            @(Get-GenesysCampaignSchedule | Where-Object Id -eq $ScheduledId) | Should -BeNullOrEmpty
            $copies = [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($records))
            $copies[0].PSObject.TypeNames[0] | Should -BeLike 'Deserialized.*GenesysCampaignStateChange'

            $undone = @(@($copies) + 'not a record' | Undo-GenesysCampaignChange -Wait -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

            ($undone | Where-Object ObjectKind -eq Campaign).Outcome | Should -Be 'Changed'
            ($undone | Where-Object ObjectKind -eq CampaignSchedule).Outcome | Should -Be 'Changed'
            (Get-GenesysCampaign -Id $ScheduledId).Status | Should -Be 'on'
            @(Get-GenesysCampaignSchedule | Where-Object Id -eq $ScheduledId).Count | Should -Be 1
            $errs.Count | Should -Be 1
            ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'NotAChangeRecord'
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        finally {
            # Whatever failed, the schedule and the campaign as the next test expects them.
            $null = $records | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        }
    }

    It 'fails only the schedule whose kept body is <Case>, and puts the rest back' -ForEach @(
        @{ Case = 'not JSON'; Damage = { param($body, $id) '{"campaign": ' }; Why = '*not JSON*' }
        @{ Case = 'another campaign''s schedule'; Why = '*is the campaign schedule of c0000000-0000-4000-8000-000000000099, not of*'
            Damage = { param($body, $id) $body -replace [regex]::Escape($id), 'c0000000-0000-4000-8000-000000000099' } }
        # What a Restore writes is the schedule of the campaign the body names, so that alone decides it.
        @{ Case = 'naming another campaign (its own id unchanged)'; Why = '*is the campaign schedule of c0000000-0000-4000-8000-000000000099, not of*'
            Damage = { param($body, $id) $b = $body | ConvertFrom-Json; $b.campaign.id = 'c0000000-0000-4000-8000-000000000099'; $b | ConvertTo-Json -Depth 20 -Compress } }
        @{ Case = 'of another id than the campaign it names'; Why = '*its id c0000000-0000-4000-8000-000000000099 is not the id of what it schedules*'
            Damage = { param($body, $id) $b = $body | ConvertFrom-Json; $b.id = 'c0000000-0000-4000-8000-000000000099'; $b | ConvertTo-Json -Depth 20 -Compress } }
    ) {
        $audit = New-TempAuditPath
        $edited = New-TempAuditPath
        try {
            Set-GenesysSimulatorStatus $sim $ScheduledId on
            $null = Suspend-GenesysCampaign -Id $ScheduledId -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue
            (Get-GenesysCampaign -Id $ScheduledId).Status | Should -Be 'off'
            # The hold removed the campaign's schedule, keeping its body: damage that body.
            $lines = Get-Content $audit | ForEach-Object {
                $line = $_ | ConvertFrom-Json -AsHashtable
                if ($line.replacedBody) { $line.replacedBody = & $Damage $line.replacedBody $ScheduledId }
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
            $schedule[0].ObjectName | Should -Be 'Collections-North-003 weekday schedule'
            $schedule[0].Message | Should -BeLike "*'Collections-North-003 weekday schedule' of $ScheduledId*cannot be put back*"
            $schedule[0].Message | Should -BeLike $Why
            $failed.Count | Should -Be 1
            $failed[0].TargetObject | Should -Be $schedule[0]
            $failed[0].FullyQualifiedErrorId | Should -Be 'CampaignScheduleRecordUnreadable,GenesysCloud.Outbound.PowerShell.Commands.UndoGenesysCampaignChangeCommand'
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            # Nothing was written for that schedule, nor for the campaign the body named.
            @(Get-GenesysCampaignSchedule | Where-Object Id -in $ScheduledId, 'c0000000-0000-4000-8000-000000000099') | Should -BeNullOrEmpty
        }
        finally {
            # The schedule back from the undamaged record, for the next case.
            $null = Get-GenesysCampaignAuditLog $audit -ObjectKind CampaignSchedule | Undo-GenesysCampaignChange -Confirm:$false
            Remove-Item $audit, $edited -ErrorAction SilentlyContinue
        }
    }
}
