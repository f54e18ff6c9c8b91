"""What a core error says, in French and English: one table keyed by the error's code.

A :class:`~capnum_desktop.core.errors.CapnumError` made with :meth:`~capnum_desktop.core.errors.CapnumError.coded`
carries a code and parameters (a file name, a line, a sheet…); its sentences are made from this table
where they are shown (the command line, the window), French by default. Keys: ``<code>`` for what went
wrong, ``<code>.hint`` for what to do (else the error class's ``default.…`` hint), ``hint.…`` for hints
several errors share, ``binary.…``/``word.…`` for pieces put into sentences. Every entry has both
languages with the same ``{parameters}`` (a test checks it).
"""

from __future__ import annotations

ERROR_SENTENCES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ what to do, by kind of error
    "default.capnum": {"fr": "Vérifiez le fichier puis réessayez.", "en": "Check the file, then try again."},
    "default.input-file": {
        "fr": "Vérifiez que le fichier existe, qu'il n'est pas ouvert dans un autre programme, puis réessayez.",
        "en": "Check that the file exists and is not open in another program, then try again."},
    "default.unsupported-format": {
        "fr": "Enregistrez le fichier au format CSV, Excel (.xlsx, .xls) ou LibreOffice (.ods), puis ouvrez-le à nouveau.",
        "en": "Save the file as CSV, Excel (.xlsx, .xls) or LibreOffice (.ods), then open it again."},
    "default.protected": {
        "fr": "Ouvrez le classeur dans Excel ou LibreOffice avec son mot de passe, retirez la protection "
              "(Fichier > Informations > Protéger le classeur, ou Fichier > Propriétés > Sécurité), "
              "enregistrez une copie et ouvrez cette copie.",
        "en": "Open the workbook in Excel or LibreOffice with its password, remove the protection "
              "(File > Info > Protect Workbook, or File > Properties > Security), "
              "save a copy and open that copy."},
    "default.schema": {
        "fr": "Choisissez un schéma du catalogue ou vérifiez le fichier de schéma (Table Schema JSON ou YAML).",
        "en": "Choose a schema from the catalogue or check the schema file (Table Schema JSON or YAML)."},
    "default.recipe": {"fr": "Vérifiez que le fichier est bien une recette CapNum (recipe.json).",
                       "en": "Check that the file is a CapNum recipe (recipe.json)."},
    "default.export": {"fr": "Choisissez un autre dossier de sortie ou libérez de la place, puis réessayez.",
                       "en": "Choose another output folder or free some space, then try again."},
    "hint.right-file": {"fr": "Vérifiez que c'est le bon fichier.", "en": "Check that it is the right file."},
    "hint.right-file-or-sheet": {"fr": "Vérifiez que c'est le bon fichier ou choisissez une autre feuille.",
                                 "en": "Check that it is the right file or choose another sheet."},
    "hint.save-as-xlsx": {"fr": "Ouvrez-le dans Excel et enregistrez-le au format .xlsx, puis ouvrez cette copie.",
                          "en": "Open it in Excel and save it as .xlsx, then open that copy."},
    "hint.business-export": {
        "fr": "Vérifiez que c'est le bon fichier ; s'il vient d'un logiciel métier, exportez-le en CSV ou en Excel.",
        "en": "Check that it is the right file; if it comes from a business application, export it as CSV or Excel."},
    "word.read-error": {"fr": "erreur de lecture", "en": "read error"},
    # ------------------------------------------------------------------ the file itself (core/io/source.py)
    "file-not-found": {"fr": "Le fichier « {path} » est introuvable.", "en": "The file \"{path}\" cannot be found."},
    "file-not-found.hint": {"fr": "Vérifiez le nom et le dossier du fichier (il a peut-être été déplacé ou renommé).",
                            "en": "Check the file's name and folder (it may have been moved or renamed)."},
    "is-a-folder": {"fr": "« {path} » est un dossier, pas un fichier.", "en": "\"{path}\" is a folder, not a file."},
    "is-a-folder.hint": {"fr": "Choisissez un fichier CSV, Excel ou LibreOffice à l'intérieur de ce dossier.",
                         "en": "Choose a CSV, Excel or LibreOffice file inside this folder."},
    "unreadable": {"fr": "Le fichier « {name} » ne peut pas être lu ({reason}).",
                   "en": "The file \"{name}\" cannot be read ({reason})."},
    "empty-file": {"fr": "Le fichier « {name} » est vide (0 octet).", "en": "The file \"{name}\" is empty (0 bytes)."},
    "empty-file.hint": {
        "fr": "Vérifiez que l'enregistrement ou le téléchargement s'est bien terminé, puis ouvrez le fichier à nouveau.",
        "en": "Check that the saving or the download finished, then open the file again."},
    "locked": {"fr": "Le fichier « {name} » est verrouillé ou vous n'avez pas le droit de le lire.",
               "en": "The file \"{name}\" is locked or you are not allowed to read it."},
    "locked.hint": {
        "fr": "Fermez-le dans Excel ou LibreOffice (ou dans tout autre programme qui l'utilise), "
              "vérifiez vos droits d'accès, puis réessayez.",
        "en": "Close it in Excel or LibreOffice (or in any other program that uses it), "
              "check your access rights, then try again."},
    "too-big": {"fr": "Le fichier « {name} » est trop volumineux (plus de {megabytes} Mo de texte).",
                "en": "The file \"{name}\" is too big (more than {megabytes} MB of text)."},
    "too-big.hint": {"fr": "Découpez le fichier en plusieurs parties, ou filtrez les lignes utiles avant de l'ouvrir.",
                     "en": "Split the file into several parts, or filter the useful rows before opening it."},
    "gzip-damaged": {"fr": "Le fichier compressé « {name} » est endommagé ou incomplet.",
                     "en": "The compressed file \"{name}\" is damaged or incomplete."},
    "gzip-damaged.hint": {"fr": "Téléchargez ou copiez-le à nouveau, puis réessayez.",
                          "en": "Download or copy it again, then try again."},
    "gzip-empty": {"fr": "Le fichier compressé « {name} » ne contient rien.",
                   "en": "The compressed file \"{name}\" contains nothing."},
    # ------------------------------------------------------------------ what the file really is (core/io/sniff.py)
    "binary-file": {"fr": "« {name} » est {what}, pas un tableau de données.",
                    "en": "\"{name}\" is {what}, not a data table."},
    "binary.pdf": {"fr": "un document PDF", "en": "a PDF document"},
    "binary.png": {"fr": "une image PNG", "en": "a PNG image"},
    "binary.jpeg": {"fr": "une image JPEG", "en": "a JPEG image"},
    "binary.gif": {"fr": "une image GIF", "en": "a GIF image"},
    "binary.rar": {"fr": "une archive RAR", "en": "a RAR archive"},
    "binary.7z": {"fr": "une archive 7-Zip", "en": "a 7-Zip archive"},
    "binary.rtf": {"fr": "un document RTF", "en": "an RTF document"},
    "binary.parquet": {"fr": "un fichier Parquet", "en": "a Parquet file"},
    "binary.sqlite": {"fr": "une base SQLite", "en": "an SQLite database"},
    "binary-content": {"fr": "« {name} » n'est pas un fichier texte ni un tableur reconnu (contenu binaire).",
                       "en": "\"{name}\" is neither a text file nor a known spreadsheet (binary content)."},
    "xml-not-workbook": {"fr": "« {name} » est un fichier XML qui n'est pas un classeur Excel.",
                         "en": "\"{name}\" is an XML file that is not an Excel workbook."},
    "xml-not-workbook.hint": {
        "fr": "Ouvrez-le dans le logiciel qui l'a produit et exportez-le en CSV ou en Excel (.xlsx).",
        "en": "Open it in the program that produced it and export it as CSV or Excel (.xlsx)."},
    "json-file": {"fr": "« {name} » est un fichier JSON, pas un tableau CSV ou Excel.",
                  "en": "\"{name}\" is a JSON file, not a CSV or Excel table."},
    "json-file.hint": {"fr": "Ouvrez-le dans un tableur ou convertissez-le en CSV, puis ouvrez le fichier CSV.",
                       "en": "Open it in a spreadsheet or convert it to CSV, then open the CSV file."},
    "odf-not-spreadsheet": {"fr": "« {name} » est un document OpenDocument qui n'est pas un classeur.",
                            "en": "\"{name}\" is an OpenDocument file that is not a spreadsheet."},
    "xlsb": {"fr": "« {name} » est un classeur Excel binaire (.xlsb), que CapNum ne lit pas.",
             "en": "\"{name}\" is a binary Excel workbook (.xlsb), which CapNum does not read."},
    "word-document": {"fr": "« {name} » est un document Word, pas un tableur.",
                      "en": "\"{name}\" is a Word document, not a spreadsheet."},
    "powerpoint": {"fr": "« {name} » est une présentation PowerPoint, pas un tableur.",
                   "en": "\"{name}\" is a PowerPoint presentation, not a spreadsheet."},
    "zip-without-workbook": {"fr": "« {name} » est une archive ZIP qui ne contient pas de classeur.",
                             "en": "\"{name}\" is a ZIP archive that holds no workbook."},
    "zip-without-workbook.hint": {"fr": "Décompressez l'archive et ouvrez le fichier CSV ou Excel qu'elle contient.",
                                  "en": "Unzip the archive and open the CSV or Excel file it holds."},
    "old-word": {"fr": "« {name} » est un ancien document Word (.doc), pas un tableur.",
                 "en": "\"{name}\" is an old Word document (.doc), not a spreadsheet."},
    "old-office": {"fr": "« {name} » est un ancien fichier Office qui n'est pas un classeur.",
                   "en": "\"{name}\" is an old Office file that is not a workbook."},
    "format-not-supported": {"fr": "Le format du fichier « {name} » ({format}) n'est pas pris en charge.",
                             "en": "The format of the file \"{name}\" ({format}) is not supported."},
    # ------------------------------------------------------------------ workbooks (sniff, workbook, xlsx, markup)
    "protected": {"fr": "Le classeur « {name} » est protégé par un mot de passe.",
                  "en": "The workbook \"{name}\" is protected by a password."},
    "workbook-damaged": {"fr": "Le classeur « {name} » est endommagé ou incomplet : il ne peut pas être lu.",
                         "en": "The workbook \"{name}\" is damaged or incomplete: it cannot be read."},
    "workbook-damaged.hint": {
        "fr": "Ouvrez-le dans Excel ou LibreOffice : s'il s'ouvre, enregistrez-en une copie (Fichier > "
              "Enregistrer sous) et ouvrez cette copie ; sinon, demandez à nouveau le fichier à son auteur.",
        "en": "Open it in Excel or LibreOffice: if it opens, save a copy (File > Save As) and open that "
              "copy; otherwise, ask its author for the file again."},
    "oversized-workbook": {
        "fr": "Le classeur « {name} » a une structure anormale (contenu compressé démesuré) : "
              "par sécurité, il n'est pas ouvert.",
        "en": "The workbook \"{name}\" has an abnormal structure (oversized compressed content): "
              "for safety, it is not opened."},
    "oversized-workbook.hint": {
        "fr": "Si le fichier vient d'une source sûre, ouvrez-le dans Excel ou LibreOffice et enregistrez-en "
              "une copie, puis ouvrez cette copie ; sinon, supprimez-le.",
        "en": "If the file comes from a safe source, open it in Excel or LibreOffice and save a copy, "
              "then open that copy; otherwise, delete it."},
    "sheet-missing": {"fr": "La feuille « {sheet} » n'existe pas dans « {name} ».",
                      "en": "The sheet \"{sheet}\" does not exist in \"{name}\"."},
    "sheet-missing.hint": {"fr": "Feuilles disponibles : {sheets}.", "en": "Available sheets: {sheets}."},
    "html-no-table": {"fr": "« {name} » est une page HTML qui ne contient aucun tableau.",
                      "en": "\"{name}\" is an HTML page that holds no table."},
    "html-no-table.hint": {"fr": "Ouvrez-la dans Excel ou LibreOffice et enregistrez-la au format .xlsx ou CSV.",
                           "en": "Open it in Excel or LibreOffice and save it as .xlsx or CSV."},
    "xml-workbook-damaged": {"fr": "Le classeur XML « {name} » est endommagé ou incomplet : il ne peut pas être lu.",
                             "en": "The XML workbook \"{name}\" is damaged or incomplete: it cannot be read."},
    "xml-workbook-no-sheet": {"fr": "Le classeur XML « {name} » ne contient aucune feuille.",
                              "en": "The XML workbook \"{name}\" holds no sheet."},
    # ------------------------------------------------------------------ text files (core/io/delimited.py)
    "unknown-encoding": {"fr": "L'encodage « {encoding} » n'est pas connu.", "en": "The encoding \"{encoding}\" is not known."},
    "unknown-encoding.hint": {"fr": "Essayez utf-8, cp1252 (Windows) ou latin-1.",
                              "en": "Try utf-8, cp1252 (Windows) or latin-1."},
    "bad-delimiter": {"fr": "Le séparateur « {delimiter} » ne convient pas : il faut un seul caractère.",
                      "en": "The delimiter \"{delimiter}\" does not fit: it must be a single character."},
    "bad-delimiter.hint": {"fr": "Indiquez ; , | ou tab (tabulation), ou laissez CapNum le détecter.",
                           "en": "Give ; , | or tab, or let CapNum detect it."},
    "line-too-long": {"fr": "« {name} » contient une ligne de plus de {megabytes} Mo : ce n'est pas un tableau lisible.",
                      "en": "\"{name}\" has a line longer than {megabytes} MB: it is not a readable table."},
    "line-too-long.hint": {"fr": "Vérifiez que c'est bien un fichier CSV (des lignes séparées par des retours à la ligne).",
                           "en": "Check that it really is a CSV file (lines separated by line breaks)."},
    "csv-unreadable": {"fr": "« {name} » n'a pas pu être lu comme un fichier CSV (ligne {line}).",
                       "en": "\"{name}\" could not be read as a CSV file (line {line})."},
    "csv-unreadable.hint": {
        "fr": "Vérifiez le séparateur et les guillemets, ou indiquez le séparateur avec l'option séparateur.",
        "en": "Check the delimiter and the quotes, or give the delimiter with the delimiter option."},
    # ------------------------------------------------------------------ recipes (core/recipe.py)
    "not-a-recipe": {"fr": "Ce fichier n'est pas une recette CapNum.", "en": "This file is not a CapNum recipe."},
    "recipe-too-new": {"fr": "Cette recette a été faite par une version plus récente de CapNum (format {version}).",
                       "en": "This recipe was made by a newer version of CapNum (format {version})."},
    "recipe-too-new.hint": {"fr": "Mettez CapNum à jour pour l'utiliser.", "en": "Update CapNum to use it."},
    "recipe-not-found": {"fr": "La recette « {name} » est introuvable.", "en": "The recipe \"{name}\" cannot be found."},
    "recipe-not-found.hint": {"fr": "Vérifiez le chemin du fichier.", "en": "Check the file's path."},
    "recipe-unreadable": {"fr": "La recette « {name} » ne peut pas être lue (JSON invalide).",
                          "en": "The recipe \"{name}\" cannot be read (invalid JSON)."},
    # ------------------------------------------------------------------ the catalogue (core/schemas/catalogue.py)
    "schema-field-missing": {"fr": "Le schéma « {title} » n'a pas de champ « {field} ».",
                             "en": "The schema \"{title}\" has no field \"{field}\"."},
    "catalogue-damaged": {"fr": "Le catalogue des schémas intégrés est introuvable ou abîmé.",
                          "en": "The catalogue of bundled schemas is missing or damaged."},
    "catalogue-damaged.hint": {"fr": "Réinstallez CapNum, ou chargez un fichier de schéma (Table Schema JSON ou YAML).",
                               "en": "Reinstall CapNum, or load a schema file (Table Schema JSON or YAML)."},
    "schema-version-missing": {"fr": "Le schéma « {title} » n'est pas disponible en version {version}.",
                               "en": "The schema \"{title}\" is not available in version {version}."},
    "schema-version-missing.hint": {
        "fr": "Versions disponibles : {versions}. Une autre version peut être ajoutée avec « capnum schemas --import FICHIER ».",
        "en": "Available versions: {versions}. Another version can be added with \"capnum schemas --import FILE\"."},
    "schema-not-found": {"fr": "Schéma introuvable : « {name} » n'est ni un schéma du catalogue ni un fichier.",
                         "en": "Schema not found: \"{name}\" is neither a schema of the catalogue nor a file."},
    "schema-not-found.hint": {
        "fr": "Tapez « capnum schemas » pour voir les identifiants du catalogue (ex. scdl/subventions), "
              "ou indiquez le chemin d'un fichier Table Schema (.json, .yaml).",
        "en": "Type \"capnum schemas\" to see the catalogue's identifiers (e.g. scdl/subventions), "
              "or give the path of a Table Schema file (.json, .yaml)."},
    "schema-file-unreadable": {"fr": "Le fichier de schéma « {name} » ne peut pas être lu.",
                               "en": "The schema file \"{name}\" cannot be read."},
    "schema-file-syntax": {"fr": "Le fichier de schéma « {name} » n'est pas un JSON ou YAML valide.",
                           "en": "The schema file \"{name}\" is not valid JSON or YAML."},
    "schema-file-syntax.hint": {
        "fr": "Ouvrez-le dans un éditeur de texte pour corriger la syntaxe, ou choisissez un schéma du catalogue.",
        "en": "Open it in a text editor to correct the syntax, or choose a schema from the catalogue."},
    "not-a-schema": {"fr": "Le fichier « {name} » ne décrit pas un schéma (Table Schema ou datapackage).",
                     "en": "The file \"{name}\" does not describe a schema (Table Schema or datapackage)."},
    "package-without-schema": {"fr": "Le datapackage « {name} » ne contient aucune ressource avec un schéma.",
                               "en": "The datapackage \"{name}\" holds no resource with a schema."},
    "package-schema-missing": {"fr": "Le schéma « {name} » cité par le datapackage est introuvable à côté de lui.",
                               "en": "The schema \"{name}\" the datapackage names cannot be found next to it."},
    "schema-without-named-fields": {
        "fr": "Ce fichier n'est pas un Table Schema utilisable : il ne contient pas de liste de champs nommés.",
        "en": "This file is not a usable Table Schema: it holds no list of named fields."},
    # ------------------------------------------------------------------ schemas (core/validation/schema_view.py, schema_check.py)
    "schema-unreadable": {"fr": "Le schéma « {name} » ne peut pas être lu.", "en": "The schema \"{name}\" cannot be read."},
    "schema-not-recognised": {"fr": "Le schéma fourni n'est pas reconnu.", "en": "The schema given is not recognised."},
    "schema-no-fields": {"fr": "Le schéma ne décrit aucune colonne (propriété « fields » absente).",
                         "en": "The schema describes no column (no \"fields\" property)."},
    "unusable-schema": {"fr": "Ce schéma ne peut pas servir à valider : {problems}.",
                        "en": "This schema cannot be used to validate: {problems}."},
    "unusable-schema-more": {"fr": "Ce schéma ne peut pas servir à valider : {problems} ; et {more}.",
                             "en": "This schema cannot be used to validate: {problems}; and {more}."},
    "unusable-schema.hint": {
        "fr": "Corrigez le fichier de schéma (ou demandez-en une version corrigée à son producteur), "
              "ou choisissez un schéma du catalogue.",
        "en": "Correct the schema file (or ask its producer for a corrected version), or choose a schema "
              "from the catalogue."},
    "count.more": {"fr": "autre problème|autres problèmes", "en": "other problem|other problems"},
    "schema.field-twice": {"fr": "le champ « {field} » est décrit {times} fois",
                           "en": "the field \"{field}\" is described {times} times"},
    "schema.primary-key-unknown": {
        "fr": "la clé primaire (primaryKey) cite le champ « {field} », que le schéma ne décrit pas",
        "en": "the primary key (primaryKey) names the field \"{field}\", which the schema does not describe"},
    "schema.unique-key-unknown": {
        "fr": "une clé d'unicité (uniqueKeys) cite le champ « {field} », que le schéma ne décrit pas",
        "en": "a unique key (uniqueKeys) names the field \"{field}\", which the schema does not describe"},
    "schema.unknown-type": {"fr": "le champ « {field} » a un type inconnu (« {type} »)",
                            "en": "the field \"{field}\" has an unknown type (\"{type}\")"},
    "schema.constraints-unreadable": {"fr": "les contraintes du champ « {field} » ne sont pas lisibles",
                                      "en": "the constraints of the field \"{field}\" cannot be read"},
    "schema.enum-not-list": {"fr": "la liste de valeurs (enum) du champ « {field} » n'est pas une liste",
                             "en": "the list of values (enum) of the field \"{field}\" is not a list"},
    "schema.bad-pattern": {
        "fr": "la forme (pattern) du champ « {field} » n'est pas une expression régulière valide",
        "en": "the form (pattern) of the field \"{field}\" is not a valid regular expression"},
    "schema.length-not-integer": {"fr": "la contrainte {constraint} du champ « {field} » n'est pas un nombre entier",
                                  "en": "the constraint {constraint} of the field \"{field}\" is not a whole number"},
    "schema.foreign-key-malformed": {"fr": "une clé étrangère (foreignKeys) est mal formée",
                                     "en": "a foreign key (foreignKeys) is malformed"},
    "schema.foreign-key-unknown": {
        "fr": "une clé étrangère cite le champ « {field} », que le schéma ne décrit pas",
        "en": "a foreign key names the field \"{field}\", which the schema does not describe"},
    "schema.foreign-key-target-unknown": {
        "fr": "une clé étrangère renvoie au champ « {field} », que le schéma ne décrit pas",
        "en": "a foreign key refers to the field \"{field}\", which the schema does not describe"},
    "schema.foreign-key-sizes": {
        "fr": "une clé étrangère n'a pas autant de champs que le champ qu'elle référence",
        "en": "a foreign key does not have as many fields as the field it refers to"},
    # ------------------------------------------------------------------ the table (core/io/assemble.py)
    "no-data": {"fr": "Le fichier « {name} » ne contient aucune donnée.", "en": "The file \"{name}\" holds no data."},
    "no-data-in-sheet": {"fr": "Le fichier « {name} » ne contient aucune donnée (feuille « {sheet} »).",
                         "en": "The file \"{name}\" holds no data (sheet \"{sheet}\")."},
    "header-line-missing": {"fr": "La ligne d'en-tête demandée ({line}) n'existe pas dans « {name} ».",
                            "en": "The requested header line ({line}) does not exist in \"{name}\"."},
    "header-line-missing.hint": {
        "fr": "Indiquez le numéro de la ligne qui contient les noms de colonnes, tel qu'il apparaît dans le tableur.",
        "en": "Give the number of the line that holds the column names, as the spreadsheet shows it."},
    # ------------------------------------------------------------------ importing a catalogue (core/schemas)
    "import-archive-unreadable": {"fr": "L'archive « {name} » est illisible ou abîmée.",
                                  "en": "The archive \"{name}\" is unreadable or damaged."},
    "import-archive-empty": {"fr": "L'archive « {name} » ne contient aucun schéma (Table Schema).",
                             "en": "The archive \"{name}\" holds no schema (Table Schema)."},
    "import-index-unreadable": {"fr": "Le catalogue « {path} » est illisible ou incomplet.",
                                "en": "The catalogue \"{path}\" is unreadable or incomplete."},
    "import-file-missing": {"fr": "Le catalogue cite « {name} » ({schema_id}), absent de l'archive.",
                            "en": "The catalogue lists \"{name}\" ({schema_id}), which is not in the archive."},
    # ------------------------------------------------------------------ corrections (core/edits.py)
    "default.edit": {"fr": "Rechargez le fichier ou refaites la correction à la main.",
                     "en": "Reload the file or make the correction again by hand."},
    "edit-not-a-field": {"fr": "La colonne « {field} » n'est pas un champ du schéma : aucune conversion ne s'applique.",
                         "en": "The column \"{field}\" is not a field of the schema: no conversion applies."},
    "edit-not-a-field.hint": {"fr": "Choisissez une colonne du schéma.", "en": "Choose a column of the schema."},
    # ------------------------------------------------------------------ export (core/export)
    "export-hidden-folder": {"fr": "Le dossier d'export ne doit pas être caché (nom commençant par un point).",
                             "en": "The export folder must not be hidden (a name starting with a dot)."},
    "export-hidden-folder.hint": {"fr": "Choisissez un dossier visible.", "en": "Choose a visible folder."},
    "export-not-a-folder": {"fr": "« {folder} » existe déjà et n'est pas un dossier.",
                            "en": "\"{folder}\" already exists and is not a folder."},
    "export-not-a-folder.hint": {"fr": "Choisissez un autre nom de dossier.", "en": "Choose another folder name."},
    "export-folder-not-empty": {"fr": "Le dossier « {folder} » existe déjà et n'est pas vide.",
                                "en": "The folder \"{folder}\" already exists and is not empty."},
    "export-folder-not-empty.hint": {
        "fr": "Choisissez un autre dossier, ou confirmez le remplacement (option --overwrite en ligne de commande).",
        "en": "Choose another folder, or confirm the replacement (option --overwrite on the command line)."},
    "export-cannot-create": {"fr": "Impossible de créer le dossier « {folder} » ({reason}).",
                             "en": "The folder \"{folder}\" cannot be created ({reason})."},
    "export-cannot-write": {"fr": "L'export n'a pas pu être écrit ({reason}).",
                            "en": "The export could not be written ({reason})."},
    "export-unknown-licence": {"fr": "Licence inconnue « {licence} ».", "en": "Unknown licence \"{licence}\"."},
    "export-unknown-licence.hint": {"fr": "Licences proposées : {known}.", "en": "Licences offered: {known}."},
    "export-line-ending": {"fr": "Fin de ligne inconnue.", "en": "Unknown line ending."},
    "export-line-ending.hint": {"fr": "Choisissez LF (\\n) ou CRLF (\\r\\n).", "en": "Choose LF (\\n) or CRLF (\\r\\n)."},
}
