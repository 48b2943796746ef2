# Every cmdlet that changes outbound objects takes the same change parameters. They are declared on two
# bases (StateChangeCommand for campaigns, ChangeCmdlet for sequences and rules; docs/ARCHITECTURE.md says
# why): this holds the two declarations to one another as PowerShell sees them.
BeforeDiscovery {
    $script:changeCmdlets = @(
        'Resume-GenesysCampaign', 'Stop-GenesysCampaign',
        'Suspend-GenesysCampaignSequence', 'Resume-GenesysCampaignSequence',
        'Enable-GenesysCampaignRule', 'Disable-GenesysCampaignRule')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # A parameter as a script meets it: type, aliases, sets, and every validation with its bounds.
    function Get-ParameterShape([string] $Command, [string] $Name) {
        $p = (Get-Command $Command).Parameters[$Name]
        if (-not $p) { return "missing" }
        $checks = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateArgumentsAttribute] } |
            ForEach-Object { '{0}({1},{2})' -f $_.GetType().Name, $_.MinRange, $_.MaxRange }
        '{0} aliases[{1}] sets[{2}] checks[{3}]' -f $p.ParameterType.FullName, ($p.Aliases -join ','),
            ($p.ParameterSets.Keys -join ','), ($checks -join ',')
    }
}

Describe 'The change parameters' {
    It '<_> takes -Reason, -Wait, -Timeout, -ThrottleLimit and -AuditLogPath as Suspend-GenesysCampaign does' -ForEach $changeCmdlets {
        foreach ($name in 'Reason', 'Wait', 'Timeout', 'ThrottleLimit', 'AuditLogPath') {
            Get-ParameterShape $_ $name | Should -Be (Get-ParameterShape 'Suspend-GenesysCampaign' $name) -Because "-$name of $_"
        }
    }

    It '<_> has the same defaults as Suspend-GenesysCampaign' -ForEach $changeCmdlets {
        $type = (Get-Command $_).ImplementingType
        $reference = (Get-Command Suspend-GenesysCampaign).ImplementingType
        foreach ($name in 'Timeout', 'ThrottleLimit') {
            $type::new().$name | Should -Be $reference::new().$name -Because "the default -$name of $_"
        }
    }
}
