BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'At the prompt' {
    It 'completes -Name with campaign names of the connection, voice and messaging' {
        $result = TabExpansion2 -inputScript 'Get-GenesysCampaign -Name Sales-W' -cursorColumn 'Get-GenesysCampaign -Name Sales-W'.Length
        # Voice and messaging campaigns alike.
        $result.CompletionMatches.CompletionText | Should -Be @('Sales-West-006', 'Sales-West-026', 'Sales-West-046', 'Sales-West-Email-026', 'Sales-West-WhatsApp-006')
    }

    It 'completes -Name of <Command> with <Kind> names, not campaign names' -ForEach @(
        @{ Command = 'Suspend-GenesysCampaignSequence'; Kind = 'sequence'; Typed = 'Win'; Expected = @("'Winter Sequence'") }
        @{ Command = 'Get-GenesysCampaignSequence'; Kind = 'sequence'; Typed = 'Ren'; Expected = @("'Renewals Sequence'") }
        @{ Command = 'Disable-GenesysCampaignRule'; Kind = 'campaign rule'; Typed = "'Turn on Sales"; Expected = @("'Turn on Sales-East-001 when queue is idle'", "'Turn on Sales-South-SMS-016 when Survey-South-SMS-004 passes 80%'") }
        @{ Command = 'Get-GenesysCampaignRule'; Kind = 'campaign rule'; Typed = "'Turn on Ret"; Expected = @("'Turn on Retention-West-002 after business hours'") }
    ) {
        $line = "$Command -Name $Typed"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Expected
        # A campaign's name is no sequence's or rule's.
        $line = "$Command -Name Sales-W"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }

    It 'reads campaign names once a minute at most' {
        Clear-GenesysSimulatorRequest $sim
        1..3 | ForEach-Object { TabExpansion2 -inputScript 'Suspend-GenesysCampaign -Name Surv' -cursorColumn 'Suspend-GenesysCampaign -Name Surv'.Length | Out-Null }
        @(Get-Request $sim GET).Count | Should -BeLessOrEqual 1
    }

    It 'completes -Environment with regions and -State with statuses' {
        (TabExpansion2 -inputScript 'Connect-GenesysCloud -Environment eu-w' -cursorColumn 'Connect-GenesysCloud -Environment eu-w'.Length).CompletionMatches.CompletionText |
            Should -Be @('eu-west-1', 'eu-west-2')
        (TabExpansion2 -inputScript 'Wait-GenesysCampaignState -Id x -State forc' -cursorColumn 'Wait-GenesysCampaignState -Id x -State forc'.Length).CompletionMatches.CompletionText |
            Should -Be @('forced_off', 'forced_stopping')
    }

    It 'uses the connection given with -Connection, not the current one' {
        $second = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll')
        try {
            $current = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru
            $other = Connect-GenesysCloud -BaseUri $second.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru
            Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force)
            Set-GenesysSimulatorStatus $second -Id $OnId -Status off
            (Get-GenesysCampaign -Id $OnId -Connection $other).Status | Should -Be 'off'
            (Get-GenesysCampaign -Id $OnId).Status | Should -Be 'on'
        }
        finally { Stop-GenesysSimulator $second }
    }

    It 'reads an audit log back as records, warning about a damaged line by number' {
        $audit = New-TempAuditPath
        Suspend-GenesysCampaign -Id $OffId, $CompleteId -AuditLogPath $audit | Out-Null
        Add-Content $audit '{"campaignId": "torn'
        Suspend-GenesysCampaign -Id $ForcedOffId -AuditLogPath $audit | Out-Null

        $records = @(Get-GenesysCampaignAuditLog -Path $audit -WarningVariable warns -WarningAction SilentlyContinue)
        $records.Count | Should -Be 3
        $records[0].GetType().FullName | Should -Be 'GenesysCloud.Outbound.Audit.GenesysCampaignStateChange'
        $warns.Count | Should -Be 1
        $warns[0] | Should -Match 'Line 3'
        @(Get-GenesysCampaignAuditLog -Path $audit -CampaignId $CompleteId -WarningAction SilentlyContinue).CampaignId | Should -Be $CompleteId
        @(Get-GenesysCampaignAuditLog -Path $audit -Outcome Changed -WarningAction SilentlyContinue).Count | Should -Be 0
        @(Get-GenesysCampaignAuditLog -Path $audit -Since (Get-Date).AddMinutes(5) -WarningAction SilentlyContinue).Count | Should -Be 0
    }

    It 'in a non-interactive host, Stop without -Confirm:$false fails fast and sends nothing; with it, it runs' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 40) -Status on
        Clear-GenesysSimulatorRequest $sim
        $base = "Import-Module '$RepoRoot/out/GenesysCampaign/GenesysCampaign.psd1'; Connect-GenesysCloud -BaseUri '$($sim.BaseUri)' -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -InformationAction Ignore; "
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command ($base + "try { Stop-GenesysCampaign -Id '$(CampaignId 40)' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message; exit 3 }") 2>&1
        $LASTEXITCODE | Should -Be 3 -Because ($out | Out-String)
        $out[0] | Should -BeLike 'ConfirmationUnavailable,*'
        $out[1] | Should -BeLike "*Add -Confirm:`$false*Nothing was sent."
        Get-Write $sim | Should -BeNullOrEmpty

        $out = & dotnet pwsh -NoProfile -NonInteractive -Command ($base + "Stop-GenesysCampaign -Id '$(CampaignId 40)' -Confirm:`$false | ForEach-Object Outcome") 2>&1
        $LASTEXITCODE | Should -Be 0
        $out | Should -Contain 'Changed'
        @($out -like 'Stop-GenesysCampaign: 1 campaign in * s: 1 Changed. 1 written, 0 with nothing written. Campaigns as last seen: 1 *.').Count | Should -Be 1 -Because 'the summary is shown on the host'
    }

    It 'in a non-interactive host, -Debug traces every request and never prompts: every record of <Command> reaches the pipeline' -ForEach @(
        @{ Command = 'Suspend-GenesysCampaign'; From = 'on' }
        @{ Command = 'Resume-GenesysCampaign'; From = 'off' }
    ) {
        # Issue 22, point 1: -Debug made every verbose trace ask "Continue with this operation?" (PowerShell's
        # runtime), which a -NonInteractive host answers by ending the command, after its writes.
        $ids = 41, 42, 43 | ForEach-Object { CampaignId $_ }
        foreach ($id in $ids) { Set-GenesysSimulatorStatus $sim -Id $id -Status $From }
        $base = "Import-Module '$RepoRoot/out/GenesysCampaign/GenesysCampaign.psd1'; Connect-GenesysCloud -BaseUri '$($sim.BaseUri)' -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force); "
        $run = "$Command -Id '$($ids -join "','")' -Wait -Debug -Confirm:`$false | ForEach-Object { 'RECORD ' + `$_.Outcome }"
        $out = @(& dotnet pwsh -NoProfile -NonInteractive -Command ($base + $run) 2>&1 | ForEach-Object { "$_" })
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
        @($out | Where-Object { $_ -like 'RECORD *' }) | Should -Be @('RECORD Changed', 'RECORD Changed', 'RECORD Changed')
        ($out -join "`n") | Should -Not -Match 'NonInteractive mode'
        # The traces are still shown: each write's request, and what the waits do.
        @($out | Where-Object { $_ -match 'DEBUG: POST /api/v2/outbound/campaigns/' }).Count | Should -Be 3
        @($out | Where-Object { $_ -match 'VERBOSE: ' }).Count | Should -BeGreaterThan 0
    }

    It 'passes Test-ModuleManifest with explicit exports for both editions' {
        $manifest = Test-ModuleManifest (Join-Path $RepoRoot 'out/GenesysCampaign/GenesysCampaign.psd1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.ExportedCmdlets.Keys | Should -Contain 'Get-GenesysCampaignAuditLog'
        $manifest.ExportedFunctions.Count | Should -Be 0
        $manifest.Tags | Should -Contain 'Genesys'
    }
}

Describe 'Formatting' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $sim = Start-TestOrg
    }
    AfterAll { Stop-TestOrg $sim }

    It 'shows campaigns as a table of Name, Status, DialingMode, Division, Version' {
        $PSStyle.OutputRendering = 'PlainText'
        $text = Get-GenesysCampaign -Id $OnId | Out-String -Width 200
        $text | Should -Match 'Name\s+Status\s+MediaType\s+DialingMode\s+Division\s+Version'
        $text | Should -Match "$OnName\s+on\s"
    }

    It 'shows records as a table of Kind, ObjectName, Action, Status (the status now), Outcome and Message, and a list view with every field' {
        $PSStyle.OutputRendering = 'PlainText'
        $record = Suspend-GenesysCampaign -Id $OffId
        ($record | Out-String -Width 200) | Should -Match 'Kind\s+ObjectName\s+Action\s+Status\s+Outcome\s+Message'
        ($record | Out-String -Width 200) | Should -Match "Suspend\s+off\s+Unchanged"
        $changed = Suspend-GenesysCampaign -Id $OnId
        ($changed | Out-String -Width 200) | Should -Match 'Suspend\s+(stopping|off)\s+Changed'
        Resume-GenesysCampaign -Id $OnId -Wait | Out-Null
        ($record | Format-List | Out-String -Width 200) | Should -Match 'CorrelationId\s*:'
    }

    It 'colours status and outcome only where the host renders ANSI' {
        $PSStyle.OutputRendering = 'Ansi'
        (Get-GenesysCampaign -Id $OnId | Out-String -Width 200) | Should -Match ([regex]::Escape($PSStyle.Foreground.Green) + 'on')
        $PSStyle.OutputRendering = 'PlainText'
        (Get-GenesysCampaign -Id $OnId | Out-String -Width 200) | Should -Not -Match "`e\["
    }
}
