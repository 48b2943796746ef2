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
        # Settled when seen on, not after the 5 s watch for a start the dialer cannot run.
        ($record.SettledAt - $record.WrittenAt).TotalSeconds | Should -BeLessThan 4
        $record.DurationMs | Should -BeGreaterOrEqual 5000
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

Describe 'Resume-GenesysCampaign given change records' {
    BeforeEach {
        Clear-GenesysSimulatorRequest $sim
        $paused = CampaignId 12
        Set-GenesysSimulatorStatus $sim -Id $paused -Status on
        Set-GenesysSimulatorStatus $sim -Id $OffId -Status off
        Set-GenesysSimulatorStatus $sim -Id $ForcedOffId -Status forced_off
        $script:suspended = @(Suspend-GenesysCampaign -Id $paused, $OffId, $ForcedOffId -Wait)
        Clear-GenesysSimulatorRequest $sim
    }

    It 'starts only what the Suspend paused; the rest are Unchanged, pointing at Undo' {
        ($suspended | Where-Object CampaignId -eq $paused).Outcome | Should -Be 'Changed'

        $records = @($suspended | Resume-GenesysCampaign)

        $records.Count | Should -Be 3
        ($records | Where-Object CampaignId -eq $paused).Outcome | Should -Be 'Changed'
        foreach ($id in $OffId, $ForcedOffId) {
            $left = $records | Where-Object CampaignId -eq $id
            $left.Outcome | Should -Be 'Unchanged'
            $left.Message | Should -Match 'a Suspend that was Unchanged; Resume-GenesysCampaign acts only on the campaigns Suspend or Stop records show written to'
            $left.Message | Should -Match "Get-GenesysCampaignAuditLog <audit log> -OperationId $($suspended[0].OperationId) \| Undo-GenesysCampaignChange\."
        }

        @(Get-Write $sim).path | Should -Be "/api/v2/outbound/campaigns/$paused/start"
        (Get-GenesysCampaign -Id $ForcedOffId).Status | Should -Be 'forced_off'
    }

    It 'names an undo that runs as it is written, the audit log put in' {
        # From a new user's trial: the message named 'Undo-GenesysCampaignChange -OperationId', a parameter Undo does not have.
        $audit = New-TempAuditPath
        Set-GenesysSimulatorStatus $sim -Id $paused -Status on
        $held = @(Suspend-GenesysCampaign -Id $paused, $OffId -Wait -AuditLogPath $audit)
        $left = @($held | Resume-GenesysCampaign -WhatIf:$false | Where-Object CampaignId -eq $OffId)[0]
        Set-GenesysSimulatorStatus $sim -Id $paused -Status off
        $command = [regex]::Match($left.Message, 'To put back what that operation changed: (?<c>.+)\.$').Groups['c'].Value

        $undone = @(Invoke-Expression ($command.Replace('<audit log>', "'$audit'") + ' -Wait'))

        ($undone | Where-Object CampaignId -eq $paused).Outcome | Should -Be 'Changed'
        (Get-GenesysCampaign -Id $paused).Status | Should -Be 'on'
    }

    It 'takes a record that arrives as a copy (<How>) as the record it is' -ForEach @(
        @{ How = 'Import-Clixml'; Copy = { param($records) $path = New-TempAuditPath; $records | Export-Clixml $path; Import-Clixml $path } }
        # As a job, remoting or a child runbook hands it back (Start-Job itself cannot run in the 7.4 test host).
        @{ How = 'deserialized'; Copy = { param($records) [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($records)) } }
        @{ How = 'ConvertFrom-Json'; Copy = { param($records) $records | ForEach-Object { $_ | ConvertTo-Json -Compress -Depth 3 -EnumsAsStrings } | ConvertFrom-Json } }
    ) {
        # A breaker (issue 22): records deserialized from a job or Import-Clixml bound by CampaignId to -Id,
        # and every campaign they named was started, those the pause found off too.
        $copies = @(& $Copy $suspended)
        $copies[0].GetType().FullName | Should -Not -Be 'GenesysCloud.Outbound.Audit.GenesysCampaignStateChange'

        $records = @($copies | Resume-GenesysCampaign)

        $records.Count | Should -Be 3
        ($records | Where-Object CampaignId -eq $paused).Outcome | Should -Be 'Changed'
        @($records | Where-Object Outcome -eq 'Unchanged').Count | Should -Be 2
        @(Get-Write $sim).path | Should -Be "/api/v2/outbound/campaigns/$paused/start"
    }

    It 'refuses a copy of a record it cannot read (<Case>) as NotAChangeRecord, and never starts its campaign as a bare id' -ForEach @(
        @{ Case = 'an outcome that is none'; Outcome = 'NotChanged'; Action = 'Suspend'; Why = "*its Outcome 'NotChanged' is none of*" }
        @{ Case = 'an action that is none'; Outcome = 'Unchanged'; Action = 'Pause'; Why = "*its Action 'Pause' is none of*" }
        @{ Case = 'no outcome'; Outcome = $null; Action = 'Suspend'; Why = '*it has no Outcome*' }
    ) {
        # A breaker's trial: a Suspend's Unchanged record, copied and read back wrong, was taken as its campaign's
        # id, and the campaign (off before the pause) was started.
        $copy = [pscustomobject]@{ CampaignId = $OffId; OperationId = [guid]::NewGuid().ToString(); Action = $Action; Outcome = $Outcome }

        $records = @($copy, $paused | Resume-GenesysCampaign -ErrorVariable errs -ErrorAction SilentlyContinue)

        @($records | Where-Object CampaignId -eq $OffId) | Should -BeNullOrEmpty
        ($records | Where-Object CampaignId -eq $paused).Outcome | Should -Be 'Changed'
        $errs.Count | Should -Be 1
        ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'NotAChangeRecord'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($errs[0])" | Should -BeLike "The change record given for '$OffId' cannot be read: $Why"
        @(Get-Write $sim).path | Should -Be "/api/v2/outbound/campaigns/$paused/start"
        (Get-GenesysCampaign -Id $OffId).Status | Should -Be 'off'
    }

    It 'counts the records it does not act on in its -WhatIf summary' {
        $run = Invoke-WithoutHost $sim '$null = $given | Resume-GenesysCampaign -WhatIf -InformationVariable said; $said' @{ given = $suspended }
        "$($run.Output[0].MessageData)" | Should -Be 'What if: Resume-GenesysCampaign would write 1 of 3 campaigns and send nothing for 2.'
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'makes one record for a campaign given both by a record it does not act on and by id' {
        # A breaker (issue 22): an Unchanged "nothing was sent" record and a Changed one, for one campaign.
        Set-GenesysSimulatorStatus $sim -Id $OffId -Status off
        $records = @(@(($suspended | Where-Object CampaignId -eq $OffId), $OffId) | Resume-GenesysCampaign)
        $records.Count | Should -Be 1
        $records[0].Outcome | Should -Be 'Changed'
        Set-GenesysSimulatorStatus $sim -Id $OffId -Status off
    }

    It 'acts on audit lines as on records' {
        $log = New-TempAuditPath
        $null = Set-GenesysSimulatorStatus $sim -Id $paused -Status on
        $null = Suspend-GenesysCampaign -Id $paused, $OffId -Wait -AuditLogPath $log
        Clear-GenesysSimulatorRequest $sim

        $records = @(Get-GenesysCampaignAuditLog -Path $log | Resume-GenesysCampaign)

        ($records | Sort-Object CampaignId).Outcome | Should -Be 'Unchanged', 'Changed'
        @(Get-Write $sim).Count | Should -Be 1
    }

    It 'leaves records of other kinds (a campaign rule disabled) Unchanged' {
        $rule = Get-GenesysCampaignRule | Where-Object Enabled | Select-Object -First 1
        $disabled = $rule | Disable-GenesysCampaignRule -Confirm:$false
        try {
            $disabled.Outcome | Should -Be 'Changed'
            Clear-GenesysSimulatorRequest $sim

            $record = $disabled | Resume-GenesysCampaign

            $record.Outcome | Should -Be 'Unchanged'
            $record.ObjectKind | Should -Be 'CampaignRule'
            $record.ObjectId | Should -Be $rule.Id
            $record.Message | Should -Match "campaign rule '$([regex]::Escape($rule.Name))', not a campaign; Resume-GenesysCampaign does not act on it"
            Get-Write $sim | Should -BeNullOrEmpty
        } finally { $null = Enable-GenesysCampaignRule -Id $rule.Id -Confirm:$false }
    }
}
