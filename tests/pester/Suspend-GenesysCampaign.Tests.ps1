BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Suspend-GenesysCampaign' {
    BeforeEach {
        Clear-GenesysSimulatorRequest $sim
        $audit = New-TempAuditPath
    }
    AfterEach { Remove-Item $audit -ErrorAction SilentlyContinue }

    It 'sends nothing and logs nothing with -WhatIf' {
        $before = @(Get-GenesysCampaign -Status on).Count
        $run = Invoke-WithoutHost $sim 'Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -WhatIf -AuditLogPath $audit' @{ audit = $audit }
        $run.Output | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        Get-Write $sim | Should -BeNullOrEmpty
        Test-Path $audit | Should -BeFalse
        @(Get-GenesysCampaign -Status on).Count | Should -Be $before
        @(Get-GenesysCampaign -Status on -MediaType Voice).Count | Should -Be 10
    }

    It 'ends -WhatIf with a line of what it would write, what it would leave and the input in error' {
        $run = Invoke-WithoutHost $sim '$null = Suspend-GenesysCampaign -Id $on, $off, "not a guid" -WhatIf -InformationVariable said -ErrorAction SilentlyContinue; $said' @{ on = $OnId; off = $OffId }
        $run.Output.Count | Should -Be 1
        $run.Output[0].Tags | Should -Contain 'PSHOST'
        "$($run.Output[0].MessageData)" | Should -Be 'What if: Suspend-GenesysCampaign would write 1 of 2 campaigns and send nothing for 1; 1 given in error (see the errors).'
    }

    It 'ends with a summary on the information stream, shown on the host; the output stays records only' {
        $out = @(Suspend-GenesysCampaign -Id $OffId, $CompleteId -InformationVariable said -InformationAction SilentlyContinue)
        $out.Count | Should -Be 2
        $out | ForEach-Object { $_.GetType().Name | Should -Be 'GenesysCampaignStateChange' }
        $said.Count | Should -Be 1
        $said[0].Tags | Should -Contain 'PSHOST'
        "$($said[0].MessageData)" | Should -Match '^Suspend-GenesysCampaign: 2 campaigns in \d+\.\d s: 2 Unchanged\. 0 written, 2 with nothing written\. Campaigns as last seen: (1 off, 1 complete|1 complete, 1 off)\.$'
    }

    It 'with -WhatIf still reports bad input as errors, but makes no record and no audit line' {
        $run = Invoke-WithoutHost $sim 'Suspend-GenesysCampaign -Id "not a guid", $missing, $on -WhatIf -AuditLogPath $audit' @{ audit = $audit; missing = $MissingId; on = $OnId }
        $run.Output | Should -BeNullOrEmpty
        $errs = $run.Errors
        ($errs.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Sort-Object) | Should -Be @('CampaignNotFound', 'InvalidCampaignId')
        Test-Path $audit | Should -BeFalse
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'pauses piped campaigns with -Wait: one Changed record each, audited, every field kept' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 10) -Status on
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 11) -Status on
        $campaigns = @(Get-GenesysCampaign -Id (CampaignId 10), (CampaignId 11))
        Clear-GenesysSimulatorRequest $sim

        $records = @($campaigns | Suspend-GenesysCampaign -Wait -Reason 'pester' -AuditLogPath $audit)

        $records.Count | Should -Be 2
        $records | ForEach-Object {
            $_.GetType().FullName | Should -Be 'GenesysCloud.Outbound.Audit.GenesysCampaignStateChange'
            $_.Outcome | Should -Be 'Changed'
            $_.FinalStatus | Should -Be 'off'
            $_.Reason | Should -Be 'pester'
            $_.Action | Should -Be 'Suspend'
        }
        # The stop endpoint: no body, so no field can be lost.
        $writes = Get-Write $sim
        $writes.Count | Should -Be 2
        $writes | ForEach-Object { $_.method | Should -Be 'POST'; $_.path | Should -BeLike '*/stop'; $_.body | Should -BeNullOrEmpty }
        $records.WrittenWith | Sort-Object -Unique | Should -Be 'POST stop'
        # Objects from Get-GenesysCampaign are not read again before the write, one by one or batched. (After
        # it they may be, once: a write that left before the subscription was in place is confirmed by a read.)
        $firstWrite = ($writes | Measure-Object -Property time -Minimum).Minimum
        @(Get-Request $sim GET) | Where-Object { ($_.path -like '*/campaigns/c0*' -or $_.query -like '*id=c0*') -and $_.time -lt $firstWrite } | Should -BeNullOrEmpty
        $lines = @(Get-Content $audit)
        $lines.Count | Should -Be 2
        ($lines | ForEach-Object { ($_ | ConvertFrom-Json).campaignId } | Sort-Object) | Should -Be ($records.CampaignId | Sort-Object)
        ($lines[0] | ConvertFrom-Json).outcome | Should -Be 'Changed'
    }

    It 'falls back to the full-body PUT for a client without start and stop: every field kept, said once' {
        $secret = ConvertTo-SecureString $SimSecret -AsPlainText -Force
        $edit = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-edit -ClientSecret $secret -PassThru
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret $secret   # the file's default again
        try {
            $ids = (CampaignId 21), (CampaignId 25)
            $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status on }
            $campaigns = @(Get-GenesysCampaign -Id $ids -Connection $edit)
            $before = @{}
            $campaigns | ForEach-Object { $before[$_.Id] = $_.ToJson() }
            Clear-GenesysSimulatorRequest $sim

            $out = @($campaigns | Suspend-GenesysCampaign -Connection $edit -ThrottleLimit 1 -Verbose 4>&1)

            $records = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $records.Outcome | Sort-Object -Unique | Should -Be 'Changed'
            $records.WrittenWith | Sort-Object -Unique | Should -Be 'PUT off'
            @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'The stop endpoint cannot be used*' }).Count | Should -Be 1
            $writes = Get-Write $sim
            ($writes | ForEach-Object { '{0} {1}' -f $_.method, $_.status }) | Should -Be @('POST 403', 'PUT 200', 'PUT 200')
            foreach ($put in $writes | Where-Object method -eq 'PUT') {
                $put.body | Should -BeExactly ($before[($put.path -split '/')[-1]] -replace '"campaignStatus":"on"', '"campaignStatus":"off"')
            }
        }
        finally { $edit | Disconnect-GenesysCloud }
    }

    It 'is Unchanged, with no write, for a campaign already off' {
        $record = Suspend-GenesysCampaign -Id $OffId
        $record.Outcome | Should -Be 'Unchanged'
        $record.PreviousStatus | Should -Be 'off'
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'rejects a campaign in a running sequence with CampaignStateChangeRejected, and still does the rest' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 13) -Status on
        $records = @(Suspend-GenesysCampaign -Id $SequenceOnId, (CampaignId 13) -AuditLogPath $audit -ErrorVariable errs -ErrorAction SilentlyContinue)

        $records.Count | Should -Be 2
        ($records | Where-Object CampaignId -eq $SequenceOnId).Outcome | Should -Be 'Rejected'
        ($records | Where-Object CampaignId -eq (CampaignId 13)).Outcome | Should -Be 'Changed'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignStateChangeRejected,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $errs[0].TargetObject.CampaignId | Should -Be $SequenceOnId
        $errs[0].Exception.Message | Should -Match 'Renewals Sequence'
        (Get-Content $audit).Count | Should -Be 2
    }

    It 'stops a script with -ErrorAction Stop on a rejection' {
        { Suspend-GenesysCampaign -Id $SequenceOnId -ErrorAction Stop } | Should -Throw -ErrorId 'CampaignStateChangeRejected,*'
    }

    It 'gives an unknown id a Failed record and a CampaignNotFound error' {
        $record = Suspend-GenesysCampaign -Id $MissingId -AuditLogPath $audit -ErrorVariable errs -ErrorAction SilentlyContinue
        $record.Outcome | Should -Be 'Failed'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-Content $audit | ConvertFrom-Json).outcome | Should -Be 'Failed'
    }

    It 'gives a malformed id an InvalidCampaignId error without any request' {
        $record = Suspend-GenesysCampaign -Id 'Sales East 001' -ErrorVariable errs -ErrorAction SilentlyContinue
        $record.Outcome | Should -Be 'Failed'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignId,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-Request $sim GET | Should -BeNullOrEmpty
    }

    It 'acts by -Name and reports a plain name that matches nothing' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 14) -Status on
        $records = @(Suspend-GenesysCampaign -Name 'Survey-West-014', 'Nope-Campaign' -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Count | Should -Be 1
        $records[0].CampaignName | Should -Be 'Survey-West-014'
        $records[0].Outcome | Should -Be 'Changed'
        $errs.FullyQualifiedErrorId | Should -BeLike 'CampaignNotFound,*'
    }

    It 'appends to the log named by GENESYS_CAMPAIGN_AUDIT_LOG' {
        $env:GENESYS_CAMPAIGN_AUDIT_LOG = $audit
        try { Suspend-GenesysCampaign -Id $OffId | Out-Null } finally { Remove-Item Env:GENESYS_CAMPAIGN_AUDIT_LOG }
        (Get-Content $audit | ConvertFrom-Json).campaignId | Should -Be $OffId
    }

    It 'acts once on a campaign given twice' {
        $records = @(Suspend-GenesysCampaign -Id $OffId, $OffId.ToUpper())
        $records.Count | Should -Be 1
    }
}
