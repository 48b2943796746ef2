#Requires -Version 7.0
<#
.SYNOPSIS
    Builds the PowerShell 7.4 test hosts (README.md beside this script says what they are for).
.DESCRIPTION
    <OutputPath>/pwsh-7.4.22: a real PowerShell 7.4.22 on .NET 8.0.34, published from Pwsh74/Pwsh74.csproj,
    with the built-in modules in its $PSHOME/Modules.
    <OutputPath>/pwsh-7.4.22-bcl5: a copy of it whose default load context holds Microsoft.Bcl.AsyncInterfaces
    5.0.0.0, as pwsh 7.4.0 and 7.4.1 did (7.4.2 and later hold 8.0.0.0).
    <OutputPath>/pwsh-7.4.22-bare: a copy with neither System.Text.Json nor Microsoft.Bcl.AsyncInterfaces, as
    Windows PowerShell 5.1 has neither (pwsh 7.4 itself starts and runs without them).
    Does nothing when both are already built from the files here as they are now (a stamp in OutputPath records
    a hash of them), unless -Force. Ends by writing each host's executable; run one as
    <executable> -NoProfile -NonInteractive -Command ... (or -File ...), with HOME set to a folder of its own.
.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File tests/hosts/Build-TestHosts.ps1
#>
[CmdletBinding()]
param(
    [string] $OutputPath = (Join-Path $PSScriptRoot '../../out/hosts'),
    # Rebuild even when the stamp says the hosts are up to date.
    [switch] $Force
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

$OutputPath = [System.IO.Path]::GetFullPath($OutputPath)
$hostProject = Join-Path $PSScriptRoot 'Pwsh74/Pwsh74.csproj'
$bcl5Project = Join-Path $PSScriptRoot 'AsyncInterfaces5.Restore.csproj'
$objRoot = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../out/obj/hosts'))  # Directory.Build.props
$hosts = [ordered]@{
    'pwsh-7.4.22'      = Join-Path $OutputPath 'pwsh-7.4.22'
    'pwsh-7.4.22-bcl5' = Join-Path $OutputPath 'pwsh-7.4.22-bcl5'
    'pwsh-7.4.22-bare' = Join-Path $OutputPath 'pwsh-7.4.22-bare'
}
$stampPath = Join-Path $OutputPath 'hosts.stamp'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

# What the hosts are built from: every file here but the docs, and the build files a previous run left out.
function Get-SourceHash {
    $files = Get-ChildItem $PSScriptRoot -Recurse -File |
        Where-Object { $_.Extension -ne '.md' -and $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
        Sort-Object FullName
    $text = foreach ($file in $files) {
        [System.IO.Path]::GetRelativePath($PSScriptRoot, $file.FullName) + ':' + (Get-FileHash $file.FullName -Algorithm SHA256).Hash
    }
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($text -join "`n"))
    [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($bytes))
}

# The NuGet packages folder a restore used (NUGET_PACKAGES, a NuGet.Config's globalPackagesFolder or
# ~/.nuget/packages), as its project.assets.json records it.
function Get-PackageFolder([string] $ProjectName) {
    $assets = Join-Path $objRoot "$ProjectName/project.assets.json"
    $folders = @((Get-Content $assets -Raw | ConvertFrom-Json -AsHashtable)['packageFolders'].Keys)
    if ($folders.Count -eq 0) { throw "$assets names no package folder." }
    $folders[0]
}

function Get-Executable([string] $Folder) { Join-Path $Folder 'Pwsh74' }

# The runtime entries of a host's deps.json for a library (name/version key) whose name is like $Like.
function Get-RuntimeEntry($Deps, [string] $Like) {
    foreach ($target in $Deps['targets'].Values) {
        foreach ($library in $target.Keys) {
            $runtime = $target[$library]['runtime']
            if ($runtime) { foreach ($file in @($runtime.Keys)) { if ($file -like $Like) { @{ Runtime = $runtime; File = $file } } } }
        }
    }
}

$sourceHash = Get-SourceHash
$upToDate = -not $Force -and (Test-Path $stampPath) -and (Get-Content $stampPath -Raw).Trim() -eq $sourceHash -and
    @($hosts.Values | Where-Object { -not (Test-Path (Get-Executable $_)) }).Count -eq 0

if ($upToDate) {
    Write-Host 'Test hosts up to date.'
} else {
    if (Test-Path $stampPath) { Remove-Item $stampPath -Force }
    foreach ($folder in $hosts.Values) { if (Test-Path $folder) { Remove-Item $folder -Recurse -Force } }
    $null = New-Item $OutputPath -ItemType Directory -Force

    # pwsh 7.4.22.
    $plain = $hosts['pwsh-7.4.22']
    Invoke-Native 'Publishing the PowerShell 7.4 host' { dotnet publish $hostProject -c Release -o $plain --nologo -v quiet }
    # The SDK package's built-in modules (Microsoft.PowerShell.Utility, .Management, .Security, .Host) arrive as
    # content under runtimes/; pwsh finds them in $PSHOME/Modules.
    Move-Item (Join-Path $plain 'runtimes/unix/lib/net8.0/Modules') (Join-Path $plain 'Modules')
    Remove-Item (Join-Path $plain 'runtimes/win/lib/net8.0/Modules') -Recurse -Force -ErrorAction Ignore
    # ThreadJob is not in the SDK package: take it from the pinned pwsh tool's package when it is there (optional).
    $packages = Get-PackageFolder 'Pwsh74'
    $toolModules = Join-Path $packages 'powershell/7.6.9/tools/net10.0/any/unix/Modules'
    foreach ($module in 'Microsoft.PowerShell.ThreadJob', 'ThreadJob') {
        $source = Join-Path $toolModules $module
        if (Test-Path $source) { Copy-Item $source (Join-Path $plain 'Modules') -Recurse }
    }

    # pwsh 7.4.0/7.4.1-like: Microsoft.Bcl.AsyncInterfaces 5.0.0.0 in place of 8.0.0.0, file and deps.json entry.
    $bcl5 = $hosts['pwsh-7.4.22-bcl5']
    Invoke-Native 'Restoring Microsoft.Bcl.AsyncInterfaces 5.0.0' { dotnet restore $bcl5Project --nologo -v quiet }
    $dll = Join-Path (Get-PackageFolder 'AsyncInterfaces5.Restore') 'microsoft.bcl.asyncinterfaces/5.0.0/lib/netstandard2.1/Microsoft.Bcl.AsyncInterfaces.dll'
    $version = [System.Reflection.AssemblyName]::GetAssemblyName($dll).Version
    if ($version -ne [version] '5.0.0.0') { throw "$dll is $version, not 5.0.0.0." }
    Copy-Item $plain $bcl5 -Recurse
    Copy-Item $dll (Join-Path $bcl5 'Microsoft.Bcl.AsyncInterfaces.dll') -Force
    $depsPath = Join-Path $bcl5 'Pwsh74.deps.json'
    $deps = Get-Content $depsPath -Raw | ConvertFrom-Json -AsHashtable
    $entries = @(Get-RuntimeEntry $deps '*/Microsoft.Bcl.AsyncInterfaces.dll' | ForEach-Object { $_.Runtime[$_.File] })
    if ($entries.Count -ne 1) { throw "Expected one Microsoft.Bcl.AsyncInterfaces runtime entry in $depsPath, found $($entries.Count)." }
    $entries[0]['assemblyVersion'] = $version.ToString()
    $entries[0]['fileVersion'] = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($dll).FileVersion
    Set-Content $depsPath ($deps | ConvertTo-Json -Depth 64)

    # As on 5.1: neither System.Text.Json (a framework assembly, listed in the runtime pack's entry) nor AsyncInterfaces.
    $bare = $hosts['pwsh-7.4.22-bare']
    Copy-Item $plain $bare -Recurse
    $depsPath = Join-Path $bare 'Pwsh74.deps.json'
    $deps = Get-Content $depsPath -Raw | ConvertFrom-Json -AsHashtable
    $gone = @(Get-RuntimeEntry $deps '*System.Text.Json.dll') + @(Get-RuntimeEntry $deps '*Microsoft.Bcl.AsyncInterfaces.dll')
    if ($gone.Count -ne 2) { throw "Expected one System.Text.Json and one Microsoft.Bcl.AsyncInterfaces entry in $depsPath, found $($gone.Count)." }
    foreach ($entry in $gone) { $entry.Runtime.Remove($entry.File) }
    Set-Content $depsPath ($deps | ConvertTo-Json -Depth 64)
    Remove-Item (Join-Path $bare 'System.Text.Json.dll'), (Join-Path $bare 'Microsoft.Bcl.AsyncInterfaces.dll')

    # Each host must start and be what it says, before anything runs on it.
    $home74 = Join-Path ([System.IO.Path]::GetTempPath()) "testhost-home-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item $home74 -ItemType Directory
    $savedHome = $env:HOME
    try {
        $env:HOME = $home74
        $check = '$v = { param($n) try { [System.Reflection.Assembly]::Load($n).GetName().Version } catch { ''none'' } }; "{0} {1} {2} {3}" -f $PSVersionTable.PSVersion, [Environment]::Version, (& $v Microsoft.Bcl.AsyncInterfaces), (& $v System.Text.Json)'
        foreach ($entry in @(@($plain, '7.4.22 8.0.34 8.0.0.0 8.0.0.0'), @($bcl5, '7.4.22 8.0.34 5.0.0.0 8.0.0.0'), @($bare, '7.4.22 8.0.34 none none'))) {
            $seen = & (Get-Executable $entry[0]) -NoProfile -NonInteractive -Command $check
            if ($LASTEXITCODE -ne 0) { throw "$(Get-Executable $entry[0]) failed with exit code $LASTEXITCODE." }
            if ("$seen".Trim() -ne $entry[1]) { throw "$(Get-Executable $entry[0]) says '$seen', not '$($entry[1])' (PowerShell, .NET, AsyncInterfaces, System.Text.Json)." }
        }
    } finally {
        $env:HOME = $savedHome
        Remove-Item $home74 -Recurse -Force -ErrorAction Ignore
    }

    Set-Content $stampPath $sourceHash
}

foreach ($name in $hosts.Keys) { Write-Host "${name}: $(Get-Executable $hosts[$name])" }
