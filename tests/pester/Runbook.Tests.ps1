BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll')
    $runbook = Join-Path $RepoRoot 'examples/runbooks/Suspend-GenesysCampaigns.Runbook.ps1'

    # The runbook as Azure Automation runs it: a fresh, non-interactive pwsh with the module on PSModulePath.
    function Invoke-Runbook([string] $Arguments, [string] $Prelude = '', [switch] $NoBaseUri) {
        $audit = New-TempAuditPath
        $base = if ($NoBaseUri) { '' } else { "-BaseUri '$($sim.BaseUri)'" }
        $command = "$Prelude; & '$runbook' $base -AuditLogPath '$audit' $Arguments"
        $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $command) { $info.ArgumentList.Add($a) }
        $info.Environment['PSModulePath'] = (Join-Path $RepoRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
        $info.Environment['NO_COLOR'] = '1'
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.RedirectStandardInput = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.WaitForExit(120000) | Out-Null
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result; Audit = $audit }
    }
}

AfterAll { Stop-GenesysSimulator $sim }

Describe 'The Azure Automation runbook sample' {
    It 'pauses with credentials from an Automation credential asset and ends with a summary' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 37) -Status on
        $asset = "function Get-AutomationPSCredential([string] `$Name) { if (`$Name -ne 'GenesysCloud') { throw 'wrong asset' }; [pscredential]::new('sim-client', (ConvertTo-SecureString 'sim-secret' -AsPlainText -Force)) }"
        $run = Invoke-Runbook "-Name 'Retention-East-037'" $asset

        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Match 'Changed\s*:\s*1'
        $run.Output | Should -Match 'Failed\s*:\s*0'
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 37)).campaignStatus | Should -Be 'off'
        (Get-Content $run.Audit | ConvertFrom-Json).outcome | Should -Be 'Changed'
    }

    It 'falls back to the GENESYSCLOUD_* environment variables' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 38) -Status on
        $run = Invoke-Runbook "-Name 'Collections-West-038'" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"

        $run.ExitCode | Should -Be 0 -Because $run.Errors
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 38)).campaignStatus | Should -Be 'off'
    }

    It 'takes the region from the Automation variable GENESYSCLOUD_REGION, before the environment variable' {
        # A region no org has: Connect-GenesysCloud refuses it by name before any request, so the job
        # fails saying which region it was given, and from where is told by which name it says.
        $variable = "function Get-AutomationVariable([string] `$Name) { if (`$Name -ne 'GENESYSCLOUD_REGION') { throw 'wrong variable' }; 'from-automation-9' }"
        $run = Invoke-Runbook "-Name 'Sales-*'" "$variable; `$env:GENESYSCLOUD_REGION = 'from-environment-9'; `$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'" -NoBaseUri

        $run.ExitCode | Should -Not -Be 0
        $run.Errors | Should -Match "'from-automation-9' is not a Genesys Cloud region"
        $run.Errors | Should -Not -Match 'from-environment-9'
    }

    It 'fails naming the credential asset when Automation has none of that name' {
        $asset = "Remove-Item env:GENESYSCLOUD_OAUTHCLIENT_ID -ErrorAction SilentlyContinue; function Get-AutomationPSCredential([string] `$Name) { `$null }"
        $run = Invoke-Runbook "-Name 'Sales-*' -CredentialName 'GenesysProd'" $asset

        $run.ExitCode | Should -Not -Be 0
        $run.Errors | Should -Match "No Automation credential asset named 'GenesysProd'"
    }

    It 'exits non-zero, after pausing the others, when a campaign is not paused' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 39) -Status on
        $run = Invoke-Runbook "-Name 'Survey-North-039', 'Renewals-West-030'" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"

        $run.ExitCode | Should -Not -Be 0
        $run.Errors | Should -Match 'Renewals-West-030 \(Rejected\)'
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 39)).campaignStatus | Should -Be 'off'
        @(Get-Content $run.Audit).Count | Should -Be 2
    }

    # Issue 22, point 3: a mistyped pattern exited 0 with "Campaigns : 0", as if nothing had been dialing.
    It 'fails, pausing nothing, when no name matches any campaign' {
        Clear-GenesysSimulatorRequest $sim
        $run = Invoke-Runbook "-Name 'Salse-*'" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"

        $run.ExitCode | Should -Not -Be 0
        $run.Errors | Should -Match "No campaign matched -Name 'Salse-\*': nothing was paused"
        Get-Write $sim | Should -BeNullOrEmpty
    }

    It 'succeeds saying none was dialing when the names match only campaigns that are not' {
        $run = Invoke-Runbook "-Name 'Collections-South-008', 'Retention-North-007'" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"

        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Match 'Matched\s*:\s*2'
        $run.Output | Should -Match 'Campaigns\s*:\s*0'
        $run.Output | Should -Match '2 campaign\(s\) matched; none was dialing'
    }

    It 'pauses what matched and then fails naming the name that matched nothing' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 42) -Status on
        $run = Invoke-Runbook "-Name 'Retention-West-042', 'Retention-Wst-042'" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"

        $run.ExitCode | Should -Not -Be 0
        $run.Errors | Should -Match "No campaign matched -Name 'Retention-Wst-042'"
        $run.Errors | Should -Not -Match 'were not paused'
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 42)).campaignStatus | Should -Be 'off'
    }

    It 'counts stops accepted but not settled in time apart from campaigns not paused' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 43) -Status on
        Set-GenesysSimulatorOption $sim @{ dialerDelayMs = 30000 }
        try {
            $run = Invoke-Runbook "-Name 'Collections-North-043' -TimeoutSeconds 1" "`$env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'; `$env:GENESYSCLOUD_OAUTHCLIENT_SECRET = 'sim-secret'"
        }
        finally { Set-GenesysSimulatorOption $sim @{ dialerDelayMs = 300 } }

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'NotSettled\s*:\s*1'
        # The error view wraps the message: its parts are matched one by one.
        $run.Errors | Should -Match '1 stop\(s\) were accepted by Genesys but had not settled within 1 s:'
        $run.Errors | Should -Match 'Collections-North-043 \(still stopping\)\.'
        $run.Errors | Should -Not -Match 'were not paused'
    }
}
