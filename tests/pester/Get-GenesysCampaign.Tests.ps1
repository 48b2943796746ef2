BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'Get-GenesysCampaign' {
    BeforeEach { Clear-GenesysSimulatorRequest $sim }

    It 'lists every campaign of the org, all pages, voice and messaging' {
        $all = @(Get-GenesysCampaign)
        $all.Count | Should -Be 90
        ($all.Id | Sort-Object -Unique).Count | Should -Be 90
        ($all | Group-Object MediaType -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('Email=10', 'Sms=10', 'Voice=60', 'WhatsApp=10')
    }

    It 'returns typed campaigns with Id, Name, Status, Version, DialingMode and Division' {
        $campaign = Get-GenesysCampaign -Id $OnId
        $campaign.GetType().FullName | Should -Be 'GenesysCloud.Outbound.Campaigns.GenesysCampaign'
        $campaign.Name | Should -Be $OnName
        $campaign.Status | Should -Be 'on'
        $campaign.Version | Should -BeGreaterThan 0
        $campaign.DialingMode | Should -Not -BeNullOrEmpty
        $campaign.Division | Should -Not -BeNullOrEmpty
    }

    It 'filters names with wildcards, asking the server for the first letter in both cases (its case rule is unknown)' {
        $sales = @(Get-GenesysCampaign -Name 'sales-w*' -MediaType Voice)
        $sales.Count | Should -Be 3
        $sales.Name | ForEach-Object { $_ | Should -BeLike 'Sales-W*' }
        (Get-Request $sim GET).query | ForEach-Object { ($_ -split '&' | Where-Object { $_ -like 'name=*' }) } | Should -Be @('name=S', 'name=s')
    }

    It 'reports a plain name that matches nothing as CampaignNotFound (ObjectNotFound)' {
        $result = Get-GenesysCampaign -Name 'No Such Campaign' -ErrorVariable errs -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception.Message | Should -Match 'No Such Campaign'
    }

    It 'is silent for a wildcard that matches nothing' {
        $result = Get-GenesysCampaign -Name 'Nothing-*' -ErrorVariable errs
        $result | Should -BeNullOrEmpty
        $errs.Count | Should -Be 0
    }

    It 'filters by status' {
        $on = @(Get-GenesysCampaign -Status on)
        @($on | Where-Object MediaType -eq 'Voice').Count | Should -Be 10
        @($on | Where-Object MediaType -ne 'Voice').Count | Should -BeGreaterThan 0
        $on.Status | Sort-Object -Unique | Should -Be 'on'
    }

    It 'reads ids from the pipeline by property name in one batched request' {
        $ids = 1..12 | ForEach-Object { [pscustomobject]@{ CampaignId = CampaignId $_ } }
        $found = @($ids | Get-GenesysCampaign)
        $found.Count | Should -Be 12
        $gets = Get-Request $sim GET
        $gets.Count | Should -Be 1
        ([regex]::Matches($gets[0].query, 'id=')).Count | Should -Be 12
    }

    It 'reports an unknown id as CampaignNotFound and still returns the others' {
        $found = Get-GenesysCampaign -Id $MissingId, $OnId -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Id | Should -Be $OnId
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CampaignNotFound,*'
        $errs[0].TargetObject | Should -Be $MissingId
    }

    It 'rejects a malformed id with InvalidCampaignId before any request' {
        Get-GenesysCampaign -Id 'not an id' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCampaignId,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-Request $sim GET | Should -BeNullOrEmpty
    }
}
