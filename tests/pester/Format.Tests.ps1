# The default table view of GenesysCampaignStateChange records, at the width of a common console.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # A slow dialer: a campaign set to forced_stopping stays there for the test.
    $sim = Start-TestOrg -DialerDelayMs 60000

    # Records read back from an audit log: any status pair can be shown without making it happen.
    function Get-RecordFromLine([hashtable] $Fields) {
        $line = [ordered]@{
            timestamp = '2025-06-01T07:12:03Z'; operationId = 'op'; campaignId = $OnId; campaignName = $OnName
            action = 'Stop'; reason = 'format'; previousStatus = 'on'; requestedStatus = 'forced_off'; finalStatus = 'off'
            outcome = 'Changed'; message = 'A message.'; warnings = @(); writtenWith = $null; attempts = 1; durationMs = 5
            correlationId = $null; errorCode = $null
        }
        foreach ($key in $Fields.Keys) { $line[$key] = $Fields[$key] }
        $path = New-TempAuditPath
        $line | ConvertTo-Json -Compress | Set-Content $path
        try { Get-GenesysCampaignAuditLog $path } finally { Remove-Item $path }
    }

    # The row of the table (header, rule, rows) that mentions $Text.
    function Get-Row([string] $Table, [string] $Text) { @($Table -split "`r?`n" | Where-Object { $_.Contains($Text) }) }
}

AfterAll { Stop-TestOrg $sim }

Describe 'The GenesysCampaignStateChange table at 80 columns' {
    It 'ends at the outcome, one line a record, and fits' {
        $records = @(
            Get-RecordFromLine @{ previousStatus = 'on'; finalStatus = 'off'; action = 'Suspend'; outcome = 'Changed' }
            Get-RecordFromLine @{ previousStatus = 'on'; finalStatus = 'forced_stopping'; outcome = 'Changed' }
            Get-RecordFromLine @{ previousStatus = 'stopping'; finalStatus = 'stopping'; action = 'Suspend'; outcome = 'Unchanged'; message = ('m' * 200) }
        )
        $lines = @(($records | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Kind\s+Name\s+Action\s+Status\s+Outcome\s*$'
        $lines.Count | Should -Be 5 -Because 'a header, its rule and one line for each record: the message is left to a wider console'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $lines[2] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Suspend\s+on -> off\s+Changed$"
        $lines[3] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Stop\s+on -> forced_stopping\s+Changed$"
        # Nothing changed: the status once.
        $lines[4] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Suspend\s+stopping\s+Unchanged$"
    }

    It 'names a kind in short: <Kind> as <Shown>' -ForEach @(
        @{ Kind = 'Sequence'; Shown = 'Sequence' }
        @{ Kind = 'CampaignRule'; Shown = 'Rule' }
        @{ Kind = 'CampaignSchedule'; Shown = 'Schedule' }
        @{ Kind = 'MessagingCampaignSchedule'; Shown = 'Schedule' }
        @{ Kind = 'WhatsAppCampaignSchedule'; Shown = 'Schedule' }
    ) {
        $record = Get-RecordFromLine @{ objectKind = $Kind; objectId = 'x1'; objectName = 'Night run'; campaignId = $null; campaignName = $null; previousStatus = 'scheduled'; finalStatus = 'removed'; action = 'Remove' }
        $record.ObjectKind | Should -Be $Kind
        @(($record | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Contains('Night run') })[0] | Should -Match "^$Shown\s+Night run\s+Remove\s+scheduled -> removed\s+Changed$"
    }
}

Describe 'The GenesysCampaignStateChange table at 120 columns' {
    It 'shows <Pair> whole, then the outcome and the message' -ForEach @(
        @{ Previous = 'on'; Final = 'forced_stopping'; Pair = 'on -> forced_stopping' }
        @{ Previous = 'stopping'; Final = 'forced_off'; Pair = 'stopping -> forced_off' }
        @{ Previous = 'forced_stopping'; Final = 'forced_stopping'; Pair = 'forced_stopping' }
    ) {
        $record = Get-RecordFromLine @{ previousStatus = $Previous; finalStatus = $Final; outcome = 'Unchanged'; message = ('m' * 200) }
        $table = $record | Out-String -Width 120
        $row = @(Get-Row $table $OnName)
        $row.Count | Should -Be 1
        $row[0] | Should -Match ("^Campaign\s+$([regex]::Escape($OnName))\s+Stop\s+$([regex]::Escape($Pair))\s+Unchanged\s+m+$")
        $row[0].Length | Should -BeLessOrEqual 120
        # The message wraps, never cut off: every one of its 200 characters is in the table.
        (($table -split "`r?`n" | ForEach-Object { ($_ -replace '^.{81}', '').Trim() }) -join '') | Should -Match ('m' * 200)
    }

    It 'shows a real forced_stopping campaign given to Suspend-GenesysCampaign' {
        Set-GenesysSimulatorStatus $sim -Id $OffId -Status forced_stopping
        $record = Suspend-GenesysCampaign -Id $OffId -Confirm:$false
        $record.Outcome | Should -Be 'Unchanged'
        $table = $record | Out-String -Width 120
        @(Get-Row $table $OffName)[0] | Should -Match "^Campaign\s+$OffName\s+Suspend\s+forced_stopping\s+Unchanged\s+\S"
    }

    It 'shows the id given, marked as an id and not as a name, for an id that is no campaign (<Id>)' -ForEach @(
        @{ Id = '[UK] Renewals'; ErrorId = 'InvalidCampaignId' }
        @{ Id = 'Sales-West-006'; ErrorId = 'CampaignNotFound' }
    ) {
        $record = Suspend-GenesysCampaign -Id $Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs
        $record.Outcome | Should -Be 'Failed'
        $record.CampaignName | Should -BeNullOrEmpty
        ($errs[0].FullyQualifiedErrorId -split ',')[0] | Should -Be $ErrorId

        $lines = @(($record | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Kind\s+Name\s+Action\s+Status\s+Outcome\s+Message$'
        # The message wraps (a reason is never cut off) over more lines.
        $lines.Count | Should -BeGreaterOrEqual 3
        # The name column (28 wide, after the kind's 8 and a space) shows "(id ...)", the status column is blank.
        $lines[2].Substring(9, 28).Trim() | Should -Be "(id $Id)"
        $lines[2] | Should -Match "^Campaign\s+\(id $([regex]::Escape($Id))\)\s+Suspend\s+Failed\s+"
        $lines[2] | Should -Not -Match '->'
        # At 80 columns, where the message is not shown, the row still names the id.
        @(($record | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })[2] | Should -Match "^Campaign\s+\(id $([regex]::Escape($Id))\)\s+Suspend\s+Failed$"

    }
}

Describe 'Times on screen' {
    It 'are UTC and say so, in the list view of a record' {
        $record = Get-RecordFromLine @{}
        $record.Timestamp.Kind | Should -Not -Be 'Unspecified'
        ($record | Format-List | Out-String -Width 120) | Should -Match '(?m)^Timestamp\s+:\s+2025-06-01 07:12:03Z\s*$'
    }
}
