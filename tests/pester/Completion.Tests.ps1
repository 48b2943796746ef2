# Tab completion of names honours -Connection: the names come from the org it names, and a closed
# connection completes nothing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg

    function Get-Completion([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText) }

    # Renames the first sequence of the org behind $Uri through the API (a full-body PUT with its version).
    function Rename-FirstSequence([uri] $Uri, [string] $Name) {
        $basic = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("sim-client:$SimSecret"))
        $token = (Invoke-RestMethod -Method Post -Uri ([uri]::new($Uri, 'oauth/token')) -Body @{ grant_type = 'client_credentials' } -Headers @{ Authorization = "Basic $basic" }).access_token
        $headers = @{ Authorization = "Bearer $token" }
        $first = (Invoke-RestMethod -Uri ([uri]::new($Uri, 'api/v2/outbound/sequences')) -Headers $headers).entities[0]
        $sequence = Invoke-RestMethod -Uri ([uri]::new($Uri, "api/v2/outbound/sequences/$($first.id)")) -Headers $headers
        $sequence.name = $Name
        $null = Invoke-RestMethod -Method Put -Uri ([uri]::new($Uri, "api/v2/outbound/sequences/$($first.id)")) -Headers $headers -ContentType 'application/json' -Body ($sequence | ConvertTo-Json -Depth 20)
    }
}

AfterAll { Stop-TestOrg $sim }

Describe 'Tab completion of sequence names with -Connection' {
    BeforeAll {
        # A second org, connected first (-PassThru); the first org's connection is then the current one.
        $other = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll')
        Rename-FirstSequence $other.BaseUri 'Only In The Other Org'
        $otherConnection = Connect-GenesysCloud -BaseUri $other.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -PassThru
        $closed = Connect-GenesysCloud -BaseUri $other.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -PassThru
        Disconnect-GenesysCloud -Connection $closed
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId sim-client -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force)
    }
    AfterAll { if ($other) { Stop-GenesysSimulator $other } }

    # PowerShell hands the completer -Connection's value wrapped in a PSObject (once read as a bare
    # GenesysConnection, so -Connection was ignored and the current connection's names came).
    It 'completes the names of the org -Connection names, not of the current connection' {
        $names = Get-Completion 'Suspend-GenesysCampaignSequence -Connection $otherConnection -Name '
        $names | Should -Contain "'Only In The Other Org'"
    }

    It 'completes nothing for a -Connection that Disconnect-GenesysCloud closed' {
        $closed.IsDisposed | Should -BeTrue
        Get-Completion 'Suspend-GenesysCampaignSequence -Connection $closed -Name ' | Should -BeNullOrEmpty
    }
}
