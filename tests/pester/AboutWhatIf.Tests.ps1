# What about_GenesysCampaign says -WhatIf does, read from the topic and checked against the built
# module in a pwsh of its own (whose host prints the "What if:" lines) and the simulator's request log.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
    $topic = Get-Content (Join-Path $RepoRoot 'out/GenesysCampaign/en-US/about_GenesysCampaign.help.txt') -Raw
    $script:Flat = ($topic -replace '\s+', ' ')
}

AfterAll { Stop-TestOrg $sim }

Describe 'about_GenesysCampaign: -WhatIf' {
    It 'says what -WhatIf prints and what it never does' {
        $Flat | Should -Match ([regex]::Escape('-WhatIf prints one "What if:" line per campaign found: the write it would make, or why nothing would be sent ("... is already off. Nothing would be sent.", "Would be rejected: ..."), with the warnings the run would give; it sends no write and writes no record or audit line'))
        $Flat | Should -Match ([regex]::Escape('It ends with a summary line: "What if: Suspend-GenesysCampaign would write 21 of 96 campaigns and send nothing for 75."'))
    }

    It 'does what it says: one line per campaign, the write or why not, the warnings, and no write, record or audit line' {
        $audit = New-TempAuditPath
        $ids = @($OnId, $OffId, $SequenceOnId, $OnId) # the same campaign twice is one campaign
        Clear-GenesysSimulatorRequest $sim
        $script = @"
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$RepoRoot/out/GenesysCampaign/GenesysCampaign.psd1'
Connect-GenesysCloud -BaseUri '$($sim.BaseUri)' -ClientId sim-client -ClientSecret (ConvertTo-SecureString '$SimSecret' -AsPlainText -Force)
`$records = @(Suspend-GenesysCampaign -Id '$($ids -join "','")' -WhatIf -AuditLogPath '$audit')
"records=`$(`$records.Count)"
"@
        $out = @(& dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" })
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")

        $lines = @($out | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 4
        $lines[-1] | Should -Be 'What if: Suspend-GenesysCampaign would write 1 of 3 campaigns and send nothing for 2.'
        @($lines | Where-Object { $_ -like "*Suspend (set to off)*$OnId*" }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like "*is already off. Nothing would be sent.*$OffId*" }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like "*Would be rejected:*running sequence*$SequenceOnId*" }).Count | Should -Be 1
        $out | Should -Contain 'records=0'
        Get-Write $sim | Should -BeNullOrEmpty
        Test-Path $audit | Should -BeFalse
    }
}
