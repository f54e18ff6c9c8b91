<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos de CapNum Desktop</source>
        <translation>About CapNum Desktop</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Préparer un tableur administratif pour l&apos;open data : schéma national, données personnelles, validation, export.</source>
        <translation>Prepare an administrative spreadsheet for open data: national schema, personal data, validation, export.</translation>
    </message>
    <message>
        <source>Logiciel libre sous licence &lt;a href=&quot;{url}&quot;&gt;{licence}&lt;/a&gt;.</source>
        <translation>Free software under the &lt;a href=&quot;{url}&quot;&gt;{licence}&lt;/a&gt; licence.</translation>
    </message>
    <message>
        <source>L&apos;application fonctionne hors ligne : vos fichiers ne quittent pas ce poste.</source>
        <translation>The application works offline: your files never leave this computer.</translation>
    </message>
    <message>
        <source>Composants ({count})</source>
        <translation>Components ({count})</translation>
    </message>
    <message>
        <source>Schémas ({count})</source>
        <translation>Schemas ({count})</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>non précisée</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Composant</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Schéma</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>La liste des schémas fournis n&apos;est pas disponible dans cette installation.</source>
        <translation>The list of bundled schemas is not available in this installation.</translation>
    </message>
</context>
<context>
    <name>BulkFixDialog</name>
    <message>
        <source>Corriger une colonne</source>
        <translation>Fix a column</translation>
    </message>
    <message>
        <source>Colonne à corriger</source>
        <translation>Column to fix</translation>
    </message>
    <message>
        <source>Correction à appliquer</source>
        <translation>Fix to apply</translation>
    </message>
    <message>
        <source>Retirer les espaces superflus</source>
        <translation>Remove extra spaces</translation>
    </message>
    <message>
        <source>Mettre en MAJUSCULES</source>
        <translation>Change to UPPER CASE</translation>
    </message>
    <message>
        <source>Mettre en minuscules</source>
        <translation>Change to lower case</translation>
    </message>
    <message>
        <source>Mettre une Majuscule à chaque mot</source>
        <translation>Capitalise Each Word</translation>
    </message>
    <message>
        <source>Remplacer un texte</source>
        <translation>Replace a text</translation>
    </message>
    <message>
        <source>Remplir les cellules vides</source>
        <translation>Fill the empty cells</translation>
    </message>
    <message>
        <source>Appliquer la conversion du schéma (dates, nombres, oui/non…)</source>
        <translation>Apply the schema&apos;s conversion (dates, numbers, yes/no…)</translation>
    </message>
    <message>
        <source>Texte à remplacer</source>
        <translation>Text to replace</translation>
    </message>
    <message>
        <source>Texte de remplacement</source>
        <translation>Replacement text</translation>
    </message>
    <message>
        <source>E&amp;xpression régulière</source>
        <translation>Regular e&amp;xpression</translation>
    </message>
    <message>
        <source>Valeur à mettre dans les cellules vides</source>
        <translation>Value to put in the empty cells</translation>
    </message>
    <message>
        <source>Aperçu de la correction</source>
        <translation>Preview of the fix</translation>
    </message>
    <message>
        <source>&amp;Colonne :</source>
        <translation>Col&amp;umn:</translation>
    </message>
    <message>
        <source>C&amp;orrection :</source>
        <translation>F&amp;ix:</translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Remplacer &amp;par :</source>
        <translation>Replace &amp;with:</translation>
    </message>
    <message>
        <source>&amp;Valeur :</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>&amp;Appliquer</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Le nombre de cellules modifiées sera affiché après l&apos;application.</source>
        <translation>The number of changed cells will be shown once applied.</translation>
    </message>
    <message>
        <source>{n} cellule de « {field} » sera modifiée (Ctrl+Z pour annuler).</source>
        <translation>{n} cell of “{field}” will change (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>{n} cellules de « {field} » seront modifiées (Ctrl+Z pour annuler).</source>
        <translation>{n} cells of “{field}” will change (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Aucune cellule ne change avec cette correction.</source>
        <translation>No cell changes with this fix.</translation>
    </message>
</context>
<context>
    <name>DataGrid</name>
    <message>
        <source>Filtrer les lignes…</source>
        <translation>Filter rows…</translation>
    </message>
    <message>
        <source>Filtrer les lignes</source>
        <translation>Filter rows</translation>
    </message>
    <message>
        <source>Colonne filtrée</source>
        <translation>Filtered column</translation>
    </message>
    <message>
        <source>Filtre :</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Filtrer les lignes (Ctrl+F)</source>
        <translation>Filter the rows (Ctrl+F)</translation>
    </message>
    <message>
        <source>Données du tableau</source>
        <translation>Table data</translation>
    </message>
    <message>
        <source>Flèches pour aller de cellule en cellule, F2 pour modifier, Tab pour sortir du tableau</source>
        <translation>Arrows move from cell to cell, F2 edits, Tab leaves the table</translation>
    </message>
    <message>
        <source>Toutes les colonnes</source>
        <translation>All columns</translation>
    </message>
    <message>
        <source>Filtrage en cours…</source>
        <translation>Filtering…</translation>
    </message>
    <message>
        <source>Tri en cours…</source>
        <translation>Sorting…</translation>
    </message>
    <message>
        <source>{n} lignes × {c} colonnes</source>
        <translation>{n} rows × {c} columns</translation>
    </message>
    <message>
        <source>{shown} lignes affichées sur {n}</source>
        <translation>{shown} rows shown of {n}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>CapNum — problème</source>
        <translation>CapNum — problem</translation>
    </message>
    <message>
        <source>Message d&apos;erreur</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>CapNum — erreur inattendue</source>
        <translation>CapNum — unexpected error</translation>
    </message>
    <message>
        <source>Une erreur inattendue s&apos;est produite. Votre travail est enregistré automatiquement.</source>
        <translation>An unexpected error occurred. Your work is saved automatically.</translation>
    </message>
    <message>
        <source>Vous pouvez copier le rapport (il ne contient aucune donnée du fichier) et l&apos;envoyer au support. Le journal est dans : {folder}</source>
        <translation>You can copy the report (it holds no data from the file) and send it to support. The log is in: {folder}</translation>
    </message>
    <message>
        <source>Copier le rapport</source>
        <translation>Copy the report</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Titre du jeu de données</source>
        <translation>Dataset title</translation>
    </message>
    <message>
        <source>Description du jeu de données</source>
        <translation>Dataset description</translation>
    </message>
    <message>
        <source>Licence de réutilisation</source>
        <translation>Reuse licence</translation>
    </message>
    <message>
        <source>Producteur des données</source>
        <translation>Data producer</translation>
    </message>
    <message>
        <source>ex. : Direction des affaires financières</source>
        <translation>e.g. Finance department</translation>
    </message>
    <message>
        <source>Adresse de contact du service</source>
        <translation>Department&apos;s contact address</translation>
    </message>
    <message>
        <source>ex. : contact-donnees@ministere.gouv.fr</source>
        <translation>e.g. contact-donnees@ministere.gouv.fr</translation>
    </message>
    <message>
        <source>Avertissement sur le contact</source>
        <translation>Warning about the contact</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Licence :</source>
        <translation>&amp;Licence:</translation>
    </message>
    <message>
        <source>CSV (UTF-8, virgule) — toujours produit</source>
        <translation>CSV (UTF-8, comma) — always written</translation>
    </message>
    <message>
        <source>&amp;JSON (tableau d&apos;enregistrements typés)</source>
        <translation>&amp;JSON (array of typed records)</translation>
    </message>
    <message>
        <source>CSV avec &amp;BOM (pour l&apos;ouvrir dans Excel)</source>
        <translation>CSV with BO&amp;M (to open it in Excel)</translation>
    </message>
    <message>
        <source>Fins de ligne &amp;Windows (CRLF)</source>
        <translation>&amp;Windows line endings (CRLF)</translation>
    </message>
    <message>
        <source>Par défaut les lignes finissent par LF, comme le recommande le portail national ; CRLF pour un outil qui l&apos;exige.</source>
        <translation>By default lines end with LF, as the national portal recommends; CRLF for a tool that requires it.</translation>
    </message>
    <message>
        <source>Desc&amp;ription :</source>
        <translation>Desc&amp;ription:</translation>
    </message>
    <message>
        <source>Prod&amp;ucteur :</source>
        <translation>Prod&amp;ucer:</translation>
    </message>
    <message>
        <source>&amp;Contact :</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>&amp;Neutraliser les formules (= + - @)</source>
        <translation>Neutral&amp;ise formulas (= + - @)</translation>
    </message>
    <message>
        <source>Les cellules qui commencent par = + - ou @ sont précédées d&apos;une apostrophe, pour qu&apos;un tableur ne les exécute pas.</source>
        <translation>Cells that start with = + - or @ get a leading apostrophe, so that a spreadsheet does not run them.</translation>
    </message>
    <message>
        <source>Dossier où créer l&apos;export</source>
        <translation>Folder where the export is created</translation>
    </message>
    <message>
        <source>C&amp;hoisir…</source>
        <translation>Choo&amp;se…</translation>
    </message>
    <message>
        <source>Choisir le dossier d&apos;export</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Dossier d&apos;e&amp;xport :</source>
        <translation>Export fol&amp;der:</translation>
    </message>
    <message>
        <source>Peut-on publier ?</source>
        <translation>Can it be published?</translation>
    </message>
    <message>
        <source>Ce qui sera publié</source>
        <translation>What will be published</translation>
    </message>
    <message>
        <source>&amp;Exporter</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>Exporter le jeu de données</source>
        <translation>Export the dataset</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <source>Ouvrir le dossier exporté</source>
        <translation>Open the exported folder</translation>
    </message>
    <message>
        <source>Résultat de l&apos;export</source>
        <translation>Export result</translation>
    </message>
    <message>
        <source>Fichiers écrits</source>
        <translation>Files written</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Jeu de données</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Les fichiers seront écrits dans : {folder}</source>
        <translation>The files will be written in: {folder}</translation>
    </message>
    <message>
        <source>(ce dossier existe déjà : il vous sera demandé s&apos;il faut le remplacer)</source>
        <translation>(this folder already exists: you will be asked whether to replace it)</translation>
    </message>
    <message>
        <source>Dossier d&apos;export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>Rien à publier : ouvrez d&apos;abord un fichier.</source>
        <translation>Nothing to publish: open a file first.</translation>
    </message>
    <message>
        <source>Non publiable en l&apos;état : le tableau n&apos;a aucune ligne de données.</source>
        <translation>Not publishable as it is: the table has no data row.</translation>
    </message>
    <message>
        <source>Pas encore vérifié : la conformité au schéma sera contrôlée à l&apos;export.</source>
        <translation>Not checked yet: conformity to the schema will be checked on export.</translation>
    </message>
    <message>
        <source>Prêt à publier : le tableau est conforme au schéma.</source>
        <translation>Ready to publish: the table conforms to the schema.</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l&apos;état : aucune ligne de données.</source>
        <translation>Exported, but not publishable as it is: no data row.</translation>
    </message>
    <message>
        <source>Aucun tableau à exporter.</source>
        <translation>No table to export.</translation>
    </message>
    <message>
        <source>{rows} lignes et {n} colonnes seront publiées : {columns}.</source>
        <translation>{rows} rows and {n} columns will be published: {columns}.</translation>
    </message>
    <message>
        <source>Retiré pour protéger les personnes : {columns}.</source>
        <translation>Removed to protect people: {columns}.</translation>
    </message>
    <message>
        <source>« {column} » publié au titre d&apos;une exception légale.</source>
        <translation>&quot;{column}&quot; published under a legal exception.</translation>
    </message>
    <message>
        <source>L&apos;étape « Protéger » n&apos;a pas été faite : aucune donnée n&apos;a été retirée.</source>
        <translation>The &quot;Protect&quot; step was not done: no data was removed.</translation>
    </message>
    <message>
        <source>Export annulé : le dossier existant a été conservé.</source>
        <translation>Export cancelled: the existing folder was kept.</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Le dossier existe déjà</source>
        <translation>The folder already exists</translation>
    </message>
    <message>
        <source>Le dossier « {folder} » existe déjà. Le remplacer par ce nouvel export ?</source>
        <translation>The folder &quot;{folder}&quot; already exists. Replace it with this new export?</translation>
    </message>
    <message>
        <source>Export terminé.</source>
        <translation>Export done.</translation>
    </message>
    <message>
        <source>Décrivez le jeu de données puis exportez-le : fichier CSV, JSON, description (datapackage.json), rapports et recette, dans un dossier ; il est prêt à publier quand le tableau est conforme au schéma et a des lignes.</source>
        <translation>Describe the dataset then export it: CSV file, JSON, description (datapackage.json), reports and recipe, in a folder; it is ready to publish when the table conforms to the schema and has rows.</translation>
    </message>
    <message>
        <source>Non publiable en l&apos;état : {n} erreur de validation reste (étape « Vérifier »).</source>
        <translation>Not publishable as it is: {n} validation error remains (step “Verify”).</translation>
    </message>
    <message>
        <source>Non publiable en l&apos;état : {n} erreurs de validation restent (étape « Vérifier »).</source>
        <translation>Not publishable as it is: {n} validation errors remain (step “Verify”).</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l&apos;état : {n} erreur.</source>
        <translation>Exported, but not publishable as it is: {n} error.</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l&apos;état : {n} erreurs.</source>
        <translation>Exported, but not publishable as it is: {n} errors.</translation>
    </message>
    <message>
        <source>« {column} » : {n} cellule transformée ({action}).</source>
        <translation>“{column}”: {n} cell transformed ({action}).</translation>
    </message>
    <message>
        <source>« {column} » : {n} cellules transformées ({action}).</source>
        <translation>“{column}”: {n} cells transformed ({action}).</translation>
    </message>
    <message>
        <source>{n} ligne retirée pour l&apos;anonymat k.</source>
        <translation>{n} row removed for k-anonymity.</translation>
    </message>
    <message>
        <source>{n} lignes retirées pour l&apos;anonymat k.</source>
        <translation>{n} rows removed for k-anonymity.</translation>
    </message>
    <message>
        <source>{n} correction faite à la main.</source>
        <translation>{n} fix made by hand.</translation>
    </message>
    <message>
        <source>{n} corrections faites à la main.</source>
        <translation>{n} fixes made by hand.</translation>
    </message>
    <message>
        <source>Export terminé : {n} fichier dans {folder}.</source>
        <translation>Export done: {n} file in {folder}.</translation>
    </message>
    <message>
        <source>Export terminé : {n} fichiers dans {folder}.</source>
        <translation>Export done: {n} files in {folder}.</translation>
    </message>
    <message>
        <source>L&apos;export a échoué : aucun fichier n&apos;a été laissé à moitié écrit.</source>
        <translation>The export failed: no file was left half-written.</translation>
    </message>
    <message>
        <source>Export interrompu.</source>
        <translation>Export stopped.</translation>
    </message>
    <message>
        <source>C&apos;est terminé : le dossier est prêt à publier.</source>
        <translation>Done: the folder is ready to publish.</translation>
    </message>
    <message>
        <source>Vérifiez la description puis cliquez sur « Exporter ».</source>
        <translation>Check the description then click &quot;Export&quot;.</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Rechercher et remplacer</source>
        <translation>Find and replace</translation>
    </message>
    <message>
        <source>Texte à rechercher</source>
        <translation>Text to find</translation>
    </message>
    <message>
        <source>Texte de remplacement</source>
        <translation>Replacement text</translation>
    </message>
    <message>
        <source>Colonne où chercher</source>
        <translation>Column to search</translation>
    </message>
    <message>
        <source>Respecter la &amp;casse</source>
        <translation>Matc&amp;h case</translation>
    </message>
    <message>
        <source>Respecter les majuscules et minuscules</source>
        <translation>Match upper and lower case</translation>
    </message>
    <message>
        <source>E&amp;xpression régulière</source>
        <translation>Regular e&amp;xpression</translation>
    </message>
    <message>
        <source>Le texte recherché est une expression régulière</source>
        <translation>The text to find is a regular expression</translation>
    </message>
    <message>
        <source>Résultat de la recherche</source>
        <translation>Search result</translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Remplacer &amp;par :</source>
        <translation>Replace &amp;with:</translation>
    </message>
    <message>
        <source>C&amp;olonne :</source>
        <translation>C&amp;olumn:</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Aller à l&apos;occurrence suivante</source>
        <translation>Go to the next match</translation>
    </message>
    <message>
        <source>R&amp;emplacer</source>
        <translation>Re&amp;place</translation>
    </message>
    <message>
        <source>Remplacer dans la cellule affichée</source>
        <translation>Replace in the cell shown</translation>
    </message>
    <message>
        <source>&amp;Tout remplacer</source>
        <translation>Replace &amp;all</translation>
    </message>
    <message>
        <source>Remplacer toutes les occurrences</source>
        <translation>Replace every match</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Toutes les colonnes</source>
        <translation>All columns</translation>
    </message>
    <message>
        <source>Le remplacement est possible une fois le fichier associé à un schéma.</source>
        <translation>Replacing is possible once the file is mapped to a schema.</translation>
    </message>
    <message>
        <source>Expression régulière incorrecte : {error}.</source>
        <translation>Incorrect regular expression: {error}.</translation>
    </message>
    <message>
        <source>Aucune occurrence.</source>
        <translation>No match.</translation>
    </message>
    <message>
        <source>Occurrence {i} sur {n} : ligne {row}, « {field} ».</source>
        <translation>Match {i} of {n}: row {row}, &quot;{field}&quot;.</translation>
    </message>
    <message>
        <source>Le texte de remplacement ne correspond pas à l&apos;expression.</source>
        <translation>The replacement text does not fit the expression.</translation>
    </message>
    <message>
        <source>remplacer « {text} » partout</source>
        <translation>replace &quot;{text}&quot; everywhere</translation>
    </message>
    <message>
        <source>{n} cellule modifiée. Ctrl+Z pour annuler.</source>
        <translation>{n} cell changed. Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>{n} cellules modifiées. Ctrl+Z pour annuler.</source>
        <translation>{n} cells changed. Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>quasi certain</source>
        <translation>almost certain</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>likely</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>Tranches d&apos;âge de {width} ans ({top} ans et plus)</source>
        <translation>Age bands of {width} years ({top} and over)</translation>
    </message>
    <message>
        <source>Âge calculé depuis la date de naissance, tranches de {width} ans ({top} ans et plus)</source>
        <translation>Age computed from the date of birth, bands of {width} years ({top} and over)</translation>
    </message>
    <message>
        <source>Département (tiré du code postal)</source>
        <translation>Département (from the postal code)</translation>
    </message>
    <message>
        <source>Département de la commune</source>
        <translation>Département of the commune</translation>
    </message>
    <message>
        <source>Département pour les petites communes seulement</source>
        <translation>Département for small communes only</translation>
    </message>
    <message>
        <source>Intercommunalité (EPCI) de la commune</source>
        <translation>The commune&apos;s intercommunality (EPCI)</translation>
    </message>
    <message>
        <source>Mois (AAAA-MM)</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Coordonnées arrondies au degré (environ 100 km)</source>
        <translation>Coordinates rounded to the degree (about 100 km)</translation>
    </message>
    <message>
        <source>Coordonnées arrondies au dixième de degré (environ 10 km)</source>
        <translation>Coordinates rounded to a tenth of a degree (about 10 km)</translation>
    </message>
    <message>
        <source>Coordonnées arrondies à {n} décimales</source>
        <translation>Coordinates rounded to {n} decimals</translation>
    </message>
    <message>
        <source>France / Union européenne / hors UE</source>
        <translation>France / European Union / outside the EU</translation>
    </message>
    <message>
        <source>Colonne « {column} »</source>
        <translation>Column &quot;{column}&quot;</translation>
    </message>
    <message>
        <source>« {column} » → {field} : {label}</source>
        <translation>“{column}” → {field}: {label}</translation>
    </message>
    <message>
        <source>« {column} » : {label}</source>
        <translation>&quot;{column}&quot;: {label}</translation>
    </message>
    <message>
        <source>Détection : {word}</source>
        <translation>Detection: {word}</translation>
    </message>
    <message>
        <source>Indices trouvés</source>
        <translation>Evidence found</translation>
    </message>
    <message>
        <source>Règle : {text} ({refs})</source>
        <translation>Rule: {text} ({refs})</translation>
    </message>
    <message>
        <source>Règle : {text}</source>
        <translation>Rule: {text}</translation>
    </message>
    <message>
        <source>Règle applicable</source>
        <translation>Applicable rule</translation>
    </message>
    <message>
        <source>Action pour la colonne « {column} »</source>
        <translation>Action for the column &quot;{column}&quot;</translation>
    </message>
    <message>
        <source>{label} (proposé)</source>
        <translation>{label} (proposed)</translation>
    </message>
    <message>
        <source>Méthode de généralisation pour la colonne « {column} »</source>
        <translation>Generalisation method for column “{column}”</translation>
    </message>
    <message>
        <source>Le niveau auquel les valeurs sont regroupées : plus il est grossier, plus le risque de ré-identification baisse.</source>
        <translation>How coarsely values are grouped: the coarser, the lower the risk of re-identification.</translation>
    </message>
    <message>
        <source>Exception légale qui permet de publier la colonne</source>
        <translation>Legal exception that allows publishing the column</translation>
    </message>
    <message>
        <source>— choisissez l&apos;exception qui s&apos;applique —</source>
        <translation>— choose the exception that applies —</translation>
    </message>
    <message>
        <source>Texte qui impose la publication</source>
        <translation>Text that requires publication</translation>
    </message>
    <message>
        <source>ex. : décret n° 2017-779 du 5 mai 2017</source>
        <translation>e.g. décret n° 2017-779 du 5 mai 2017</translation>
    </message>
    <message>
        <source>Ce que le schéma et l&apos;objet des lignes changent</source>
        <translation>What the schema and the subject of the rows change</translation>
    </message>
    <message>
        <source>Motif du choix, inscrit dans le rapport de traitement</source>
        <translation>Reason for the choice, recorded in the processing report</translation>
    </message>
    <message>
        <source>ex. : décision du DPO du 2 décembre</source>
        <translation>e.g. DPO decision of 2 December</translation>
    </message>
    <message>
        <source>Action :</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Méthode :</source>
        <translation>Method:</translation>
    </message>
    <message>
        <source>Exception :</source>
        <translation>Exception:</translation>
    </message>
    <message>
        <source>Texte cité :</source>
        <translation>Cited text:</translation>
    </message>
    <message>
        <source>Motif :</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Cette donnée ne peut pas être publiée telle quelle : la règle ci-dessus l&apos;interdit, sauf exception prévue par la loi. Pour la conserver, choisissez l&apos;exception qui s&apos;applique ; elle sera inscrite dans le rapport de traitement. Sinon, choisissez une autre action.</source>
        <translation>This data cannot be published as is: the rule above forbids it, unless the law provides an exception. To keep it, choose the exception that applies; it will be written in the processing report. Otherwise, choose another action.</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>« {field} » : {mark}</source>
        <translation>&quot;{field}&quot;: {mark}</translation>
    </message>
    <message>
        <source>« {field} » — {kind} : {n}</source>
        <translation>&quot;{field}&quot; — {kind}: {n}</translation>
    </message>
    <message>
        <source>{kind} dans « {field} », {n} cellule</source>
        <translation>{kind} in &quot;{field}&quot;, {n} cell</translation>
    </message>
    <message>
        <source>{kind} dans « {field} », {n} cellules</source>
        <translation>{kind} in &quot;{field}&quot;, {n} cells</translation>
    </message>
    <message>
        <source>Ligne {row} : {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>… et {n} autre : corrigez les premières ou utilisez une correction de colonne.</source>
        <translation>… and {n} more: fix the first ones or use a column fix.</translation>
    </message>
    <message>
        <source>… et {n} autres : corrigez les premières ou utilisez une correction de colonne.</source>
        <translation>… and {n} more: fix the first ones or use a column fix.</translation>
    </message>
    <message>
        <source>« {field} » : {mark}. Le schéma exige ce champ : revenez à l&apos;étape Protéger pour choisir une autre action (retirer les lignes concernées, ou conserver avec l&apos;exception légale).</source>
        <translation>&quot;{field}&quot;: {mark}. The schema requires this field: go back to the Protect step to choose another action (remove the rows concerned, or keep it under the legal exception).</translation>
    </message>
    <message>
        <source>{n} erreur dans cette colonne</source>
        <translation>{n} error in this column</translation>
    </message>
    <message>
        <source>{n} erreurs dans cette colonne</source>
        <translation>{n} errors in this column</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Lecture de l&apos;aperçu…</source>
        <translation>Reading the preview…</translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Chargement du schéma…</source>
        <translation>Loading the schema…</translation>
    </message>
    <message>
        <source>Association au schéma…</source>
        <translation>Mapping to the schema…</translation>
    </message>
    <message>
        <source>Conversion des valeurs…</source>
        <translation>Converting values…</translation>
    </message>
    <message>
        <source>Recherche de données personnelles…</source>
        <translation>Looking for personal data…</translation>
    </message>
    <message>
        <source>Protection des données…</source>
        <translation>Protecting the data…</translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Tri…</source>
        <translation>Sorting…</translation>
    </message>
    <message>
        <source>Traitement en cours…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reprendre le travail ?</source>
        <translation>Resume the work?</translation>
    </message>
    <message>
        <source>CapNum s&apos;est arrêté sans fermer normalement. {what}
Reprendre ce travail ?</source>
        <translation>CapNum stopped without closing normally. {what}
Resume this work?</translation>
    </message>
    <message>
        <source>Tableaux (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)</source>
        <translation>Tables (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>CapNum Desktop</source>
        <translation>CapNum Desktop</translation>
    </message>
    <message>
        <source>Étapes</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Les cinq étapes de la préparation ; flèches pour choisir</source>
        <translation>The five preparation steps; arrows to choose</translation>
    </message>
    <message>
        <source>Cette étape n&apos;est pas disponible dans cette version.</source>
        <translation>This step is not available in this version.</translation>
    </message>
    <message>
        <source>◀ &amp;Précédent</source>
        <translation>◀ &amp;Back</translation>
    </message>
    <message>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Étape précédente (Alt+←)</source>
        <translation>Previous step (Alt+←)</translation>
    </message>
    <message>
        <source>&amp;Suivant ▶</source>
        <translation>&amp;Next ▶</translation>
    </message>
    <message>
        <source>Étape suivante</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Étape suivante (Alt+→ ; Entrée hors d&apos;un champ de saisie)</source>
        <translation>Next step (Alt+→; Enter outside a text field)</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Ouvrir la &amp;démonstration</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <source>Fichiers &amp;récents</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>&amp;Fermer le fichier</source>
        <translation>&amp;Close the file</translation>
    </message>
    <message>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Rechercher et rem&amp;placer…</source>
        <translation>Find and re&amp;place…</translation>
    </message>
    <message>
        <source>&amp;Filtrer les lignes</source>
        <translation>&amp;Filter rows</translation>
    </message>
    <message>
        <source>Étape &amp;suivante</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <source>Étape pré&amp;cédente</source>
        <translation>Pre&amp;vious step</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À &amp;propos de CapNum</source>
        <translation>&amp;About CapNum</translation>
    </message>
    <message>
        <source>Ouvrir le dossier des &amp;journaux</source>
        <translation>Open the &amp;logs folder</translation>
    </message>
    <message>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Ouvrir un tableau</source>
        <translation>Open a table</translation>
    </message>
    <message>
        <source>Le fichier {name} est introuvable.</source>
        <translation>The file {name} cannot be found.</translation>
    </message>
    <message>
        <source>Travail non exporté</source>
        <translation>Work not exported</translation>
    </message>
    <message>
        <source>Le travail en cours n&apos;a pas été exporté. L&apos;abandonner ?</source>
        <translation>The current work has not been exported. Discard it?</translation>
    </message>
    <message>
        <source>étape en cours</source>
        <translation>current step</translation>
    </message>
    <message>
        <source>terminée</source>
        <translation>done</translation>
    </message>
    <message>
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <source>pas encore accessible</source>
        <translation>not available yet</translation>
    </message>
    <message>
        <source>Tâche annulée.</source>
        <translation>Task cancelled.</translation>
    </message>
    <message>
        <source>À propos de CapNum</source>
        <translation>About CapNum</translation>
    </message>
    <message>
        <source>CapNum Desktop {version}</source>
        <translation>CapNum Desktop {version}</translation>
    </message>
    <message>
        <source>La langue changera dès que la tâche en cours sera terminée.</source>
        <translation>The language will change as soon as the running task ends.</translation>
    </message>
    <message>
        <source>Quitter CapNum</source>
        <translation>Quit CapNum</translation>
    </message>
    <message>
        <source>Le travail en cours n&apos;a pas été exporté.</source>
        <translation>The current work has not been exported.</translation>
    </message>
    <message>
        <source>Le garder pour le reprendre au prochain démarrage ?</source>
        <translation>Keep it to resume at the next start?</translation>
    </message>
    <message>
        <source>&amp;Garder pour plus tard</source>
        <translation>&amp;Keep for later</translation>
    </message>
    <message>
        <source>&amp;Abandonner</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>choisie</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>sûre</source>
        <translation>sure</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>likely</translation>
    </message>
    <message>
        <source>incertaine</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <source>Rechercher un schéma (ex. : subventions, marchés, IRVE)…</source>
        <translation>Search a schema (e.g. subsidies, contracts, charging stations)…</translation>
    </message>
    <message>
        <source>Rechercher un schéma dans le catalogue</source>
        <translation>Search the catalogue for a schema</translation>
    </message>
    <message>
        <source>Schémas du catalogue</source>
        <translation>Catalogue schemas</translation>
    </message>
    <message>
        <source>&amp;Utiliser ce schéma</source>
        <translation>&amp;Use this schema</translation>
    </message>
    <message>
        <source>Utiliser le schéma sélectionné</source>
        <translation>Use the selected schema</translation>
    </message>
    <message>
        <source>Charger un schéma depuis un fichier</source>
        <translation>Load a schema from a file</translation>
    </message>
    <message>
        <source>Déduire un schéma des colonnes du tableau</source>
        <translation>Infer a schema from the table&apos;s columns</translation>
    </message>
    <message>
        <source>Quand aucun schéma national ne convient : un schéma décrit les colonnes telles qu&apos;elles sont.</source>
        <translation>When no national schema fits: a schema that describes the columns as they are.</translation>
    </message>
    <message>
        <source>Sché&amp;ma depuis un fichier…</source>
        <translation>Sche&amp;ma from a file…</translation>
    </message>
    <message>
        <source>Déduire du &amp;tableau</source>
        <translation>Infer from the &amp;table</translation>
    </message>
    <message>
        <source>&amp;Importer un schéma…</source>
        <translation>&amp;Import a schema…</translation>
    </message>
    <message>
        <source>Importer un schéma ou un catalogue téléchargé</source>
        <translation>Import a downloaded schema or catalogue</translation>
    </message>
    <message>
        <source>Ajoute au catalogue hors ligne un schéma (schema.json) ou un catalogue (.zip) téléchargé depuis schema.data.gouv.fr.</source>
        <translation>Adds a schema (schema.json) or a catalogue (.zip) downloaded from schema.data.gouv.fr to the offline catalogue.</translation>
    </message>
    <message>
        <source>Version du schéma</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>La plus récente par défaut ; choisissez celle qu&apos;on vous demande.</source>
        <translation>The latest by default; choose the one you are asked for.</translation>
    </message>
    <message>
        <source>Sc&amp;héma :</source>
        <translation>&amp;Schema:</translation>
    </message>
    <message>
        <source>Association des champs du schéma aux colonnes du fichier</source>
        <translation>Mapping of the schema&apos;s fields to the file&apos;s columns</translation>
    </message>
    <message>
        <source>Champ du schéma</source>
        <translation>Schema field</translation>
    </message>
    <message>
        <source>Colonne du fichier</source>
        <translation>File column</translation>
    </message>
    <message>
        <source>Confiance</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Valeur constante</source>
        <translation>Constant value</translation>
    </message>
    <message>
        <source>Valeurs non converties</source>
        <translation>Values not converted</translation>
    </message>
    <message>
        <source>&amp;Version :</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Associer au schéma</source>
        <translation>Map to the schema</translation>
    </message>
    <message>
        <source>Choisissez le schéma national du jeu de données, puis vérifiez quelle colonne du fichier remplit chaque champ.</source>
        <translation>Choose the dataset&apos;s national schema, then check which column of the file fills each field.</translation>
    </message>
    <message>
        <source>Charger un schéma</source>
        <translation>Load a schema</translation>
    </message>
    <message>
        <source>Schémas (*.json *.yaml *.yml);;Tous les fichiers (*)</source>
        <translation>Schemas (*.json *.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>Importer un schéma</source>
        <translation>Import a schema</translation>
    </message>
    <message>
        <source>Schémas et catalogues (*.json *.yaml *.yml *.zip);;Tous les fichiers (*)</source>
        <translation>Schemas and catalogues (*.json *.yaml *.yml *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Ajouté au catalogue : {names}.</source>
        <translation>Added to the catalogue: {names}.</translation>
    </message>
    <message>
        <source>(la plus récente)</source>
        <translation>(latest)</translation>
    </message>
    <message>
        <source>Aucun schéma choisi.</source>
        <translation>No schema chosen.</translation>
    </message>
    <message>
        <source>Schéma : {title}{version} — {n} champs</source>
        <translation>Schema: {title}{version} — {n} fields</translation>
    </message>
    <message>
        <source>(obligatoire)</source>
        <translation>(required)</translation>
    </message>
    <message>
        <source>Colonne du fichier pour le champ {field}</source>
        <translation>File column for the field {field}</translation>
    </message>
    <message>
        <source>— aucune —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Valeur constante pour le champ {field}</source>
        <translation>Constant value for the field {field}</translation>
    </message>
    <message>
        <source>même valeur partout</source>
        <translation>same value everywhere</translation>
    </message>
    <message>
        <source>constante</source>
        <translation>constant</translation>
    </message>
    <message>
        <source>Confiance de la suggestion</source>
        <translation>Confidence of the suggestion</translation>
    </message>
    <message>
        <source>{n} valeurs ne sont pas au format attendu : elles seront signalées à l&apos;étape Vérifier. Cliquez pour les voir.</source>
        <translation>{n} values are not in the expected format: they will be reported at the Check step. Click to see them.</translation>
    </message>
    <message>
        <source>⚠ Champs obligatoires sans colonne ni valeur : {fields}. Choisissez une colonne ou saisissez une valeur constante, sinon chaque ligne sera en erreur.</source>
        <translation>⚠ Required fields with no column or value: {fields}. Choose a column or type a constant value, otherwise every row will be in error.</translation>
    </message>
    <message>
        <source>{mapped} champs sur {total} remplis.</source>
        <translation>{mapped} of {total} fields filled.</translation>
    </message>
    <message>
        <source>Colonnes du fichier non reprises (elles ne seront pas publiées) : {cols}.</source>
        <translation>File columns not used (they will not be published): {cols}.</translation>
    </message>
    <message>
        <source>Recherche du schéma qui correspond aux colonnes…</source>
        <translation>Looking for the schema that fits the columns…</translation>
    </message>
    <message>
        <source>Schéma suggéré d&apos;après les colonnes : « {title} » (correspondance {score}, {filled} champs obligatoires sur {total}). « Suivant » ou « Utiliser ce schéma » le prend.</source>
        <translation>Schema suggested from the columns: “{title}” (fit {score}, {filled} of {total} required fields). “Next” or “Use this schema” takes it.</translation>
    </message>
    <message>
        <source>Aucun schéma du catalogue ne correspond bien aux colonnes (le plus proche : « {title} », {score}) : choisissez-en un ou « Déduire du tableau ».</source>
        <translation>No catalogue schema fits the columns well (the closest: “{title}”, {score}): choose one or “Infer from the table”.</translation>
    </message>
    <message>
        <source>Autres : {others}.</source>
        <translation>Others: {others}.</translation>
    </message>
    <message>
        <source>⚠ Couverture faible : seuls {filled} champs obligatoires sur {total} sont remplis. Le fichier publié aura une erreur par ligne pour chacun des autres. Vérifiez le schéma choisi et les colonnes, ou cliquez de nouveau sur « Suivant » pour continuer quand même.</source>
        <translation>⚠ Low coverage: only {filled} of {total} required fields are filled. The published file will have one error per row for each of the others. Check the chosen schema and the columns, or click “Next” again to go on anyway.</translation>
    </message>
    <message>
        <source>Choisissez un schéma (catalogue, fichier ou déduit du tableau).</source>
        <translation>Choose a schema (catalogue, file or inferred from the table).</translation>
    </message>
    <message>
        <source>Conversion des valeurs en cours…</source>
        <translation>Converting values…</translation>
    </message>
    <message>
        <source>Associez au moins une colonne à un champ.</source>
        <translation>Map at least one column to a field.</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>point-virgule ( ; )</source>
        <translation>semicolon ( ; )</translation>
    </message>
    <message>
        <source>virgule ( , )</source>
        <translation>comma ( , )</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>barre ( | )</source>
        <translation>pipe ( | )</translation>
    </message>
    <message>
        <source>deux-points ( : )</source>
        <translation>colon ( : )</translation>
    </message>
    <message>
        <source>CSV (texte)</source>
        <translation>CSV (text)</translation>
    </message>
    <message>
        <source>TSV (texte)</source>
        <translation>TSV (text)</translation>
    </message>
    <message>
        <source>page web (HTML)</source>
        <translation>web page (HTML)</translation>
    </message>
    <message>
        <source>Format détecté</source>
        <translation>Detected format</translation>
    </message>
    <message>
        <source>Encodage des caractères</source>
        <translation>Character encoding</translation>
    </message>
    <message>
        <source>Séparateur de colonnes</source>
        <translation>Column separator</translation>
    </message>
    <message>
        <source>Feuille du classeur</source>
        <translation>Workbook sheet</translation>
    </message>
    <message>
        <source>Ligne d&apos;en-tête</source>
        <translation>Header line</translation>
    </message>
    <message>
        <source>automatique</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Numéro de la ligne qui contient les noms de colonnes, tel que le montre le tableur (0 : le fichier n&apos;a pas d&apos;en-tête).</source>
        <translation>Number of the line holding the column names, as the spreadsheet shows it (0: the file has no header).</translation>
    </message>
    <message>
        <source>Avertissements de lecture</source>
        <translation>Reading warnings</translation>
    </message>
    <message>
        <source>Format :</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Encodage :</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <source>Lecture du fichier</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Lignes lues :</source>
        <translation>Rows read:</translation>
    </message>
    <message>
        <source>Lignes écartées :</source>
        <translation>Lines left out:</translation>
    </message>
    <message>
        <source>Sépara&amp;teur :</source>
        <translation>Se&amp;parator:</translation>
    </message>
    <message>
        <source>UTF-8 avec BOM</source>
        <translation>UTF-8 with BOM</translation>
    </message>
    <message>
        <source>Windows-1252 (Europe de l&apos;Ouest)</source>
        <translation>Windows-1252 (Western Europe)</translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>ISO-8859-15 (Latin-9, avec l&apos;euro)</source>
        <translation>ISO-8859-15 (Latin-9, with the euro sign)</translation>
    </message>
    <message>
        <source>Mac Roman (anciens Mac)</source>
        <translation>Mac Roman (older Macs)</translation>
    </message>
    <message>
        <source>UTF-16 (petit-boutiste)</source>
        <translation>UTF-16 (little-endian)</translation>
    </message>
    <message>
        <source>UTF-16 (gros-boutiste)</source>
        <translation>UTF-16 (big-endian)</translation>
    </message>
    <message>
        <source>ligne de types (modèle)</source>
        <translation>column types row (template)</translation>
    </message>
    <message>
        <source>ligne d&apos;instructions (modèle)</source>
        <translation>instructions row (template)</translation>
    </message>
    <message>
        <source>ligne « Total » sous l&apos;en-tête</source>
        <translation>« Total » row under the header</translation>
    </message>
    <message>
        <source>sous-totaux</source>
        <translation>subtotals</translation>
    </message>
    <message>
        <source>intertitres (une seule cellule remplie)</source>
        <translation>sub-headings (a single filled cell)</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un autre fichier…</source>
        <translation>&amp;Open another file…</translation>
    </message>
    <message>
        <source>Ouvrir un autre fichier</source>
        <translation>Open another file</translation>
    </message>
    <message>
        <source>Si des accents s&apos;affichent mal (Ã©, �), choisissez un autre encodage : souvent Windows-1252 pour les fichiers enregistrés par Excel sous Windows.</source>
        <translation>If accents look wrong (Ã©, �), choose another encoding: often Windows-1252 for files saved by Excel on Windows.</translation>
    </message>
    <message>
        <source>Mettre bout à bout les feuilles de même disposition</source>
        <translation>Append the sheets laid out the same way</translation>
    </message>
    <message>
        <source>Les feuilles qui ont le même en-tête (une par année, par service…) forment un seul tableau ; une colonne « feuille » dit d&apos;où vient chaque ligne.</source>
        <translation>Sheets with the same header (one per year, per department…) make one table; a « feuille » column says where each row comes from.</translation>
    </message>
    <message>
        <source>Feuilles aux mêmes colonnes</source>
        <translation>Sheets with the same columns</translation>
    </message>
    <message>
        <source>Nombre de lignes d&apos;en-tête</source>
        <translation>Number of header rows</translation>
    </message>
    <message>
        <source>Sur combien de lignes s&apos;étend l&apos;en-tête : un bandeau de groupes au-dessus des noms de colonnes, une ligne d&apos;unités en dessous. Les noms sont assemblés (« Population - Hommes (nombre) »).</source>
        <translation>How many rows the header spans: a band of groups above the column names, a units row below them. The names are joined (« Population - Hommes (nombre) »).</translation>
    </message>
    <message>
        <source>Lignes particulières écartées</source>
        <translation>Special rows left out</translation>
    </message>
    <message>
        <source>Lignes reconnues comme n&apos;étant pas des données. Décochez une ligne pour la garder comme donnée.</source>
        <translation>Rows recognised as not being data. Untick a row to keep it as data.</translation>
    </message>
    <message>
        <source>Fe&amp;uille :</source>
        <translation>Shee&amp;t:</translation>
    </message>
    <message>
        <source>Li&amp;gne d&apos;en-tête :</source>
        <translation>Header &amp;line:</translation>
    </message>
    <message>
        <source>&amp;Hauteur de l&apos;en-tête :</source>
        <translation>Header hei&amp;ght:</translation>
    </message>
    <message>
        <source>Écarter &amp;aussi :</source>
        <translation>&amp;Also leave out:</translation>
    </message>
    <message>
        <source>A&amp;vertissements :</source>
        <translation>&amp;Warnings:</translation>
    </message>
    <message>
        <source>Ce qui a été trouvé</source>
        <translation>What was found</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Vérifiez que le fichier est bien lu : accents, colonnes, ligne d&apos;en-tête. Corrigez un réglage si l&apos;aperçu ci-dessous est faux.</source>
        <translation>Check that the file is read correctly: accents, columns, header line. Change a setting if the preview below is wrong.</translation>
    </message>
    <message>
        <source>Fichier : {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>Reprise du travail sur {name}…</source>
        <translation>Resuming the work on {name}…</translation>
    </message>
    <message>
        <source>Relire le fichier ?</source>
        <translation>Read the file again?</translation>
    </message>
    <message>
        <source>Changer ce réglage relit le fichier : l&apos;association au schéma, la protection et les corrections faites ensuite seront à refaire. Continuer ?</source>
        <translation>Changing this setting reads the file again: the schema mapping, the protection and the fixes made afterwards will have to be redone. Go on?</translation>
    </message>
    <message>
        <source>{n} lignes lues.</source>
        <translation>{n} rows read.</translation>
    </message>
    <message>
        <source>Le fichier « {name} » n&apos;a pas pu être lu (erreur inattendue).</source>
        <translation>The file &quot;{name}&quot; could not be read (unexpected error).</translation>
    </message>
    <message>
        <source>Aucun réglage de lecture n&apos;y change rien : cliquez sur « Ouvrir un autre fichier… » pour en choisir un autre.</source>
        <translation>No reading setting can change this: click &quot;Open another file…&quot; to choose another one.</translation>
    </message>
    <message>
        <source>Si c&apos;est le bon fichier, essayez un autre « Encodage », un autre « Séparateur » ou une autre « Ligne d&apos;en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>If this is the right file, try another &quot;Encoding&quot;, another &quot;Separator&quot; or another &quot;Header line&quot; below: the file is read again at once. Otherwise, click &quot;Open another file…&quot;.</translation>
    </message>
    <message>
        <source>Si c&apos;est le bon fichier, choisissez une autre « Feuille » ou une autre « Ligne d&apos;en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>If this is the right file, choose another &quot;Sheet&quot; or another &quot;Header line&quot; below: the file is read again at once. Otherwise, click &quot;Open another file…&quot;.</translation>
    </message>
    <message>
        <source>Si c&apos;est le bon fichier, essayez une autre « Ligne d&apos;en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>If this is the right file, try another &quot;Header line&quot; below: the file is read again at once. Otherwise, click &quot;Open another file…&quot;.</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu</source>
        <translation>The file could not be read</translation>
    </message>
    <message>
        <source>{auto} ({n} lignes)</source>
        <translation>{auto} ({n} rows)</translation>
    </message>
    <message>
        <source>{n} lignes, {c} colonnes</source>
        <translation>{n} rows, {c} columns</translation>
    </message>
    <message>
        <source> (aperçu)</source>
        <translation> (preview)</translation>
    </message>
    <message>
        <source>{reason} : {lines}</source>
        <translation>{reason}: {lines}</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Aucun avertissement.</source>
        <translation>No warning.</translation>
    </message>
    <message>
        <source>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Elles sont mises bout à bout en un seul tableau ; la colonne « feuille » dit d&apos;où vient chaque ligne. Décochez la case pour n&apos;en lire qu&apos;une.</source>
        <translation>This workbook has {n} sheets with the same columns: {names}. They are appended into one table; the &quot;feuille&quot; column says which sheet each row comes from. Untick the box to read only one.</translation>
    </message>
    <message>
        <source>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Seule « {sheet} » est lue : cochez la case pour les mettre bout à bout, ou choisissez une autre feuille ci-dessus.</source>
        <translation>This workbook has {n} sheets with the same columns: {names}. Only &quot;{sheet}&quot; is read: tick the box to append them, or choose another sheet above.</translation>
    </message>
    <message>
        <source>Mettre les {n} feuilles &amp;bout à bout</source>
        <translation>Append the {n} &amp;sheets</translation>
    </message>
    <message>
        <source>{kind} : lignes {lines}</source>
        <translation>{kind}: rows {lines}</translation>
    </message>
    <message>
        <source>titre au-dessus du tableau</source>
        <translation>title above the table</translation>
    </message>
    <message>
        <source>lignes vides</source>
        <translation>blank lines</translation>
    </message>
    <message>
        <source>pied de tableau (total, notes)</source>
        <translation>table footer (total, notes)</translation>
    </message>
    <message>
        <source>commentaires</source>
        <translation>comments</translation>
    </message>
    <message>
        <source>en-tête sur plusieurs lignes</source>
        <translation>header on several lines</translation>
    </message>
    <message>
        <source>Choisissez un fichier à ouvrir.</source>
        <translation>Choose a file to open.</translation>
    </message>
    <message>
        <source>Lecture du fichier en cours…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu : cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>The file could not be read: click &quot;Open another file…&quot;.</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu : changez un réglage ci-dessus ou cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>The file could not be read: change a setting above or click &quot;Open another file…&quot;.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuler la tâche en cours</source>
        <translation>Cancel the current task</translation>
    </message>
    <message>
        <source>Arrêter la tâche en cours (Échap)</source>
        <translation>Stop the current task (Esc)</translation>
    </message>
</context>
<context>
    <name>ProtectPage</name>
    <message>
        <source>Résumé de l&apos;analyse</source>
        <translation>Summary of the analysis</translation>
    </message>
    <message>
        <source>&amp;Relancer l&apos;analyse</source>
        <translation>&amp;Run the analysis again</translation>
    </message>
    <message>
        <source>Relancer la recherche de données personnelles</source>
        <translation>Look for personal data again</translation>
    </message>
    <message>
        <source>Colonnes avec des données personnelles</source>
        <translation>Columns with personal data</translation>
    </message>
    <message>
        <source>Risque de ré-identification</source>
        <translation>Re-identification risk</translation>
    </message>
    <message>
        <source>Taille minimale des groupes (k)</source>
        <translation>Minimum group size (k)</translation>
    </message>
    <message>
        <source>Chaque combinaison de quasi-identifiants doit être partagée par au moins k lignes (11 : règle de l&apos;INSEE et de la DGFiP).</source>
        <translation>Each combination of quasi-identifiers must be shared by at least k rows (11: INSEE and DGFiP rule).</translation>
    </message>
    <message>
        <source>Seuil &amp;k :</source>
        <translation>&amp;k threshold:</translation>
    </message>
    <message>
        <source>&amp;Corriger le risque</source>
        <translation>&amp;Correct the risk</translation>
    </message>
    <message>
        <source>Généraliser puis vider les valeurs trop rares</source>
        <translation>Generalise then blank the values that are too rare</translation>
    </message>
    <message>
        <source>Généralise les quasi-identifiants (tranches, département…), puis vide les cellules des lignes encore isolables.</source>
        <translation>Generalises the quasi-identifiers (bands, département…), then blanks the cells of rows that can still be singled out.</translation>
    </message>
    <message>
        <source>Risque de ré-identification par croisement</source>
        <translation>Risk of re-identification by cross-matching</translation>
    </message>
    <message>
        <source>Problèmes à corriger avant de continuer</source>
        <translation>Problems to fix before going on</translation>
    </message>
    <message>
        <source>Résultat de la protection</source>
        <translation>Protection result</translation>
    </message>
    <message>
        <source>Voir le rapport de &amp;traitement…</source>
        <translation>View the processing &amp;report…</translation>
    </message>
    <message>
        <source>Voir le rapport de traitement des données personnelles</source>
        <translation>View the personal data processing report</translation>
    </message>
    <message>
        <source>Protéger</source>
        <translation>Protect</translation>
    </message>
    <message>
        <source>Les colonnes qui semblent contenir des données personnelles, la règle qui s&apos;applique et l&apos;action proposée. Vous décidez ; tout est inscrit dans le rapport de traitement.</source>
        <translation>The columns that seem to hold personal data, the rule that applies and the proposed action. You decide; everything is written in the processing report.</translation>
    </message>
    <message>
        <source>Recherche de données personnelles en cours…</source>
        <translation>Looking for personal data…</translation>
    </message>
    <message>
        <source>Analyse terminée : {n} colonne à examiner.</source>
        <translation>Scan finished: {n} column to review.</translation>
    </message>
    <message>
        <source>Analyse terminée : {n} colonnes à examiner.</source>
        <translation>Scan finished: {n} columns to review.</translation>
    </message>
    <message>
        <source>{n} colonne semble contenir des données personnelles.</source>
        <translation>{n} column seems to hold personal data.</translation>
    </message>
    <message>
        <source>{n} colonnes semblent contenir des données personnelles.</source>
        <translation>{n} columns seem to hold personal data.</translation>
    </message>
    <message>
        <source>Vérifiez chaque proposition : l&apos;application vous aide, mais c&apos;est vous (et votre délégué à la protection des données) qui décidez.</source>
        <translation>Check each proposal: the application helps you, but you (and your data protection officer) decide.</translation>
    </message>
    <message>
        <source>Non publiées, car aucun champ du schéma ne les reprend : {columns}.</source>
        <translation>Not published, as no field of the schema takes them: {columns}.</translation>
    </message>
    <message>
        <source>« {column} » ({found})</source>
        <translation>“{column}” ({found})</translation>
    </message>
    <message>
        <source>« {column} »</source>
        <translation>“{column}”</translation>
    </message>
    <message>
        <source>{n} cellule transformée.</source>
        <translation>{n} cell transformed.</translation>
    </message>
    <message>
        <source>{n} cellules transformées.</source>
        <translation>{n} cells transformed.</translation>
    </message>
    <message>
        <source>{n} ligne d&apos;entrepreneur individuel (personne physique) retirée de la publication.</source>
        <translation>{n} sole trader&apos;s row (a natural person) withheld from publication.</translation>
    </message>
    <message>
        <source>{n} lignes d&apos;entrepreneurs individuels (personnes physiques) retirées de la publication.</source>
        <translation>{n} sole traders&apos; rows (natural persons) withheld from publication.</translation>
    </message>
    <message>
        <source>{n} ligne retirée pour l&apos;anonymat k.</source>
        <translation>{n} row removed for k-anonymity.</translation>
    </message>
    <message>
        <source>{n} lignes retirées pour l&apos;anonymat k.</source>
        <translation>{n} rows removed for k-anonymity.</translation>
    </message>
    <message>
        <source>Analyse interrompue. Cliquez sur « Relancer l&apos;analyse » pour la reprendre.</source>
        <translation>Analysis stopped. Click &quot;Run the analysis again&quot; to resume it.</translation>
    </message>
    <message>
        <source>Ouvrez un fichier et associez-le à un schéma pour rechercher les données personnelles.</source>
        <translation>Open a file and map it to a schema to look for personal data.</translation>
    </message>
    <message>
        <source>Aucune donnée personnelle n&apos;a été repérée dans les {n} colonnes. Parcourez tout de même le tableau avant de publier.</source>
        <translation>No personal data was found in the {n} columns. Still look through the table before publishing.</translation>
    </message>
    <message>
        <source>Sans donnée personnelle repérée : {columns}.</source>
        <translation>No personal data found: {columns}.</translation>
    </message>
    <message>
        <source>Anonymat k non mesuré : les lignes décrivent des personnes morales, pas des personnes physiques.</source>
        <translation>k-anonymity not measured: the rows describe legal entities, not natural persons.</translation>
    </message>
    <message>
        <source>Anonymat k non mesuré : les lignes décrivent des lieux ou équipements, pas des personnes physiques.</source>
        <translation>k-anonymity not measured: the rows describe places or facilities, not natural persons.</translation>
    </message>
    <message>
        <source>La correction automatique sera appliquée au passage à l&apos;étape suivante.</source>
        <translation>The automatic fix will be applied when you go to the next step.</translation>
    </message>
    <message>
        <source>Protection appliquée.</source>
        <translation>Protection applied.</translation>
    </message>
    <message>
        <source>Colonnes retirées : {columns}.</source>
        <translation>Columns removed: {columns}.</translation>
    </message>
    <message>
        <source>Application des actions en cours…</source>
        <translation>Applying the actions…</translation>
    </message>
    <message>
        <source>Application interrompue : rien n&apos;a été modifié.</source>
        <translation>Stopped: nothing was changed.</translation>
    </message>
    <message>
        <source>Rapport de traitement des données personnelles</source>
        <translation>Personal data processing report</translation>
    </message>
    <message>
        <source>Rapport de traitement</source>
        <translation>Processing report</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Corrigez d&apos;abord les décisions signalées en rouge.</source>
        <translation>First fix the decisions marked in red.</translation>
    </message>
    <message>
        <source>Ouvrez d&apos;abord un fichier.</source>
        <translation>Open a file first.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Travail non terminé sur « {name} » (étape : {step}).</source>
        <translation>Unfinished work on &quot;{name}&quot; (step: {step}).</translation>
    </message>
    <message>
        <source>Travail repris.</source>
        <translation>Work resumed.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Nom du bureau ou du service</source>
        <translation>Name of the office or department</translation>
    </message>
    <message>
        <source>ex. : Bureau des statistiques, DGXX</source>
        <translation>e.g. Statistics office, DGXX</translation>
    </message>
    <message>
        <source>SIRET de l&apos;organisation</source>
        <translation>Organisation&apos;s SIRET</translation>
    </message>
    <message>
        <source>14 chiffres, ex. : 110 046 018 00013</source>
        <translation>14 digits, e.g. 110 046 018 00013</translation>
    </message>
    <message>
        <source>Rempli dans les champs du type idAttribuant quand aucune colonne ne les fournit (visible et modifiable à l&apos;étape Associer).</source>
        <translation>Filled into fields such as idAttribuant when no column provides them (visible and editable at the Map step).</translation>
    </message>
    <message>
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Licence par défaut</source>
        <translation>Default licence</translation>
    </message>
    <message>
        <source>Seuil k par défaut</source>
        <translation>Default k threshold</translation>
    </message>
    <message>
        <source>Nombre minimal de lignes qui doivent partager la même combinaison de caractéristiques (k-anonymat) ; 11 est l&apos;usage de la statistique publique.</source>
        <translation>Minimum number of rows that must share the same combination of characteristics (k-anonymity); 11 is the public statistics practice.</translation>
    </message>
    <message>
        <source>Dossier d&apos;export par défaut</source>
        <translation>Default export folder</translation>
    </message>
    <message>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Choisir le dossier d&apos;export</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>&amp;Langue :</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Bureau (producteur et attribuant) :</source>
        <translation>&amp;Office (producer and grantor):</translation>
    </message>
    <message>
        <source>&amp;SIRET de l&apos;organisation :</source>
        <translation>Organisation&apos;s &amp;SIRET:</translation>
    </message>
    <message>
        <source>Votre &amp;nom (rapports de traitement) :</source>
        <translation>Your &amp;name (processing reports):</translation>
    </message>
    <message>
        <source>L&amp;icence par défaut :</source>
        <translation>Default l&amp;icence:</translation>
    </message>
    <message>
        <source>Seuil &amp;k par défaut :</source>
        <translation>Default &amp;k threshold:</translation>
    </message>
    <message>
        <source>&amp;Dossier d&apos;export :</source>
        <translation>Export &amp;folder:</translation>
    </message>
    <message>
        <source>Un SIRET compte 14 chiffres : vérifiez la saisie (espaces permis).</source>
        <translation>A SIRET has 14 digits: check what you typed (spaces allowed).</translation>
    </message>
    <message>
        <source>Ce SIRET n&apos;est pas valide (clé de contrôle fausse) : vérifiez chaque chiffre.</source>
        <translation>This SIRET is not valid (wrong check key): check each digit.</translation>
    </message>
    <message>
        <source>Dossier d&apos;export</source>
        <translation>Export folder</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Préparer un tableur pour l&apos;open data</source>
        <translation>Prepare a spreadsheet for open data</translation>
    </message>
    <message>
        <source>Ouvrez un fichier CSV, Excel ou LibreOffice : CapNum l&apos;associe au schéma national, protège les données personnelles, le vérifie et l&apos;exporte, en cinq étapes.</source>
        <translation>Open a CSV, Excel or LibreOffice file: CapNum maps it to the national schema, protects personal data, checks it and exports it, in five steps.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un fichier…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <source>Ouvrir un fichier</source>
        <translation>Open a file</translation>
    </message>
    <message>
        <source>&amp;Essayer avec le fichier de démonstration</source>
        <translation>Try with the &amp;demo file</translation>
    </message>
    <message>
        <source>Ouvrir le fichier de démonstration</source>
        <translation>Open the demo file</translation>
    </message>
    <message>
        <source>… ou déposez un fichier dans cette fenêtre.</source>
        <translation>… or drop a file on this window.</translation>
    </message>
    <message>
        <source>&amp;Reprendre le travail en cours</source>
        <translation>&amp;Resume the unfinished work</translation>
    </message>
    <message>
        <source>Reprendre le travail en cours</source>
        <translation>Resume the unfinished work</translation>
    </message>
    <message>
        <source>Fichiers récents</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>Entrée ou double-clic pour ouvrir le fichier</source>
        <translation>Enter or double-click to open the file</translation>
    </message>
    <message>
        <source>Aucun fichier récent.</source>
        <translation>No recent file.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Associer au schéma</source>
        <translation>Map to the schema</translation>
    </message>
    <message>
        <source>Protéger</source>
        <translation>Protect</translation>
    </message>
    <message>
        <source>Vérifier</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>la modification de « {field} », ligne {row}</source>
        <translation>the edit of &quot;{field}&quot;, row {row}</translation>
    </message>
    <message>
        <source>la modification de la colonne « {field} »</source>
        <translation>the edit of the column &quot;{field}&quot;</translation>
    </message>
    <message>
        <source>l&apos;association de « {column} » à {field}</source>
        <translation>mapping “{column}” to {field}</translation>
    </message>
    <message>
        <source>la valeur fixe de {field}</source>
        <translation>the fixed value of {field}</translation>
    </message>
    <message>
        <source>le choix du schéma {title}</source>
        <translation>the choice of the schema {title}</translation>
    </message>
    <message>
        <source>le retrait du champ {field}</source>
        <translation>clearing the field {field}</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Résultat de la vérification</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>Cliquez sur une erreur pour voir la cellule ; double-cliquez la cellule pour la corriger. Chaque correction peut être annulée (Ctrl+Z) et seule la partie modifiée est revérifiée.</source>
        <translation>Click an error to see the cell; double-click the cell to fix it. Every fix can be undone (Ctrl+Z) and only what changed is checked again.</translation>
    </message>
    <message>
        <source>Liste des erreurs, regroupées par colonne et par type</source>
        <translation>List of errors, grouped by column and kind</translation>
    </message>
    <message>
        <source>Détail de l&apos;erreur choisie</source>
        <translation>Details of the chosen error</translation>
    </message>
    <message>
        <source>Re&amp;vérifier tout</source>
        <translation>Check e&amp;verything again</translation>
    </message>
    <message>
        <source>Vérifier de nouveau tout le tableau</source>
        <translation>Check the whole table again</translation>
    </message>
    <message>
        <source>&amp;Corriger une colonne…</source>
        <translation>Fi&amp;x a column…</translation>
    </message>
    <message>
        <source>Appliquer une correction à toute une colonne</source>
        <translation>Apply a fix to a whole column</translation>
    </message>
    <message>
        <source>Rec&amp;hercher et remplacer…</source>
        <translation>Find and re&amp;place…</translation>
    </message>
    <message>
        <source>Rechercher et remplacer dans le tableau</source>
        <translation>Find and replace in the table</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Annuler la dernière correction</source>
        <translation>Undo the last fix</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Rétablir la correction annulée</source>
        <translation>Redo the undone fix</translation>
    </message>
    <message>
        <source>Vérifier</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Le tableau est comparé au schéma, comme le fait le validateur national. Corrigez ici ce qui peut l&apos;être ; les erreurs restantes figureront dans le rapport.</source>
        <translation>The table is compared with the schema, as the national validator does. Fix here what can be fixed; the remaining errors will be in the report.</translation>
    </message>
    <message>
        <source>Aucun tableau ouvert.</source>
        <translation>No table open.</translation>
    </message>
    <message>
        <source>Aucun schéma n&apos;a été choisi : rien à vérifier. Revenez à l&apos;étape « Associer au schéma » pour en choisir un.</source>
        <translation>No schema was chosen: nothing to check. Go back to the &quot;Map to the schema&quot; step to choose one.</translation>
    </message>
    <message>
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>La vérification n&apos;a pas pu se faire.</source>
        <translation>The check could not be done.</translation>
    </message>
    <message>
        <source>Vérification interrompue. Cliquez sur « Revérifier tout » pour la relancer.</source>
        <translation>Check stopped. Click &quot;Check everything again&quot; to run it again.</translation>
    </message>
    <message>
        <source>Vérification de la colonne « {field} »…</source>
        <translation>Checking the column &quot;{field}&quot;…</translation>
    </message>
    <message>
        <source>Le tableau est conforme au schéma ({n} lignes).</source>
        <translation>The table follows the schema ({n} rows).</translation>
    </message>
    <message>
        <source>{n} erreur</source>
        <translation>{n} error</translation>
    </message>
    <message>
        <source>{n} erreurs</source>
        <translation>{n} errors</translation>
    </message>
    <message>
        <source>{errors} dans la structure du tableau (colonnes, en-têtes).</source>
        <translation>{errors} in the table&apos;s structure (columns, headers).</translation>
    </message>
    <message>
        <source>{errors} sur {rows} ligne (sur {n}).</source>
        <translation>{errors} on {rows} row (of {n}).</translation>
    </message>
    <message>
        <source>{errors} sur {rows} lignes (sur {n}).</source>
        <translation>{errors} on {rows} rows (of {n}).</translation>
    </message>
    <message>
        <source>{n} avertissement.</source>
        <translation>{n} warning.</translation>
    </message>
    <message>
        <source>{n} avertissements.</source>
        <translation>{n} warnings.</translation>
    </message>
    <message>
        <source>Préparation de la correction de « {field} »…</source>
        <translation>Preparing the fix of “{field}”…</translation>
    </message>
    <message>
        <source>Correction appliquée à « {field} ». Ctrl+Z pour l&apos;annuler.</source>
        <translation>Fix applied to &quot;{field}&quot;. Ctrl+Z to undo it.</translation>
    </message>
    <message>
        <source>Le tableau n&apos;a pas encore été vérifié.</source>
        <translation>The table has not been checked yet.</translation>
    </message>
</context>
</TS>
