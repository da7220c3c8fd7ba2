# Build the cluedesk installer for Windows 10/11 (run from the repository root, in PowerShell):
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs: Python 3.11 or newer (python.org, "py" launcher), Inno Setup 6 (jrsoftware.org).
# Writes dist\cluedesk\ (the folder, self-tested) and dist\cluedesk-<version>-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Step($text) { Write-Host "[build.ps1] $text" }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" } }

# A build environment of its own, with the client and PyInstaller. (Until the repository's
# split into distributions lands this installs "." — the client, with the platform's
# dependencies, which the spec leaves out of the bundle anyway; afterwards the client's
# distributions: packaging\common and ".".)
Step "virtual environment .venv-bundle"
if (-not (Test-Path ".venv-bundle\Scripts\python.exe")) {
    py -3 -m venv .venv-bundle; Check "python -m venv"
}
$python = Resolve-Path ".venv-bundle\Scripts\python.exe"
& $python -m pip install --quiet --upgrade pip; Check "pip upgrade"
& $python -m pip install --quiet .\packaging\common ".[bundle]"; Check "pip install"

Step "PyInstaller and the smoke self-test"
& $python packaging\build.py --smoke; Check "packaging\build.py"

# The Simplified Chinese messages of the installer (unofficial Inno Setup translation).
$isl = "packaging\windows\ChineseSimplified.isl"
if (-not (Test-Path $isl)) {
    Step "downloading the Chinese Simplified messages of Inno Setup"
    $url = "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl"
    Invoke-WebRequest -Uri $url -OutFile $isl
}

$iscc = @(
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 not found: install it from https://jrsoftware.org/isdl.php" }

$version = (& $python -c "from desktop import __version__; print(__version__)").Trim(); Check "version"
Step "Inno Setup: dist\cluedesk-$version-setup.exe"
& $iscc "/DAppVersion=$version" packaging\windows\cluedesk.iss; Check "ISCC"
Step "done: dist\cluedesk-$version-setup.exe"
