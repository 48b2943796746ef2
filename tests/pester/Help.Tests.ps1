BeforeDiscovery {
    $cmdlets = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../GenesysCampaign.psd1')).CmdletsToExport
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help for <_>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $_ -Full
        $command = Get-Command $_
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($_))\s"   # not the generated syntax stand-in
        ($help.description.Text -join ' ') | Should -Match '\w{4,}'
    }

    It 'describes every parameter' {
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common -or $_ -in 'WhatIf', 'Confirm' }) {
            $parameter = $help.parameters.parameter | Where-Object name -eq $name
            $parameter | Should -Not -BeNullOrEmpty -Because "-$name needs help"
            ($parameter.description.Text -join ' ') | Should -Match '\w{4,}' -Because "-$name needs a description"
        }
    }

    It 'has at least three examples, each with code and remarks' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        foreach ($example in $help.examples.example) {
            $example.code | Should -Match $_
            ($example.remarks.Text -join ' ') | Should -Match '\w{4,}'
        }
    }

    It 'names its outputs' {
        @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
        $help.returnValues.returnValue[0].type.name | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_GenesysCampaign' {
    It 'explains statuses, rules, retries, the audit log and the simulator' {
        $text = Get-Help about_GenesysCampaign | Out-String
        foreach ($section in 'CAMPAIGN STATUSES', 'RULES', 'RETRIES', 'AUDIT LOG', 'SIMULATOR') {
            $text | Should -Match $section
        }
    }
}
