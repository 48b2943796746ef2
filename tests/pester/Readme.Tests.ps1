# README's "Try it at a prompt, against the simulator" runs as written: its three code blocks (start the
# simulator, connect and list, run the runbook sample) are read from README.md and run, with only the
# port changed to a free one, so the README cannot drift from what works.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1') -NoImport
    Import-Module (Join-Path $RepoRoot 'src/GenesysCampaign.Simulator/Simulator.psm1') -Force

    $readme = Get-Content (Join-Path $RepoRoot 'README.md') -Raw
    if ($readme -notmatch '(?ms)^## Try it at a prompt, against the simulator\r?\n(?<section>.*?)^## ') { throw 'README.md has no "Try it at a prompt, against the simulator" section.' }
    $script:Blocks = @([regex]::Matches($Matches.section, '(?ms)^```[a-z]*\r?\n(?<code>.*?)^```') | ForEach-Object { $_.Groups['code'].Value.Trim() })

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $script:Port = $listener.LocalEndpoint.Port
    $listener.Stop()

    # A documented command line in a fresh process at the repository root, as a user types it.
    function Start-Documented([string] $File, [string[]] $Arguments, [switch] $Wait) {
        $info = [System.Diagnostics.ProcessStartInfo]::new($File)
        foreach ($a in $Arguments) { $info.ArgumentList.Add($a) }
        $info.WorkingDirectory = $RepoRoot
        $info.Environment['NO_COLOR'] = '1'
        foreach ($name in 'GENESYSCLOUD_OAUTHCLIENT_ID', 'GENESYSCLOUD_OAUTHCLIENT_SECRET', 'GENESYSCLOUD_REGION', 'GENESYS_CAMPAIGN_AUDIT_LOG') { $info.Environment.Remove($name) | Out-Null }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.RedirectStandardInput = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        if (-not $Wait) { return $process }
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill(); throw "'$File $Arguments' did not end within 2 minutes." }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
    }

    function Invoke-DocumentedPowerShell([string] $Code) {
        Start-Documented 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $Code.Replace(':5080/', ":$Port/")) -Wait
    }
}

AfterAll {
    if ($script:Simulator -and -not $Simulator.HasExited) {
        $Simulator.StandardInput.Close()
        if (-not $Simulator.WaitForExit(5000)) { $Simulator.Kill() }
    }
}

Describe 'README: trying the module at a prompt against the simulator' {
    It 'has three blocks: the simulator, the prompt, the runbook; all on one port' {
        $Blocks.Count | Should -Be 3
        @($Blocks[0] -split '\r?\n').Count | Should -Be 1 -Because 'starting the simulator is one command'
        $Blocks[0] | Should -Match '--port 5080$'
        $Blocks[1] | Should -Match ([regex]::Escape('-BaseUri http://127.0.0.1:5080/'))
        $Blocks[2] | Should -Match ([regex]::Escape('-BaseUri http://127.0.0.1:5080/'))
    }

    It 'starts the simulator with the first block, which says where it listens' {
        $words = $Blocks[0].Replace('--port 5080', "--port $Port") -split '\s+'
        $script:Simulator = Start-Documented $words[0] $words[1..($words.Count - 1)]
        $line = $Simulator.StandardOutput.ReadLine()
        $line | Should -Be "Listening on http://127.0.0.1:$Port/"
    }

    It 'connects and lists with the second block' {
        $run = Invoke-DocumentedPowerShell $Blocks[1]
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Match 'Sales-West-006\s+on\s'
        $run.Output | Should -Match 'Sales-South-036\s+on\s'
    }

    It 'pauses the Sales campaigns that are on, voice and messaging, with the runbook sample, third block, and exits 0' {
        $sim = [pscustomobject]@{ BaseUri = [uri]"http://127.0.0.1:$Port/" }
        # Every seeded campaign, voice (c0...) and messaging (6d...), as the simulator holds it.
        $seeded = @(1..60 | ForEach-Object { CampaignId $_ }) + @(1..30 | ForEach-Object { '6d000000-0000-4000-8000-{0:D12}' -f $_ })
        $on = @($seeded | ForEach-Object { Get-GenesysSimulatorCampaign $sim -Id $_ } | Where-Object { $_.name -like 'Sales-*' -and $_.campaignStatus -eq 'on' })
        @($on | Where-Object { $_.id -like '6d*' }).Count | Should -BeGreaterThan 0 -Because 'messaging campaigns are paused too'
        $run = Invoke-DocumentedPowerShell $Blocks[2]
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Match "Changed\s*:\s*$($on.Count)\b"
        $run.Output | Should -Match 'Failed\s*:\s*0'
        $on | ForEach-Object { (Get-GenesysSimulatorCampaign $sim -Id $_.id).campaignStatus | Should -BeIn 'stopping', 'off' }
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 6)).campaignStatus | Should -BeIn 'stopping', 'off'
        (Get-GenesysSimulatorCampaign $sim -Id (CampaignId 36)).campaignStatus | Should -BeIn 'stopping', 'off'
    }
}
