#!/usr/bin/env pwsh
# PowerShell entry point: the same verbs as the seq2seq command, forwarded to dotnet.
#   ./run.ps1 demo | ./run.ps1 train configs/demo.json | ./run.ps1 translate ... | ./run.ps1 test
param([Parameter(Position = 0)][string]$Verb = 'help', [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest = @())
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
if ($Verb -eq 'test') { dotnet test @Rest; exit $LASTEXITCODE }
dotnet run --project src/Seq2Seq.Cli -- $Verb @Rest
exit $LASTEXITCODE
