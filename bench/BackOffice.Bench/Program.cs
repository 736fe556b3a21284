using BackOffice.Bench;

var settings = Settings.Parse(args);
Directory.CreateDirectory(settings.WorkDir);
switch (settings.Phase)
{
    case "load": await LoadPhase.Run(settings); break;
    case "ledger": await LedgerPhase.Run(settings); break;
    case "library": await LibraryPhase.Run(settings); break;
    case "rebuild": await LibraryPhase.RebuildOnly(settings); break;
    case "reads": await ReadsPhase.Run(settings); break;
    case "report": return Report.Run(settings);
    default: Console.Error.WriteLine($"unknown phase {settings.Phase}"); return 2;
}
return 0;
