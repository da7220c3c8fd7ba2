; Inno Setup script of the cluedesk client for Windows 10/11 (64-bit).
; Built by packaging\windows\build.ps1 after `python packaging\build.py --smoke` wrote
; dist\cluedesk\ (cluedesk.exe: the window; cluedesk-cli.exe: the commands, with a console).
; Saved as UTF-8 with a byte-order mark: Inno Setup 6 then reads the Chinese names right.
; Compile by hand:  "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\cluedesk.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "线索办理工作台"
#define AppExe "cluedesk.exe"
#define CliExe "cluedesk-cli.exe"
#define SourceDir "..\..\dist\cluedesk"

[Setup]
AppId={{6B1E8F2A-3C4D-4E5F-9A1B-C2D3E4F5A6B7}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=cluedesk
AppVerName={#AppName} {#AppVersion}
; Per-machine by default (Program Files\cluedesk); the clerk without admin rights may choose
; an install for himself only (in his AppData\Local\Programs).
DefaultDirName={autopf}\cluedesk
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=cluedesk-{#AppVersion}-setup
SetupIconFile=..\icons\cluedesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Inno Setup ships English only among these; the Simplified Chinese messages are the
; unofficial translation "ChineseSimplified.isl" from jrsoftware.org/files/istrans/
; (build.ps1 downloads it beside this script when it is missing).
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (the store, attachments, backups, logs in %LOCALAPPDATA%\cluedesk) is not
; removed on uninstall: it is the office's record, and a reinstall finds it again.
