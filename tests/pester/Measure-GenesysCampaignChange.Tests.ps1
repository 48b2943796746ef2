# Measure-GenesysCampaignChange on the records of a real run, and on audit lines written before and since 0.3.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Measure-GenesysCampaignChange' {
    It 'measures the records of a pause: outcomes, success rate, settle times and time to silence' {
        $ids = 44, 45, 46 | ForEach-Object { CampaignId $_ }
        $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status on }
        $records = @(Suspend-GenesysCampaign -Id ($ids + $OffId) -Wait -InformationAction Ignore)
        ($records | Where-Object Outcome -eq Changed) | ForEach-Object {
            $_.WrittenAt | Should -Not -BeNullOrEmpty
            $_.SettledAt | Should -BeGreaterOrEqual $_.WrittenAt
        }
        ($records | Where-Object Outcome -eq Unchanged).WrittenAt | Should -BeNullOrEmpty

        $measure = $records | Measure-GenesysCampaignChange

        ($measure.Count, $measure.Changed, $measure.Unchanged, $measure.Settled) | Should -Be 4, 3, 1, 3
        $measure.SuccessRate | Should -Be 1
        $measure.SettleMax | Should -BeGreaterThan ([timespan]::FromMilliseconds(250)) -Because 'the dialer takes 300 ms to settle'
        $measure.TimeToSilence | Should -BeGreaterOrEqual $measure.SettleMax
        $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status off }
    }

    It 'reads audit lines old and new with -Path: the old count in the outcomes only, with a warning saying how many' {
        $log = New-TempAuditPath
        $null = Set-GenesysSimulatorStatus $sim -Id (CampaignId 47) -Status on
        $null = Suspend-GenesysCampaign -Id (CampaignId 47) -Wait -AuditLogPath $log -InformationAction Ignore
        # A line as 0.2.0 wrote it: no writtenAt, no settledAt.
        $old = Get-Content $log -Raw | ConvertFrom-Json
        $old.PSObject.Properties.Remove('writtenAt'); $old.PSObject.Properties.Remove('settledAt'); $old.operationId = 'older'
        Add-Content $log ($old | ConvertTo-Json -Compress)

        $measures = @(Measure-GenesysCampaignChange -Path $log -GroupBy OperationId -WarningVariable warns -WarningAction SilentlyContinue)

        $measures.Count | Should -Be 2
        ($measures | ForEach-Object { "$($_.Group)=$($_.Count)/$($_.Settled)/$($_.WithoutTimes)" })[1] | Should -Be 'older=1/0/1'
        $measures[0].Settled | Should -Be 1
        $measures[0].GroupBy | Should -Be 'OperationId'
        "$warns" | Should -BeLike '1 of the 2 record(s) were written to Genesys but carry no WrittenAt (audit lines written by 0.2.0 and earlier, or copies whose times could not be read)*'
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 47) -Status off
    }

    It 'says AuditLogNotFound for a log that is not there, and measures the others' {
        $log = New-TempAuditPath
        $null = Suspend-GenesysCampaign -Id $OffId -AuditLogPath $log -InformationAction Ignore
        $measure = Measure-GenesysCampaignChange -Path (New-TempAuditPath), $log -ErrorVariable errs -ErrorAction SilentlyContinue
        ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'AuditLogNotFound'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $measure.Count | Should -Be 1
    }

    It 'reads every log a wildcard in -Path matches, and says AuditLogNotFound for a wildcard that matches none' {
        foreach ($day in 'mon', 'tue') {
            $null = Suspend-GenesysCampaign -Id $OffId -AuditLogPath (Join-Path $TestDrive "audit-$day.jsonl") -InformationAction Ignore
        }
        Set-Content (Join-Path $TestDrive 'notes.txt') 'not a log'

        (Measure-GenesysCampaignChange -Path (Join-Path $TestDrive 'audit-*.jsonl')).Count | Should -Be 2
        @(Get-GenesysCampaignAuditLog -Path (Join-Path $TestDrive 'audit-*.jsonl')).Count | Should -Be 2

        $none = Join-Path $TestDrive 'none-*.jsonl'
        $null = Measure-GenesysCampaignChange -Path $none -ErrorVariable errs -ErrorAction SilentlyContinue
        ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'AuditLogNotFound'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($errs[0])" | Should -Be "No audit log matches '$none'."

        # A name with brackets, as Get-ChildItem gives it, is the file itself, not a wildcard.
        $bracketed = Join-Path $TestDrive 'audit[1].jsonl'
        Copy-Item -LiteralPath (Join-Path $TestDrive 'audit-mon.jsonl') -Destination $bracketed
        (Measure-GenesysCampaignChange -Path $bracketed).Count | Should -Be 1
        (Get-ChildItem -LiteralPath $bracketed | Get-GenesysCampaignAuditLog).Count | Should -Be 1
    }

    It 'measures copies of records as the records: a child runbook''s output (Clixml), ConvertTo-Json and back, Import-Csv' {
        # A breaker's trial of session 12: copies bound to nothing, and the measure was a zero one.
        $ids = 48, 49 | ForEach-Object { CampaignId $_ }
        $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status on }
        $records = @(Suspend-GenesysCampaign -Id ($ids + $OffId) -Wait -InformationAction Ignore)
        $direct = $records | Measure-GenesysCampaignChange
        $xml = Join-Path (Split-Path (New-TempAuditPath)) 'records.xml'
        $records | Export-Clixml $xml
        $csv = Join-Path (Split-Path $xml) 'records.csv'
        $records | Export-Csv $csv

        $copies = @(
            Import-Clixml $xml | Measure-GenesysCampaignChange -ErrorAction Stop
            $records | ConvertTo-Json | ConvertFrom-Json | Measure-GenesysCampaignChange -ErrorAction Stop
            # Keys, not properties (a breaker's trial: each was NotAChangeRecord).
            $records | ConvertTo-Json | ConvertFrom-Json -AsHashtable | Measure-GenesysCampaignChange -ErrorAction Stop
        )
        $fromCsv = Import-Csv $csv | Measure-GenesysCampaignChange -ErrorAction Stop

        $direct.Settled | Should -Be 2
        foreach ($copy in $copies + $fromCsv) {
            ($copy.Count, $copy.Changed, $copy.Unchanged, $copy.Settled) | Should -Be 3, 2, 1, 2
        }
        foreach ($copy in $copies) {
            $copy.TimeToSilence | Should -Be $direct.TimeToSilence
            $copy.SettleMax | Should -Be $direct.SettleMax
        }
        # Export-Csv writes a time to the second (the culture's general format): the figures are as close.
        [math]::Abs(($fromCsv.TimeToSilence - $direct.TimeToSilence).TotalSeconds) | Should -BeLessOrEqual 1
        $ids | ForEach-Object { Set-GenesysSimulatorStatus $sim -Id $_ -Status off }
    }

    It 'says NotAChangeRecord for what is not a record, and measures the others' {
        $records = @(Suspend-GenesysCampaign -Id $OffId -InformationAction Ignore)

        $measure = @('Sales-East-001', [pscustomobject]@{ Id = $OffId }, $records[0]) | Measure-GenesysCampaignChange -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 2
        ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'NotAChangeRecord'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($errs[0])" | Should -BeLike "InputObject 'Sales-East-001' is not a change record*"
        $measure.Count | Should -Be 1
    }

    It 'shows a list of every figure, times in seconds, whole at 80 columns' {
        $text = @(Suspend-GenesysCampaign -Id $OffId -InformationAction Ignore) | Measure-GenesysCampaignChange -GroupBy Action | Out-String -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        ($lines | ForEach-Object { ($_ -split '\s*:\s*', 2)[0].Trim() }) | Should -Be 'GroupBy', 'Group', 'Count', 'Changed', 'Unchanged', 'Rejected', 'Failed', 'TimedOut', 'SuccessRate', 'Settled', 'SettleMedian', 'SettleP95', 'SettleMax', 'TimeToSilence', 'WithoutTimes'
        $lines | Should -Contain 'Group         : Suspend'
        $lines | Should -Contain 'SuccessRate   : 100.0 %'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
    }
}
