# README's "Sequences, rules and schedules" block runs as written against the simulator, and its
# changes are what the README says: every record in the audit log, each object back as it was.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $readme = Get-Content (Join-Path $RepoRoot 'README.md') -Raw
    if ($readme -notmatch '(?ms)^## Sequences, rules and schedules\r?\n.*?^```powershell\r?\n(?<code>.*?)^```') { throw 'README.md has no "Sequences, rules and schedules" code block.' }
    $script:Block = $Matches.code
}

AfterAll { Stop-TestOrg $sim }

Describe "README: sequences and rules turned off and back on" {
    It 'runs the block; every change is one audit record with the body it replaced, and each object ends as it began' {
        $before = @{}
        Get-GenesysCampaignSequence | ForEach-Object { $before[$_.Id] = $_.Status }
        Get-GenesysCampaignRule | ForEach-Object { $before[$_.Id] = $_.Enabled }
        $env:GENESYS_CAMPAIGN_AUDIT_LOG = $audit = New-TempAuditPath
        try {
            $output = & ([scriptblock]::Create($Block)) 3>&1
        } finally { Remove-Item Env:GENESYS_CAMPAIGN_AUDIT_LOG }

        $records = @(Get-GenesysCampaignAuditLog $audit)
        $changes = @($records | ForEach-Object { "$($_.ObjectKind) $($_.Action) $($_.ObjectName) $($_.Outcome)" })
        # Records come as each change ends (concurrently): compared without regard to order.
        ($changes | Sort-Object) | Should -Be (@(
            'Sequence Suspend Renewals Sequence Changed'
            'CampaignRule Disable Turn on Sales-East-001 when queue is idle Changed'
            'CampaignRule Disable Turn on Sales-South-SMS-016 when Survey-South-SMS-004 passes 80% Changed'
            'Sequence Resume Renewals Sequence Changed'
            'CampaignRule Enable Turn on Sales-East-001 when queue is idle Changed'
            'CampaignRule Enable Turn on Sales-South-SMS-016 when Survey-South-SMS-004 passes 80% Changed'
        ) | Sort-Object)
        $records | ForEach-Object { $_.ReplacedBody | ConvertFrom-Json | Select-Object -ExpandProperty id | Should -Be $_.ObjectId }
        @($records | Where-Object CampaignId).Count | Should -Be 0
        @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 1 -Because 'turning the running sequence off warns of its current campaign'

        Get-GenesysCampaignSequence | ForEach-Object { $_.Status | Should -Be $before[$_.Id] }
        Get-GenesysCampaignRule | ForEach-Object { $_.Enabled | Should -Be $before[$_.Id] }
        Remove-Item $audit
    }
}
