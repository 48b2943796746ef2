# What about_GenesysCampaign says the cmdlets do with ids (its CAMPAIGN IDS section), read from the
# topic and checked against the built module and the simulator's request log: the topic cannot
# promise "no request" for an id that in fact gets one.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg

    $topic = Get-Content (Join-Path $RepoRoot 'out/GenesysCampaign/en-US/about_GenesysCampaign.help.txt') -Raw
    if ($topic -notmatch '(?ms)^  CAMPAIGN IDS\r?\n(?<body>.*?)^  [A-Z][A-Z ]+\r?$') { throw 'about_GenesysCampaign has no CAMPAIGN IDS section.' }
    $script:Section = $Matches.body
    $script:Flat = ($Section -replace '\s+', ' ')

    # The quoted examples indented under "<Lead>, for example:".
    function Get-Example([string] $Lead) {
        if ($Section -notmatch "(?ms)$Lead, for example:\r?\n\r?\n(?<block>(^ {8}'[^\r\n]*'\r?\n)+)") { throw "No '$Lead, for example:' block in CAMPAIGN IDS." }
        $Matches.block -split '\r?\n' | Where-Object { $_ } | ForEach-Object { $_.Trim() -replace "^'(.*)'$", '$1' }
    }

    # API requests but the lists a plan reads beside the lookup of what could be a campaign (sequences, rules,
    # schedules: read ahead for the first write, not for the lookup).
    function Get-ApiRequest {
        @(Get-GenesysSimulatorRequest $sim | Where-Object { $_.path -like '/api/v2/*' -and $_.path -notmatch '^/api/v2/outbound/(sequences|campaignrules|schedules/)' })
    }
    # Requests to the voice campaigns (an id the voice list lacks is then looked for among the other kinds).
    function Get-VoiceRequest { @(Get-ApiRequest | Where-Object { $_.path -notlike '*/campaigns/all*' -and $_.path -notlike '*/messagingcampaigns*' }) }
}

AfterAll { Stop-TestOrg $sim }

Describe 'about_GenesysCampaign: CAMPAIGN IDS' {
    BeforeAll {
        $script:Refused = @(Get-Example 'Refused')
        $script:LookedUp = @(Get-Example 'Looked up')
        if ($Flat -notmatch 'longer than (?<max>\d+) characters') { throw 'The topic does not say how long an id may be.' }
        $script:MaxLength = [int]$Matches.max
    }

    It 'says which ids are refused without a request, and which are looked up' {
        $Flat | Should -Match 'refused, with the error InvalidCampaignId and no request'
        $Flat | Should -Match 'ASCII letters and digits, -, _ and \.'
        $Refused.Count | Should -BeGreaterOrEqual 5
        $LookedUp.Count | Should -BeGreaterOrEqual 2
    }

    Context 'an id the topic says is refused: <_>' -ForEach @(
        # Resolved at discovery from the same topic, so every example is its own test.
        & {
            $text = Get-Content (Join-Path $PSScriptRoot '../../module/en-US/about_GenesysCampaign.help.txt') -Raw
            if ($text -match "(?ms)^  CAMPAIGN IDS\r?\n.*?Refused, for example:\r?\n\r?\n(?<block>(^ {8}'[^\r\n]*'\r?\n)+)") {
                $Matches.block -split '\r?\n' | Where-Object { $_ } | ForEach-Object { $_.Trim() -replace "^'(.*)'$", '$1' }
            }
        }
    ) {
        BeforeEach { Clear-GenesysSimulatorRequest $sim }

        It 'is a Failed record (InvalidCampaignId) from Suspend-GenesysCampaign, and no request' {
            $record = Suspend-GenesysCampaign -Id $_ -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
            $record.Outcome | Should -Be 'Failed'
            $record.ErrorCode | Should -Be 'invalid.campaign.id'
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidCampaignId,GenesysCloud.Outbound.PowerShell.Commands.SuspendGenesysCampaignCommand'
            $errs[0].Exception.Message | Should -BeExactly "'$_' is not a campaign id: an id has only letters, digits, '-', '_' and '.', such as 8f0c4e54-5d3f-4f76-9a43-0cb9d0a6f1f2. Use -Name to give campaigns by name."
            Get-ApiRequest | Should -BeNullOrEmpty
        }

        It 'is the error InvalidCampaignId from Get-GenesysCampaign and Wait-GenesysCampaignState, and no request' {
            $out = Get-GenesysCampaign -Id $_ -ErrorVariable getErrors -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            ($getErrors.FullyQualifiedErrorId -split ',')[0] | Should -Be 'InvalidCampaignId'
            Wait-GenesysCampaignState -Id $_ -State off -Timeout 1 -ErrorVariable waitErrors -ErrorAction SilentlyContinue
            ($waitErrors.FullyQualifiedErrorId -split ',')[0] | Should -Be 'InvalidCampaignId'
            Get-ApiRequest | Should -BeNullOrEmpty
        }
    }

    It 'refuses an id one character over the length it names, and looks up one at that length' {
        Clear-GenesysSimulatorRequest $sim
        Get-GenesysCampaign -Id ('a' * ($MaxLength + 1)) -ErrorVariable over -ErrorAction SilentlyContinue
        ($over.FullyQualifiedErrorId -split ',')[0] | Should -Be 'InvalidCampaignId'
        Get-ApiRequest | Should -BeNullOrEmpty

        Get-GenesysCampaign -Id ('a' * $MaxLength) -ErrorVariable at -ErrorAction SilentlyContinue
        ($at.FullyQualifiedErrorId -split ',')[0] | Should -Be 'CampaignNotFound'
        @(Get-VoiceRequest).Count | Should -Be 1
    }

    It 'refuses a letter outside ASCII, as "ASCII letters" says' {
        Clear-GenesysSimulatorRequest $sim
        Get-GenesysCampaign -Id "Kampagne-S$([char]0xFC)d" -ErrorVariable errs -ErrorAction SilentlyContinue
        ($errs.FullyQualifiedErrorId -split ',')[0] | Should -Be 'InvalidCampaignId'
        Get-ApiRequest | Should -BeNullOrEmpty
    }

    It 'trims spaces at either end, as it says, and looks the id up' {
        Clear-GenesysSimulatorRequest $sim
        (Get-GenesysCampaign -Id "  $OnId  ").Id | Should -Be $OnId
        @(Get-ApiRequest).Count | Should -Be 1
    }

    It "leaves an empty -Id to PowerShell's own parameter check, as it says" {
        { Get-GenesysCampaign -Id '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GenesysCloud.Outbound.PowerShell.Commands.GetGenesysCampaignCommand'
    }

    It 'looks up each id it says is looked up, in one request, and gets not.found for those that are no campaign' {
        Clear-GenesysSimulatorRequest $sim
        $records = @(Suspend-GenesysCampaign -Id $LookedUp -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Count | Should -Be $LookedUp.Count
        $records.Outcome | Sort-Object -Unique | Should -Be 'Failed'
        $records.ErrorCode | Sort-Object -Unique | Should -Be 'campaign.not.found'
        ($errs.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Sort-Object -Unique) | Should -Be 'CampaignNotFound'
        $requests = @(Get-VoiceRequest)
        $requests.Count | Should -Be 1
        # Those the voice list lacks: one look at the messaging list, by the same ids, which has none of them.
        $messaging = @(Get-ApiRequest | Where-Object path -like '*/messagingcampaigns')
        $messaging.Count | Should -Be 1
        foreach ($id in $LookedUp) { [uri]::UnescapeDataString($messaging[0].query) | Should -Match ([regex]::Escape("id=$id")) }
        @(Get-ApiRequest).Count | Should -Be 2
        $requests[0].method | Should -Be 'GET'
        foreach ($id in $LookedUp) { [uri]::UnescapeDataString($requests[0].query) | Should -Match ([regex]::Escape($id)) }
    }

    It "says a campaign's name given as an id is looked up and not found, and that is what happens" {
        $Flat | Should -Match "'Sales-West-006' given as an id is looked up as an id and not found"
        $LookedUp | Should -Contain $OnName
        Clear-GenesysSimulatorRequest $sim
        $record = $OnName | Suspend-GenesysCampaign -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $record.ErrorCode | Should -Be 'campaign.not.found'
        $errs[0].Exception.Message | Should -BeExactly "No campaign with id '$OnName' was found. Genesys campaign ids are GUIDs; to give '$OnName' as a name, use -Name '$OnName'."
        @(Get-VoiceRequest).Count | Should -Be 1
    }
}
