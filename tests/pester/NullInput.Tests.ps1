# A $null on the pipeline (a lookup in a script that found nothing) is bad input like an empty id: its
# error comes after the batch, and every other object is still changed and audited, under
# -ErrorAction Stop too. Refused at parameter binding, it stopped the whole pipeline before any write.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sim = Start-TestOrg
}

AfterAll { Stop-TestOrg $sim }

Describe 'A $null on the pipeline' {
    It 'Suspend-GenesysCampaign -ErrorAction Stop pauses the others first, then stops on InvalidCampaignId' {
        $audit = New-TempAuditPath
        $second = CampaignId 36
        Set-GenesysSimulatorStatus $sim $second on
        $caught = $null
        try { $null = $OnId, $null, $second | Suspend-GenesysCampaign -AuditLogPath $audit -Confirm:$false -ErrorAction Stop }
        catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'InvalidCampaignId,GenesysCloud.Outbound.PowerShell.Commands.SuspendGenesysCampaignCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -BeLike '*a $null was given*'
        $lines = @(Get-Content $audit | ConvertFrom-Json)
        $lines.Count | Should -Be 3
        @($lines | Where-Object outcome -eq Changed).objectId | Sort-Object | Should -Be @($OnId, $second | Sort-Object)
        @($lines | Where-Object outcome -eq Failed).errorCode | Should -Be 'invalid.campaign.id'
        Remove-Item $audit
    }

    It 'Disable-GenesysCampaignRule changes the rule piped beside it and writes InvalidCampaignRuleId' {
        $rule = Get-GenesysCampaignRule | Where-Object Enabled | Select-Object -First 1
        $records = @($null, $rule | Disable-GenesysCampaignRule -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)

        ($records | Where-Object ObjectId -eq $rule.Id).Outcome | Should -Be 'Changed'
        @($records | Where-Object Outcome -eq Failed).Count | Should -Be 1
        $failed.FullyQualifiedErrorId | Should -Be 'InvalidCampaignRuleId,GenesysCloud.Outbound.PowerShell.Commands.DisableGenesysCampaignRuleCommand'
        $null = $records | Where-Object ObjectId -eq $rule.Id | Undo-GenesysCampaignChange -Confirm:$false
    }

    It 'Undo-GenesysCampaignChange skips it with a warning and puts the rest back' {
        Set-GenesysSimulatorStatus $sim $OnId on
        $change = Suspend-GenesysCampaign -Id $OnId -Wait -Confirm:$false
        $change.Outcome | Should -Be 'Changed'
        $undone = @($null, $change | Undo-GenesysCampaignChange -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop)

        $undone.Outcome | Should -Be 'Changed'
        "$warned" | Should -BeLike '*1 $null record(s) were given and skipped*'
    }
}
