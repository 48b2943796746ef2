BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-GenesysSimulator -Path (Join-Path $RepoRoot 'out/simulator/GenesysCampaign.Simulator.dll')
}

AfterAll {
    Disconnect-GenesysCloud
    Stop-GenesysSimulator $sim
}

Describe 'Connect-GenesysCloud' {
    AfterEach { Disconnect-GenesysCloud }

    It 'connects with a client id and secret and returns the connection with -PassThru' {
        $connection = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -PassThru
        $connection.ClientId | Should -Be 'sim-client'
        "$connection" | Should -Not -Match $SimSecret
        (Get-GenesysCampaign -Id $OnId).Name | Should -Be $OnName
    }

    It 'returns a -PassThru connection without taking over from the one in use, unless -AsDefault' {
        # Issue 22, point 4: a second org connected with -PassThru became the one every cmdlet used.
        $secret = ConvertTo-SecureString $SimSecret -AsPlainText -Force
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret $secret -InformationAction Ignore
        $inUse = Get-GenesysCloudConnection
        $second = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-edit' -ClientSecret $secret -PassThru -InformationVariable said -InformationAction SilentlyContinue
        try {
            (Get-GenesysCloudConnection).ClientId | Should -Be 'sim-client'
            [object]::ReferenceEquals((Get-GenesysCloudConnection).psobject.BaseObject, $inUse.psobject.BaseObject) | Should -BeTrue
            "$said" | Should -Match 'client sim-edit\); returned only: cmdlets without -Connection still use .*client sim-client'
            (Get-GenesysCampaign -Id $OnId -Connection $second).Name | Should -Be $OnName

            $third = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-edit' -ClientSecret $secret -PassThru -AsDefault -InformationAction Ignore
            [object]::ReferenceEquals((Get-GenesysCloudConnection).psobject.BaseObject, $third.psobject.BaseObject) | Should -BeTrue
            $inUse.IsDisposed | Should -BeTrue -Because 'the connection it replaced was not handed out, so it is closed'
            $second.IsDisposed | Should -BeFalse
        }
        finally { Disconnect-GenesysCloud -Connection $second }
    }

    It 'leaves the connection in use as it is when a -PassThru connect fails' {
        # A breaker (issue 22): a typo in the second org's secret closed the first org's connection.
        $secret = ConvertTo-SecureString $SimSecret -AsPlainText -Force
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret $secret -InformationAction Ignore
        $err = { Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString 'wrong-secret-12' -AsPlainText -Force) -PassThru } | Should -Throw -PassThru
        ($err.FullyQualifiedErrorId -split ',')[0] | Should -Be 'GenesysAuthenticationFailed'
        (Get-GenesysCloudConnection).IsDisposed | Should -BeFalse
        (Get-GenesysCampaign -Id $OnId).Name | Should -Be $OnName
    }

    It 'connects with a PSCredential whose user name is the client id' {
        $credential = [pscredential]::new('sim-client', (ConvertTo-SecureString $SimSecret -AsPlainText -Force))
        Connect-GenesysCloud -BaseUri $sim.BaseUri -Credential $credential
        (Get-GenesysCampaign -Id $OffId).Status | Should -Be 'off'
    }

    It 'falls back to the GENESYSCLOUD_OAUTHCLIENT_* environment variables' {
        $env:GENESYSCLOUD_OAUTHCLIENT_ID = 'sim-client'
        $env:GENESYSCLOUD_OAUTHCLIENT_SECRET = $SimSecret
        try {
            Connect-GenesysCloud -BaseUri $sim.BaseUri
            (Get-GenesysCampaign -Id $OnId).Id | Should -Be $OnId
        }
        finally {
            Remove-Item Env:GENESYSCLOUD_OAUTHCLIENT_ID, Env:GENESYSCLOUD_OAUTHCLIENT_SECRET
        }
    }

    It 'fails wrong credentials with AuthenticationError, naming the client id and not the secret' {
        $err = { Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString 'wrong-secret-77' -AsPlainText -Force) } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'GenesysAuthenticationFailed,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'sim-client'
        $err.Exception.Message | Should -Not -Match 'wrong-secret-77'
    }

    It 'refuses plain http to a host that is not loopback, before any request' {
        $err = { Connect-GenesysCloud -BaseUri 'http://genesys.example.com/' -ClientId 'x' -ClientSecret (ConvertTo-SecureString 'y' -AsPlainText -Force) } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidGenesysBaseUri,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'https'
    }

    It 'names the valid choices for an unknown region' {
        $err = { Connect-GenesysCloud -Environment 'mars-north-1' -ClientId 'x' -ClientSecret (ConvertTo-SecureString 'y' -AsPlainText -Force) } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidGenesysEnvironment,*'
        $err.Exception.Message | Should -Match 'eu-west-1'
    }

    It 'says what is wrong with <Name> in words, with no .NET "(Parameter ...)" suffix' -ForEach @(
        @{ Name = 'a relative -BaseUri'; Arguments = @{ BaseUri = 'relative/path' }; Id = 'InvalidGenesysBaseUri'; Message = 'BaseUri must be an absolute URI such as https://proxy.example.com/ or http://127.0.0.1:5000/.' }
        @{ Name = 'an ftp -BaseUri'; Arguments = @{ BaseUri = 'ftp://127.0.0.1/' }; Id = 'InvalidGenesysBaseUri'; Message = "BaseUri 'ftp://127.0.0.1/' must use https (or http to loopback)." }
        @{ Name = 'a plain http -BaseUri off loopback'; Arguments = @{ BaseUri = 'http://genesys.example.com/' }; Id = 'InvalidGenesysBaseUri'; Message = "BaseUri 'http://genesys.example.com/' uses plain http to a host that is not loopback. Use https, or http only to 127.0.0.1, ::1 or localhost." }
        @{ Name = 'an unknown -Environment'; Arguments = @{ Environment = 'mars-north-1' }; Id = 'InvalidGenesysEnvironment'; Message = "'mars-north-1' is not a Genesys Cloud region. Use a region host such as 'mypurecloud.ie' or a name such as 'eu-west-1' (*)." }
        @{ Name = 'a -Credential without a user name'; Arguments = @{ Credential = [pscredential]::new(' ', (ConvertTo-SecureString 'y' -AsPlainText -Force)) }; Id = 'GenesysCredentialsMissing'; Message = 'The credential has no user name. Its user name is the OAuth client id, its password the client secret.' }
    ) {
        $arguments = $Arguments.Clone()
        if (-not $arguments.ContainsKey('Credential')) { $arguments.ClientId = 'x'; $arguments.ClientSecret = ConvertTo-SecureString 'y' -AsPlainText -Force }
        if (-not $arguments.ContainsKey('BaseUri') -and -not $arguments.ContainsKey('Environment')) { $arguments.BaseUri = $sim.BaseUri }
        $err = { Connect-GenesysCloud @arguments } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be "$Id,GenesysCloud.Outbound.PowerShell.Commands.ConnectGenesysCloudCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLikeExactly $Message
        ($err | Out-String) | Should -Not -Match 'Parameter '
    }

    It 'shows a -PassThru connection usefully by default: where, client id, since when, token valid until; never the secret or the token' {
        $before = [datetime]::UtcNow.AddSeconds(-1)
        $connection = Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -PassThru
        $connection.ConnectedAt | Should -BeGreaterOrEqual $before
        # The simulator's tokens live 86400 s.
        $connection.TokenExpiresAt | Should -BeGreaterThan $connection.ConnectedAt.AddSeconds(86000)

        $text = $connection | Out-String -Width 120
        $text | Should -Match ('Environment\s*:\s*' + [regex]::Escape("$($sim.BaseUri)"))
        $text | Should -Match 'ClientId\s*:\s*sim-client'
        $text | Should -Match ('ConnectedAt\s*:\s*' + [regex]::Escape($connection.ConnectedAt.ToString('u')))
        $text | Should -Match ('TokenExpiresAt\s*:\s*' + [regex]::Escape($connection.TokenExpiresAt.ToString('u')))
        $text | Should -Not -Match 'GenesysCloud\.Outbound\.'   # no type names of nested objects
        $text | Should -Not -Match $SimSecret
        $text | Should -Not -Match 'Bearer|Basic '
        $text | Should -Not -Match '[A-Za-z0-9+/_-]{40,}'         # nothing shaped like a token

        $connection | Disconnect-GenesysCloud
        ($connection | Out-String -Width 120) | Should -Match 'TokenExpiresAt\s*:\s*\(closed\)'
    }

    It 'shows a connection made with -AccessToken without the token, and says its expiry is not known' {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("sim-client:$SimSecret"))
        $token = (Invoke-RestMethod -Method Post -Uri ([uri]::new($sim.BaseUri, 'oauth/token')) -Headers @{ Authorization = "Basic $basic" } -Body 'grant_type=client_credentials' -ContentType 'application/x-www-form-urlencoded').access_token
        $connection = Connect-GenesysCloud -BaseUri $sim.BaseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -PassThru

        $text = $connection | Out-String -Width 120
        $text | Should -Match ('Environment\s*:\s*' + [regex]::Escape("$($sim.BaseUri)"))
        # The token's own client, as Genesys names it (GET /api/v2/tokens/me).
        $text | Should -Match 'ClientId\s*:\s*sim-client \(its token given with -AccessToken\)'
        $text | Should -Match ('ConnectedAt\s*:\s*' + [regex]::Escape($connection.ConnectedAt.ToString('u')))
        $text | Should -Match 'TokenExpiresAt\s*:\s*\(not known: a token given with -AccessToken\)'
        $text.Contains($token) | Should -BeFalse
        ($connection | Format-List * | Out-String -Width 500).Contains($token) | Should -BeFalse
    }

    # Issue 22, point 4: which org am I acting on? Nothing said so, and audit lines named no org or client.
    It 'learns the org and the OAuth client once, shows them, and every record and audit line carries them with the user and machine' {
        $said = @(Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) 6>&1)
        $connection = Get-GenesysCloudConnection
        "$said" | Should -Be "Connected to Genesys Cloud org 'Simulated Org' (0a000000-0000-4000-8000-000000000001) on $($connection.Environment) (client sim-client)."
        ($connection.OrganizationName, $connection.OrganizationId, $connection.OAuthClientId) | Should -Be @('Simulated Org', '0a000000-0000-4000-8000-000000000001', 'sim-client')
        ($connection | Out-String -Width 160) | Should -Match 'Organization\s*:\s*Simulated Org \(0a000000-0000-4000-8000-000000000001\)'

        $audit = New-TempAuditPath
        $record = Suspend-GenesysCampaign -Id $OffId -AuditLogPath $audit -Confirm:$false
        ($record.OrganizationId, $record.OrganizationName, $record.Environment, $record.OAuthClientId, $record.Machine) |
            Should -Be @('0a000000-0000-4000-8000-000000000001', 'Simulated Org', $connection.Environment, 'sim-client', [Environment]::MachineName)
        $record.RunBy | Should -BeLike "*$([Environment]::UserName)"
        $line = Get-Content $audit | ConvertFrom-Json
        ($line.organizationId, $line.organizationName, $line.oAuthClientId, $line.runBy) | Should -Be @($record.OrganizationId, 'Simulated Org', 'sim-client', $record.RunBy)
        (Get-GenesysCampaignAuditLog $audit).OrganizationName | Should -Be 'Simulated Org'
    }

    It 'leaves no connection in use after a Connect that fails, and says which one it closed' {
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) 6>$null
        $err = { Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-least' -ClientSecret (ConvertTo-SecureString 'wrong-secret-77' -AsPlainText -Force) } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'GenesysAuthenticationFailed,*'
        "$err" | Should -Match "The connection in use until now \(Genesys Cloud org 'Simulated Org' .*client sim-client\)\) is closed"
        Get-GenesysCloudConnection | Should -BeNullOrEmpty
        { Get-GenesysCampaign -Id $OnId } | Should -Throw -ErrorId 'GenesysNotConnected,*'
    }

    It 'connects with a warning when Genesys does not say which org it is' {
        Add-GenesysSimulatorFault $sim @{ kind = 'NotFound404'; method = 'GET'; pathContains = '/api/v2/tokens/me' }
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -WarningVariable warned -WarningAction SilentlyContinue 6>$null

        "$warned" | Should -Match '^Connected, but which org this is could not be read'
        (Get-GenesysCloudConnection).OrganizationId | Should -BeNullOrEmpty
        (Suspend-GenesysCampaign -Id $OffId -Confirm:$false).OAuthClientId | Should -Be 'sim-client'
    }

    It 'makes every cmdlet fail with GenesysNotConnected after Disconnect-GenesysCloud' {
        Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force)
        Disconnect-GenesysCloud
        $err = { Get-GenesysCampaign } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'GenesysNotConnected,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'never writes the secret or a bearer token to any stream' {
        $all = & {
            Connect-GenesysCloud -BaseUri $sim.BaseUri -ClientId 'sim-client' -ClientSecret (ConvertTo-SecureString $SimSecret -AsPlainText -Force) -Verbose -Debug
            Get-GenesysCampaign -Id $OnId, $MissingId -Verbose -Debug -ErrorAction SilentlyContinue
            Suspend-GenesysCampaign -Id $OffId -Verbose -Debug -Confirm:$false
        } *>&1 | Out-String
        $all | Should -Match 'GET /api/v2/outbound/campaigns'
        $all | Should -Not -Match $SimSecret
        $all | Should -Not -Match 'Bearer'
        $all | Should -Not -Match 'Basic '
    }
}
