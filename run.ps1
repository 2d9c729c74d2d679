#!/usr/bin/env pwsh
# PowerShell entry point with the same verbs as the seq2seq command, forwarded to dotnet:
#   ./run.ps1 demo
#   ./run.ps1 train configs/demo.json
#   ./run.ps1 translate --model runs/demo/best.ckpt --input in.txt --output out.txt
#   ./run.ps1 test
param(
    [Parameter(Position = 0)][string]$Verb = 'help',
    [Parameter(Position = 1, ValueFromRemainingArguments = $true)][string[]]$Rest = @()
)
$ErrorActionPreference = 'Stop'
$Verbs = @('demo', 'train', 'translate', 'score', 'serve', 'export', 'evaluate', 'prepare', 'corpus', 'bench', 'average', 'plot', 'test')
Set-Location $PSScriptRoot
if ($Verb -eq 'help' -or $Verb -eq '--help') {
    Write-Output "usage: ./run.ps1 <verb> [options]; verbs: $($Verbs -join ', ')"
    exit 0
}
if ($Verbs -notcontains $Verb) {
    Write-Error "unknown verb '$Verb'; verbs: $($Verbs -join ', ')"
    exit 2
}
if ($Verb -eq 'test') {
    dotnet test @Rest
} else {
    dotnet run --project src/Seq2Seq.Cli -c Release -- $Verb @Rest
}
exit $LASTEXITCODE
