<#
.SYNOPSIS
    Builds en-US/GenesysCampaign.dll-help.xml (MAML) for the module's compiled cmdlets from the
    markdown in this folder (platyPS is not available here: this is the small generator instead).
.DESCRIPTION
    Prose (synopsis, description, parameter text, inputs, outputs, examples, notes, links) comes
    from <Cmdlet>.md; facts (syntax, parameter types, positions, pipeline input, aliases) come from
    the built module's own metadata, so they cannot drift from the code. A cmdlet without a
    markdown file, or a markdown file missing a required section or a parameter, fails the build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$module = Import-Module $ModulePath -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Read-HelpMarkdown([string] $Path) {
    # Sections by '## ', sub-sections by '### '; code fences kept whole.
    $doc = [ordered]@{}; $section = $null; $sub = $null; $inCode = $false
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($line -match '^```') { $inCode = -not $inCode }
        if (-not $inCode -and $line -match '^## (.+)$') { $section = $Matches[1].Trim(); $sub = $null; $doc[$section] = [ordered]@{ '' = [Collections.Generic.List[string]]::new() }; continue }
        if (-not $inCode -and $line -match '^### (.+)$' -and $section) { $sub = $Matches[1].Trim(); $doc[$section][$sub] = [Collections.Generic.List[string]]::new(); continue }
        if ($section) { $doc[$section][$(if ($sub) { $sub } else { '' })].Add($line) }
    }
    $doc
}

function Get-Paragraphs([Collections.Generic.List[string]] $Lines) {
    $text = ($Lines -join "`n").Trim()
    if (-not $text) { return @() }
    @($text -split "`n\s*`n" | ForEach-Object { ($_ -split "`n" | ForEach-Object Trim) -join ' ' })
}

function Write-Paras($Writer, [string[]] $Paras) {
    foreach ($p in $Paras) { $Writer.WriteElementString('maml', 'para', $maml, $p) }
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [Text.UTF8Encoding]::new($false) }
New-Item -ItemType Directory -Force (Split-Path $OutputPath) | Out-Null
$writer = [Xml.XmlWriter]::Create($OutputPath, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
$problems = @()

foreach ($command in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $md = Join-Path $PSScriptRoot "$($command.Name).md"
    if (-not (Test-Path $md)) { $problems += "$($command.Name): no help/$($command.Name).md"; continue }
    $doc = Read-HelpMarkdown $md
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'OUTPUTS', 'EXAMPLES') {
        if (-not $doc.Contains($required)) { $problems += "$($command.Name): no '## $required' section" }
    }
    if ($problems) { continue }
    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' }
    foreach ($p in $parameters) {
        if (-not $doc.PARAMETERS.Contains("-$($p.Name)")) { $problems += "$($command.Name): parameter -$($p.Name) is not described" }
    }
    if (@($doc.EXAMPLES.Keys | Where-Object { $_ }).Count -lt 3) { $problems += "$($command.Name): fewer than three examples" }

    $writer.WriteStartElement('command', 'command', $cmd)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $cmd)
    $writer.WriteElementString('command', 'name', $cmd, $command.Name)
    $writer.WriteElementString('command', 'verb', $cmd, $command.Verb)
    $writer.WriteElementString('command', 'noun', $cmd, $command.Noun)
    $writer.WriteStartElement('maml', 'description', $maml); Write-Paras $writer (Get-Paragraphs $doc.SYNOPSIS['']); $writer.WriteEndElement()
    $writer.WriteEndElement()
    $writer.WriteStartElement('maml', 'description', $maml); Write-Paras $writer (Get-Paragraphs $doc.DESCRIPTION['']); $writer.WriteEndElement()

    $describe = {
        param($p, $set)
        $attribute = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($null -eq $set -or $_.ParameterSetName -in $set.Name, '__AllParameterSets') } | Select-Object -First 1
        $pipeline = @(); if ($attribute.ValueFromPipeline) { $pipeline += 'ByValue' }; if ($attribute.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        @{
            Required = [string]([bool]$attribute.Mandatory).ToString().ToLower()
            Position = $(if ($attribute.Position -ge 0) { [string]$attribute.Position } else { 'named' })
            Pipeline = $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' })
            Globbing = [string]([bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })).ToString().ToLower()
        }
    }

    $writer.WriteStartElement('command', 'syntax', $cmd)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $cmd)
        $writer.WriteElementString('maml', 'name', $maml, $command.Name)
        foreach ($sp in $set.Parameters | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' }) {
            $writer.WriteStartElement('command', 'parameter', $cmd)
            $writer.WriteAttributeString('required', $sp.IsMandatory.ToString().ToLower())
            $writer.WriteAttributeString('position', $(if ($sp.Position -ge 0) { [string]$sp.Position } else { 'named' }))
            $writer.WriteElementString('maml', 'name', $maml, $sp.Name)
            if ($sp.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $writer.WriteElementString('command', 'parameterValue', $cmd, $sp.ParameterType.Name)
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $cmd)
    foreach ($p in $parameters | Sort-Object Name) {
        $facts = & $describe $p $null
        $writer.WriteStartElement('command', 'parameter', $cmd)
        $writer.WriteAttributeString('required', $facts.Required)
        $writer.WriteAttributeString('globbing', $facts.Globbing)
        $writer.WriteAttributeString('pipelineInput', $facts.Pipeline)
        $writer.WriteAttributeString('position', $facts.Position)
        if ($p.Aliases.Count) { $writer.WriteAttributeString('aliases', ($p.Aliases -join ', ')) }
        $writer.WriteElementString('maml', 'name', $maml, $p.Name)
        $writer.WriteStartElement('maml', 'description', $maml)
        if ($doc.PARAMETERS.Contains("-$($p.Name)")) { Write-Paras $writer (Get-Paragraphs $doc.PARAMETERS["-$($p.Name)"]) }
        $writer.WriteEndElement()
        if ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]) { $writer.WriteElementString('command', 'parameterValue', $cmd, $p.ParameterType.Name) }
        $writer.WriteStartElement('dev', 'type', $dev); $writer.WriteElementString('maml', 'name', $maml, $p.ParameterType.FullName); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    foreach ($kind in @(@('INPUTS', 'inputTypes', 'inputType'), @('OUTPUTS', 'returnValues', 'returnValue'))) {
        if (-not $doc.Contains($kind[0])) { continue }
        $writer.WriteStartElement('command', $kind[1], $cmd)
        foreach ($type in $doc[$kind[0]].Keys | Where-Object { $_ }) {
            $writer.WriteStartElement('command', $kind[2], $cmd)
            $writer.WriteStartElement('dev', 'type', $dev); $writer.WriteElementString('maml', 'name', $maml, $type); $writer.WriteEndElement()
            $writer.WriteStartElement('maml', 'description', $maml); Write-Paras $writer (Get-Paragraphs $doc[$kind[0]][$type]); $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }

    if ($doc.Contains('NOTES')) {
        $writer.WriteStartElement('maml', 'alertSet', $maml); $writer.WriteStartElement('maml', 'alert', $maml)
        Write-Paras $writer (Get-Paragraphs $doc.NOTES['']); $writer.WriteEndElement(); $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $cmd)
    foreach ($title in $doc.EXAMPLES.Keys | Where-Object { $_ }) {
        $lines = ($doc.EXAMPLES[$title] -join "`n")
        $code = if ($lines -match '(?s)```\w*\n(.*?)\n```') { $Matches[1] } else { '' }
        $remarks = [Collections.Generic.List[string]]::new(); foreach ($l in ($lines -replace '(?s)```.*?```', '') -split "`n") { $remarks.Add($l) }
        $writer.WriteStartElement('command', 'example', $cmd)
        $writer.WriteElementString('maml', 'title', $maml, "-------------------------- $title --------------------------")
        $writer.WriteElementString('dev', 'code', $dev, $code)
        $writer.WriteStartElement('dev', 'remarks', $dev); Write-Paras $writer (Get-Paragraphs $remarks); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    if ($doc.Contains('RELATED LINKS')) {
        $writer.WriteStartElement('command', 'relatedLinks', $cmd)
        foreach ($link in $doc['RELATED LINKS'][''] | Where-Object { $_ -match '^\s*-\s*(.+)$' } | ForEach-Object { $Matches[1].Trim() }) {
            $writer.WriteStartElement('maml', 'navigationLink', $maml); $writer.WriteElementString('maml', 'linkText', $maml, $link); $writer.WriteElementString('maml', 'uri', $maml, ''); $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
if ($problems) { throw "Help is incomplete:`n  $($problems -join "`n  ")" }
