; CapNum Desktop: Windows installer (NSIS 3), per user, no administrator rights.
;
; Do not call makensis by hand: `python resources/installer/build_installer.py` reads the version from
; pyproject.toml and passes it here with the folder to package:
;   makensis /DVERSION=0.1.0 /DVERSION_NUMERIC=0.1.0.0 /DDIST_DIR=<...>\dist\CapNum /DOUT_FILE=<...>.exe capnum.nsi
;
; What it does: copies the PyInstaller folder (dist\CapNum) to %LOCALAPPDATA%\Programs\CapNum, adds a
; Start menu entry, optionally offers "Ouvrir avec CapNum" for .csv, .xlsx and .ods files (it never
; replaces the user's default program), and registers an uninstaller in "Applications et fonctionnalités".
; Everything is written under HKCU: nothing needs administrator rights.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is not defined: build with resources/installer/build_installer.py"
!endif
!ifndef VERSION_NUMERIC
  !define VERSION_NUMERIC "0.0.0.0"
!endif
!ifndef DIST_DIR
  !error "DIST_DIR (the PyInstaller folder dist\CapNum) is not defined"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "CapNum-${VERSION}-setup.exe"
!endif

!define APP_NAME "CapNum Desktop"
!define APP_ID "CapNum"
!define PUBLISHER "CapNum Desktop"
!define GUI_EXE "capnum-desktop.exe"
!define CLI_EXE "capnum.exe"
!define PROG_ID "CapNum.Tableur"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define CLASSES "Software\Classes"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=1036 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${APP_NAME}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "Licence EUPL-1.2"
VIAddVersionKey /LANG=1036 "CompanyName" "${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

; Register "Ouvrir avec CapNum" for one extension, for the current user only.
!macro ASSOCIATE EXT
  WriteRegStr HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${GUI_EXE}\SupportedTypes" "${EXT}" ""
  WriteRegStr HKCU "${CLASSES}\SystemFileAssociations\${EXT}\shell\${APP_ID}" "" "Ouvrir avec CapNum"
  WriteRegStr HKCU "${CLASSES}\SystemFileAssociations\${EXT}\shell\${APP_ID}" "Icon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${CLASSES}\SystemFileAssociations\${EXT}\shell\${APP_ID}\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
!macroend

!macro UNASSOCIATE EXT
  DeleteRegValue HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${EXT}\OpenWithProgids"
  DeleteRegKey HKCU "${CLASSES}\SystemFileAssociations\${EXT}\shell\${APP_ID}"
!macroend

Section "${APP_NAME} (requis)" SecApp
  SectionIn RO
  SetShellVarContext current
  ; An update replaces the whole program folder, so no file of an older version stays behind.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST_DIR}\*.*"
  WriteUninstaller "$INSTDIR\desinstaller.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\desinstaller.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\desinstaller.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Proposer « Ouvrir avec CapNum » pour les fichiers .csv, .xlsx et .ods" SecAssoc
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}" "" "Tableur (CapNum)"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}\shell\open" "FriendlyAppName" "CapNum"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\Applications\${GUI_EXE}" "FriendlyAppName" "CapNum"
  WriteRegStr HKCU "${CLASSES}\Applications\${GUI_EXE}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
  !insertmacro ASSOCIATE ".csv"
  !insertmacro ASSOCIATE ".xlsx"
  !insertmacro ASSOCIATE ".ods"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "FileAssociations" 1
  ; Tell Explorer that associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

LangString DESC_SecApp ${LANG_FRENCH} "Le programme, la ligne de commande (capnum.exe) et l'entrée du menu Démarrer."
LangString DESC_SecAssoc ${LANG_FRENCH} "Ajoute « Ouvrir avec CapNum » au clic droit sur ces fichiers. Votre programme par défaut (Excel, LibreOffice) ne change pas."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(DESC_SecApp)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAssoc} $(DESC_SecAssoc)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  !insertmacro UNASSOCIATE ".csv"
  !insertmacro UNASSOCIATE ".xlsx"
  !insertmacro UNASSOCIATE ".ods"
  DeleteRegKey HKCU "${CLASSES}\${PROG_ID}"
  DeleteRegKey HKCU "${CLASSES}\Applications\${GUI_EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Only the program folder: the user's work (autosave, settings, keys) lives in %LOCALAPPDATA%\CapNum
  ; and is kept.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\desinstaller.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
