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
    It 'is one line a record, the outcome whole and the end of a long name kept' {
        $long = 'Collections-Overflow-North-West-Region-0042'
        $records = @(
            Get-RecordFromLine @{ previousStatus = 'on'; finalStatus = 'off'; action = 'Suspend'; outcome = 'Changed' }
            Get-RecordFromLine @{ previousStatus = 'on'; finalStatus = 'forced_stopping'; outcome = 'Changed'; campaignName = $long }
            Get-RecordFromLine @{ previousStatus = 'stopping'; finalStatus = 'stopping'; action = 'Suspend'; outcome = 'Unchanged'; message = ('m' * 200) }
        )
        $lines = @(($records | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Kind\s+ObjectName\s+Action\s+Status\s+Outcome\s*$'
        $lines.Count | Should -Be 5 -Because 'a header, its rule and one line for each record: the message is left to a wider console'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 }
        $lines[2] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Suspend\s+off\s+Changed$"
        # The end of the name, which tells -0042 from -0043, is kept.
        $lines[3] | Should -Match "^Campaign\s+$([char]0x2026)$([regex]::Escape($long.Substring($long.Length - 35)))\s+Stop\s+forced_stopping\s+Changed$"
        $lines[4] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Suspend\s+stopping\s+Unchanged$"
    }

    It 'names a kind in short: <Kind> as <Shown>, which is the record''s Kind' -ForEach @(
        @{ Kind = 'Sequence'; Shown = 'Sequence' }
        @{ Kind = 'CampaignRule'; Shown = 'Rule' }
        @{ Kind = 'CampaignSchedule'; Shown = 'Schedule' }
        @{ Kind = 'MessagingCampaignSchedule'; Shown = 'Schedule' }
        @{ Kind = 'WhatsAppCampaignSchedule'; Shown = 'Schedule' }
    ) {
        $record = Get-RecordFromLine @{ objectKind = $Kind; objectId = 'x1'; objectName = 'Night run'; campaignId = $null; campaignName = $null; previousStatus = 'scheduled'; finalStatus = 'removed'; action = 'Remove' }
        $record.ObjectKind | Should -Be $Kind
        $record.Kind | Should -Be $Shown
        @(($record | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Contains('Night run') })[0] | Should -Match "^$Shown\s+Night run\s+Remove\s+removed\s+Changed$"
    }
}

Describe 'The GenesysCampaignStateChange table headings' {
    It 'are properties of the record: Where-Object on what the table shows finds it' {
        $records = @(
            Get-RecordFromLine @{ finalStatus = 'off'; outcome = 'Changed' }
            Get-RecordFromLine @{ finalStatus = 'forced_off'; outcome = 'Unchanged' }
        )
        $header = @(($records | Out-String -Width 160) -split "`r?`n" | Where-Object { $_.Trim() })[0]
        $headings = -split $header
        $headings | Should -Be 'Kind', 'ObjectName', 'Action', 'Status', 'Outcome', 'Message'
        foreach ($heading in $headings) { $records[0].PSObject.Properties[$heading] | Should -Not -BeNullOrEmpty -Because "'$heading' heads a column" }
        @($records | Where-Object Status -eq off).Count | Should -Be 1
        @($records | Where-Object ObjectName -eq $OnName).Count | Should -Be 2
        @($records | Where-Object Kind -eq Campaign).Count | Should -Be 2
    }
}

Describe 'The GenesysCampaignStateChange table at 120 and 160 columns' {
    It 'at <Width> columns wraps the message at word boundaries: its GUID and its command whole' -ForEach @(
        @{ Width = 120 }
        @{ Width = 160 }
    ) {
        $operation = '0b7f6d2e-3c1a-4e59-8f0d-6a2b9c4e1d37'
        $message = "Campaign '$OnName': the record given is a Suspend that was Unchanged; Resume-GenesysCampaign acts only on the campaigns Suspend or Stop records show written to, so nothing was sent. To put back what that operation changed: Get-GenesysCampaignAuditLog <audit log> -OperationId $operation | Undo-GenesysCampaignChange."
        $record = Get-RecordFromLine @{ previousStatus = 'off'; finalStatus = 'off'; outcome = 'Unchanged'; message = $message }
        $lines = @(($record | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual ($Width - 1) }
        $lines[2] | Should -Match "^Campaign\s+$([regex]::Escape($OnName))\s+Stop\s+off\s+Unchanged\s+Campaign"
        $pieces = @($lines | Select-Object -Skip 2 | ForEach-Object { $_.Substring([Math]::Min(80, $_.Length)).Trim() })
        # Every piece is whole words of the message, and together they are the message.
        ($pieces -join ' ') | Should -BeExactly $message
        $pieces | Where-Object { $_.Contains($operation) } | Should -Not -BeNullOrEmpty -Because 'the GUID is whole on one line'
        $pieces | Where-Object { $_ -match '(^|\s)Undo-GenesysCampaignChange(\.|\s|$)' } | Should -Not -BeNullOrEmpty -Because 'the command is whole'
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
        $lines[0] | Should -Match '^Kind\s+ObjectName\s+Action\s+Status\s+Outcome\s+Message$'
        $lines.Count | Should -BeGreaterOrEqual 3
        # The name column (36 wide, after the kind's 8 and a space) shows "(id ...)", the status column is blank.
        $lines[2].Substring(9, 36).Trim() | Should -Be "(id $Id)"
        $lines[2] | Should -Match "^Campaign\s+\(id $([regex]::Escape($Id))\)\s+Suspend\s+Failed\s+"
        # At 80 columns, where the message is not shown, the row still names the id.
        @(($record | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })[2] | Should -Match "^Campaign\s+\(id $([regex]::Escape($Id))\)\s+Suspend\s+Failed$"
    }
}

Describe 'Records flattened' {
    It 'Export-Csv and ConvertTo-Json past its depth write the warnings, not the type of their list' {
        $record = Get-RecordFromLine @{ warnings = @('Rule A can turn it on.', 'Schedule B starts it at 08:00.') }
        $record.Warnings.Count | Should -Be 2
        $row = $record | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.Warnings | Should -BeExactly 'Rule A can turn it on.; Schedule B starts it at 08:00.'
        $row.Status | Should -Be 'off'
        $json = @($record, $record) | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json
        # Past its depth ConvertTo-Json writes a list as its items joined with $OFS (a space by default), not its type.
        $json[0].Warnings | Should -BeExactly 'Rule A can turn it on. Schedule B starts it at 08:00.'
    }
}

Describe 'Times on screen' {
    It 'are UTC and say so, in the list view of a record' {
        $record = Get-RecordFromLine @{}
        $record.Timestamp.Kind | Should -Not -Be 'Unspecified'
        ($record | Format-List | Out-String -Width 120) | Should -Match '(?m)^Timestamp\s+:\s+2025-06-01 07:12:03Z\s*$'
    }
}
