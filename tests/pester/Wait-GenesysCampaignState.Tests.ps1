BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg -DialerDelayMs 1500
}

AfterAll { Stop-TestOrg $sim }

Describe 'Wait-GenesysCampaignState' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'returns at once for a campaign already in the state' {
        $campaign = Wait-GenesysCampaignState -Id $OffId -State off -PassThru
        $campaign.Id | Should -Be $OffId
        @(Get-Request $sim GET).Count | Should -Be 1
    }

    It 'waits for piped records until their campaigns settle, polling in batches' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 25) -Status on
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 26) -Status on
        $records = Suspend-GenesysCampaign -Id (CampaignId 25), (CampaignId 26)
        $records.FinalStatus | Should -Be @('stopping', 'stopping')
        Clear-GenesysSimulatorRequest $sim

        $campaigns = @($records | Wait-GenesysCampaignState -State off, complete -Timeout 20 -PassThru)

        $campaigns.Count | Should -Be 2
        $campaigns.Status | Sort-Object -Unique | Should -Be 'off'
        # One list request reads both campaigns: the first read has both ids.
        $gets = Get-Request $sim GET
        ([regex]::Matches($gets[0].query, 'id=')).Count | Should -Be 2
        Get-Request $sim GET '*/campaigns/c0*' | Should -BeNullOrEmpty
    }

    It 'writes a CampaignWaitTimedOut error of category OperationTimeout when time runs out' {
        $result = Wait-GenesysCampaignState -Id $OffId -State on -Timeout 1 -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignWaitTimedOut,*'
        $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $errs[0].Exception.Message | Should -Match $OffName
    }

    It 'reports an unknown id as CampaignNotFound' {
        Wait-GenesysCampaignState -Id $MissingId -State off -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignNotFound,*'
    }

    # Issue 22 (a new user's trial): a mistyped pattern made a runbook's wait pass at once, silently.
    It 'warns of a -Name pattern that matches no campaign, as the change cmdlets do, and so does Watch' {
        Wait-GenesysCampaignState -Name 'Nope-*' -State off -Timeout 5 -WarningVariable warns -WarningAction SilentlyContinue
        @($warns | ForEach-Object { "$_" }) | Should -Be @("No campaign matched -Name 'Nope-*'; nothing was done for it.")

        Watch-GenesysCampaign -Name 'Nope-*' -WarningVariable watched -WarningAction SilentlyContinue | Out-Null
        @($watched | ForEach-Object { "$_" }) | Should -Be @("No campaign matched -Name 'Nope-*'; nothing was done for it.", 'No campaign to watch.')
    }

    # Once wrong (a breaker, 2026-12-06): -State 'of', ' off ' or 'off,complete' each waited out the timeout.
    It 'refuses a -State that is no campaign status before reading anything, and takes spaces and commas as meant' {
        Clear-GenesysSimulatorRequest $sim
        $err = { Wait-GenesysCampaignState -Id $OffId -State 'of' -Timeout 5 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignState,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$err" | Should -Match "'of' is not a campaign status"
        @(Get-Request $sim GET).Count | Should -Be 0

        (Wait-GenesysCampaignState -Id $OffId -State ' off ,complete' -Timeout 5 -PassThru).Status | Should -Be 'off'
    }

    # Once wrong (a breaker, 2026-12-06): the voice topic never tells forced_off, and a wait on a campaign read
    # as stopping ended only at the read after 15 s without events.
    It 'waits for forced_off on a voice campaign by reading it, not for an event that never comes' {
        $id = CampaignId 33
        Set-GenesysSimulatorOption $sim @{ dialerDelayMs = 60000 }
        $other = [powershell]::Create()
        try {
            Set-GenesysSimulatorStatus $sim -Id $id -Status stopping
            # Force-stopped by someone else a second into the wait (a status set by hand: no event on the voice topic).
            $uri = [uri]::new($sim.BaseUri, "__sim/campaigns/$id/status")
            $null = $other.AddScript("Start-Sleep -Milliseconds 1000; Invoke-RestMethod -Method Put -Uri '$uri' -ContentType 'application/json' -Body '{""status"":""forced_off""}'").BeginInvoke()
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $campaign = Wait-GenesysCampaignState -Id $id -State forced_off -Timeout 30 -PassThru
            $clock.Stop()
        }
        finally {
            $other.Dispose()
            Set-GenesysSimulatorOption $sim @{ dialerDelayMs = 300 }
        }

        $campaign.Status | Should -Be 'forced_off'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 8
    }

    It 'takes campaigns by -Name, as the other campaign cmdlets do' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 27) -Status on
        $record = Suspend-GenesysCampaign -Id (CampaignId 27)
        $record.FinalStatus | Should -Be 'stopping'

        $campaign = Wait-GenesysCampaignState -Name $record.CampaignName -State off -Timeout 20 -PassThru

        $campaign.Id | Should -Be (CampaignId 27)
        $campaign.Status | Should -Be 'off'
    }

    It 'takes piped campaigns without reading them again when they are already there' {
        $campaign = Get-GenesysCampaign -Id $OffId
        Clear-GenesysSimulatorRequest $sim

        $waited = $campaign | Wait-GenesysCampaignState -State off -PassThru

        $waited.Id | Should -Be $OffId
        Get-Request $sim GET | Should -BeNullOrEmpty
    }

    It 'waits on a campaign as read now, not on a stale copy piped with its id' {
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 24) -Status on
        $stale = Get-GenesysCampaign -Id (CampaignId 24)
        Set-GenesysSimulatorStatus $sim -Id (CampaignId 24) -Status off

        $waited = @($stale, $stale.Id) | Wait-GenesysCampaignState -State on -Timeout 1 -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue

        $waited | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignWaitTimedOut,*'
    }

    It 'gives an empty id the InvalidCampaignId error and waits for the rest' {
        $waited = @('', $OffId) | Wait-GenesysCampaignState -State off -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue

        $waited.Id | Should -Be $OffId
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignId,*'
    }

    It 'accepts -TimeoutSec as an alias' {
        (Get-Command Wait-GenesysCampaignState).Parameters['Timeout'].Aliases | Should -Contain 'TimeoutSec'
    }
}
