<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos de CapNum Desktop</source>
        <translation>À propos de CapNum Desktop</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Préparer un tableur administratif pour l'open data : schéma national, données personnelles, validation, export.</source>
        <translation>Préparer un tableur administratif pour l'open data : schéma national, données personnelles, validation, export.</translation>
    </message>
    <message>
        <source>Logiciel libre sous licence &lt;a href="{url}"&gt;{licence}&lt;/a&gt;.</source>
        <translation>Logiciel libre sous licence &lt;a href="{url}"&gt;{licence}&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>L'application fonctionne hors ligne : vos fichiers ne quittent pas ce poste.</source>
        <translation>L'application fonctionne hors ligne : vos fichiers ne quittent pas ce poste.</translation>
    </message>
    <message>
        <source>Composants ({count})</source>
        <translation>Composants ({count})</translation>
    </message>
    <message>
        <source>Schémas ({count})</source>
        <translation>Schémas ({count})</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>non précisée</source>
        <translation>non précisée</translation>
    </message>
    <message>
        <source>Composant</source>
        <translation>Composant</translation>
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
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>La liste des schémas fournis n'est pas disponible dans cette installation.</source>
        <translation>La liste des schémas fournis n'est pas disponible dans cette installation.</translation>
    </message>
</context>
<context>
    <name>BulkFixDialog</name>
    <message>
        <source>Corriger une colonne</source>
        <translation>Corriger une colonne</translation>
    </message>
    <message>
        <source>Colonne à corriger</source>
        <translation>Colonne à corriger</translation>
    </message>
    <message>
        <source>Correction à appliquer</source>
        <translation>Correction à appliquer</translation>
    </message>
    <message>
        <source>Retirer les espaces superflus</source>
        <translation>Retirer les espaces superflus</translation>
    </message>
    <message>
        <source>Mettre en MAJUSCULES</source>
        <translation>Mettre en MAJUSCULES</translation>
    </message>
    <message>
        <source>Mettre en minuscules</source>
        <translation>Mettre en minuscules</translation>
    </message>
    <message>
        <source>Mettre une Majuscule à chaque mot</source>
        <translation>Mettre une Majuscule à chaque mot</translation>
    </message>
    <message>
        <source>Remplacer un texte</source>
        <translation>Remplacer un texte</translation>
    </message>
    <message>
        <source>Remplir les cellules vides</source>
        <translation>Remplir les cellules vides</translation>
    </message>
    <message>
        <source>Appliquer la conversion du schéma (dates, nombres, oui/non…)</source>
        <translation>Appliquer la conversion du schéma (dates, nombres, oui/non…)</translation>
    </message>
    <message>
        <source>Texte à remplacer</source>
        <translation>Texte à remplacer</translation>
    </message>
    <message>
        <source>Texte de remplacement</source>
        <translation>Texte de remplacement</translation>
    </message>
    <message>
        <source>E&amp;xpression régulière</source>
        <translation>E&amp;xpression régulière</translation>
    </message>
    <message>
        <source>Valeur à mettre dans les cellules vides</source>
        <translation>Valeur à mettre dans les cellules vides</translation>
    </message>
    <message>
        <source>Aperçu de la correction</source>
        <translation>Aperçu de la correction</translation>
    </message>
    <message>
        <source>&amp;Colonne :</source>
        <translation>&amp;Colonne :</translation>
    </message>
    <message>
        <source>C&amp;orrection :</source>
        <translation>C&amp;orrection :</translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Remplacer &amp;par :</source>
        <translation>Remplacer &amp;par :</translation>
    </message>
    <message>
        <source>&amp;Valeur :</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>&amp;Appliquer</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Le nombre de cellules modifiées sera affiché après l'application.</source>
        <translation>Le nombre de cellules modifiées sera affiché après l'application.</translation>
    </message>
    <message>
        <source>{n} cellule de « {field} » sera modifiée (Ctrl+Z pour annuler).</source>
        <translation>{n} cellule de « {field} » sera modifiée (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>{n} cellules de « {field} » seront modifiées (Ctrl+Z pour annuler).</source>
        <translation>{n} cellules de « {field} » seront modifiées (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>Aucune cellule ne change avec cette correction.</source>
        <translation>Aucune cellule ne change avec cette correction.</translation>
    </message>
</context>
<context>
    <name>DataGrid</name>
    <message>
        <source>Filtrer les lignes…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <source>Filtrer les lignes</source>
        <translation>Filtrer les lignes</translation>
    </message>
    <message>
        <source>Colonne filtrée</source>
        <translation>Colonne filtrée</translation>
    </message>
    <message>
        <source>Filtre :</source>
        <translation>Filtre :</translation>
    </message>
    <message>
        <source>Filtrer les lignes (Ctrl+F)</source>
        <translation>Filtrer les lignes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Données du tableau</source>
        <translation>Données du tableau</translation>
    </message>
    <message>
        <source>Flèches pour aller de cellule en cellule, F2 pour modifier, Tab pour sortir du tableau</source>
        <translation>Flèches pour aller de cellule en cellule, F2 pour modifier, Tab pour sortir du tableau</translation>
    </message>
    <message>
        <source>Toutes les colonnes</source>
        <translation>Toutes les colonnes</translation>
    </message>
    <message>
        <source>Filtrage en cours…</source>
        <translation>Filtrage en cours…</translation>
    </message>
    <message>
        <source>Tri en cours…</source>
        <translation>Tri en cours…</translation>
    </message>
    <message>
        <source>{n} lignes × {c} colonnes</source>
        <translation>{n} lignes × {c} colonnes</translation>
    </message>
    <message>
        <source>{shown} lignes affichées sur {n}</source>
        <translation>{shown} lignes affichées sur {n}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>CapNum — problème</source>
        <translation>CapNum — problème</translation>
    </message>
    <message>
        <source>Message d'erreur</source>
        <translation>Message d'erreur</translation>
    </message>
    <message>
        <source>CapNum — erreur inattendue</source>
        <translation>CapNum — erreur inattendue</translation>
    </message>
    <message>
        <source>Une erreur inattendue s'est produite. Votre travail est enregistré automatiquement.</source>
        <translation>Une erreur inattendue s'est produite. Votre travail est enregistré automatiquement.</translation>
    </message>
    <message>
        <source>Vous pouvez copier le rapport (il ne contient aucune donnée du fichier) et l'envoyer au support. Le journal est dans : {folder}</source>
        <translation>Vous pouvez copier le rapport (il ne contient aucune donnée du fichier) et l'envoyer au support. Le journal est dans : {folder}</translation>
    </message>
    <message>
        <source>Copier le rapport</source>
        <translation>Copier le rapport</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Titre du jeu de données</source>
        <translation>Titre du jeu de données</translation>
    </message>
    <message>
        <source>Description du jeu de données</source>
        <translation>Description du jeu de données</translation>
    </message>
    <message>
        <source>Licence de réutilisation</source>
        <translation>Licence de réutilisation</translation>
    </message>
    <message>
        <source>Producteur des données</source>
        <translation>Producteur des données</translation>
    </message>
    <message>
        <source>ex. : Direction des affaires financières</source>
        <translation>ex. : Direction des affaires financières</translation>
    </message>
    <message>
        <source>Adresse de contact du service</source>
        <translation>Adresse de contact du service</translation>
    </message>
    <message>
        <source>ex. : contact-donnees@ministere.gouv.fr</source>
        <translation>ex. : contact-donnees@ministere.gouv.fr</translation>
    </message>
    <message>
        <source>Avertissement sur le contact</source>
        <translation>Avertissement sur le contact</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Licence :</source>
        <translation>&amp;Licence :</translation>
    </message>
    <message>
        <source>CSV (UTF-8, virgule) — toujours produit</source>
        <translation>CSV (UTF-8, virgule) — toujours produit</translation>
    </message>
    <message>
        <source>&amp;JSON (tableau d'enregistrements typés)</source>
        <translation>&amp;JSON (tableau d'enregistrements typés)</translation>
    </message>
    <message>
        <source>CSV avec &amp;BOM (pour l'ouvrir dans Excel)</source>
        <translation>CSV avec &amp;BOM (pour l'ouvrir dans Excel)</translation>
    </message>
    <message>
        <source>Fins de ligne &amp;Windows (CRLF)</source>
        <translation>Fins de ligne &amp;Windows (CRLF)</translation>
    </message>
    <message>
        <source>Par défaut les lignes finissent par LF, comme le recommande le portail national ; CRLF pour un outil qui l'exige.</source>
        <translation>Par défaut les lignes finissent par LF, comme le recommande le portail national ; CRLF pour un outil qui l'exige.</translation>
    </message>
    <message>
        <source>Desc&amp;ription :</source>
        <translation>Desc&amp;ription :</translation>
    </message>
    <message>
        <source>Prod&amp;ucteur :</source>
        <translation>Prod&amp;ucteur :</translation>
    </message>
    <message>
        <source>&amp;Contact :</source>
        <translation>&amp;Contact :</translation>
    </message>
    <message>
        <source>&amp;Neutraliser les formules (= + - @)</source>
        <translation>&amp;Neutraliser les formules (= + - @)</translation>
    </message>
    <message>
        <source>Les cellules qui commencent par = + - ou @ sont précédées d'une apostrophe, pour qu'un tableur ne les exécute pas.</source>
        <translation>Les cellules qui commencent par = + - ou @ sont précédées d'une apostrophe, pour qu'un tableur ne les exécute pas.</translation>
    </message>
    <message>
        <source>Dossier où créer l'export</source>
        <translation>Dossier où créer l'export</translation>
    </message>
    <message>
        <source>C&amp;hoisir…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Choisir le dossier d'export</source>
        <translation>Choisir le dossier d'export</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Dossier d'e&amp;xport :</source>
        <translation>Dossier d'e&amp;xport :</translation>
    </message>
    <message>
        <source>Peut-on publier ?</source>
        <translation>Peut-on publier ?</translation>
    </message>
    <message>
        <source>Ce qui sera publié</source>
        <translation>Ce qui sera publié</translation>
    </message>
    <message>
        <source>&amp;Exporter</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Exporter le jeu de données</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Ouvrir le dossier exporté</source>
        <translation>Ouvrir le dossier exporté</translation>
    </message>
    <message>
        <source>Résultat de l'export</source>
        <translation>Résultat de l'export</translation>
    </message>
    <message>
        <source>Fichiers écrits</source>
        <translation>Fichiers écrits</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Jeu de données</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Les fichiers seront écrits dans : {folder}</source>
        <translation>Les fichiers seront écrits dans : {folder}</translation>
    </message>
    <message>
        <source>(ce dossier existe déjà : il vous sera demandé s'il faut le remplacer)</source>
        <translation>(ce dossier existe déjà : il vous sera demandé s'il faut le remplacer)</translation>
    </message>
    <message>
        <source>Dossier d'export</source>
        <translation>Dossier d'export</translation>
    </message>
    <message>
        <source>Rien à publier : ouvrez d'abord un fichier.</source>
        <translation>Rien à publier : ouvrez d'abord un fichier.</translation>
    </message>
    <message>
        <source>Non publiable en l'état : le tableau n'a aucune ligne de données.</source>
        <translation>Non publiable en l'état : le tableau n'a aucune ligne de données.</translation>
    </message>
    <message>
        <source>Pas encore vérifié : la conformité au schéma sera contrôlée à l'export.</source>
        <translation>Pas encore vérifié : la conformité au schéma sera contrôlée à l'export.</translation>
    </message>
    <message>
        <source>Prêt à publier : le tableau est conforme au schéma.</source>
        <translation>Prêt à publier : le tableau est conforme au schéma.</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l'état : aucune ligne de données.</source>
        <translation>Exporté, mais non publiable en l'état : aucune ligne de données.</translation>
    </message>
    <message>
        <source>Aucun tableau à exporter.</source>
        <translation>Aucun tableau à exporter.</translation>
    </message>
    <message>
        <source>{rows} lignes et {n} colonnes seront publiées : {columns}.</source>
        <translation>{rows} lignes et {n} colonnes seront publiées : {columns}.</translation>
    </message>
    <message>
        <source>Retiré pour protéger les personnes : {columns}.</source>
        <translation>Retiré pour protéger les personnes : {columns}.</translation>
    </message>
    <message>
        <source>« {column} » publié au titre d'une exception légale.</source>
        <translation>« {column} » publié au titre d'une exception légale.</translation>
    </message>
    <message>
        <source>L'étape « Protéger » n'a pas été faite : aucune donnée n'a été retirée.</source>
        <translation>L'étape « Protéger » n'a pas été faite : aucune donnée n'a été retirée.</translation>
    </message>
    <message>
        <source>Export annulé : le dossier existant a été conservé.</source>
        <translation>Export annulé : le dossier existant a été conservé.</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Le dossier existe déjà</source>
        <translation>Le dossier existe déjà</translation>
    </message>
    <message>
        <source>Le dossier « {folder} » existe déjà. Le remplacer par ce nouvel export ?</source>
        <translation>Le dossier « {folder} » existe déjà. Le remplacer par ce nouvel export ?</translation>
    </message>
    <message>
        <source>Export terminé.</source>
        <translation>Export terminé.</translation>
    </message>
    <message>
        <source>Décrivez le jeu de données puis exportez-le : fichier CSV, JSON, description (datapackage.json), rapports et recette, dans un dossier ; il est prêt à publier quand le tableau est conforme au schéma et a des lignes.</source>
        <translation>Décrivez le jeu de données puis exportez-le : fichier CSV, JSON, description (datapackage.json), rapports et recette, dans un dossier ; il est prêt à publier quand le tableau est conforme au schéma et a des lignes.</translation>
    </message>
    <message>
        <source>Non publiable en l'état : {n} erreur de validation reste (étape « Vérifier »).</source>
        <translation>Non publiable en l'état : {n} erreur de validation reste (étape « Vérifier »).</translation>
    </message>
    <message>
        <source>Non publiable en l'état : {n} erreurs de validation restent (étape « Vérifier »).</source>
        <translation>Non publiable en l'état : {n} erreurs de validation restent (étape « Vérifier »).</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l'état : {n} erreur.</source>
        <translation>Exporté, mais non publiable en l'état : {n} erreur.</translation>
    </message>
    <message>
        <source>Exporté, mais non publiable en l'état : {n} erreurs.</source>
        <translation>Exporté, mais non publiable en l'état : {n} erreurs.</translation>
    </message>
    <message>
        <source>« {column} » : {n} cellule transformée ({action}).</source>
        <translation>« {column} » : {n} cellule transformée ({action}).</translation>
    </message>
    <message>
        <source>« {column} » : {n} cellules transformées ({action}).</source>
        <translation>« {column} » : {n} cellules transformées ({action}).</translation>
    </message>
    <message>
        <source>{n} ligne retirée pour l'anonymat k.</source>
        <translation>{n} ligne retirée pour l'anonymat k.</translation>
    </message>
    <message>
        <source>{n} lignes retirées pour l'anonymat k.</source>
        <translation>{n} lignes retirées pour l'anonymat k.</translation>
    </message>
    <message>
        <source>{n} correction faite à la main.</source>
        <translation>{n} correction faite à la main.</translation>
    </message>
    <message>
        <source>{n} corrections faites à la main.</source>
        <translation>{n} corrections faites à la main.</translation>
    </message>
    <message>
        <source>Export terminé : {n} fichier dans {folder}.</source>
        <translation>Export terminé : {n} fichier dans {folder}.</translation>
    </message>
    <message>
        <source>Export terminé : {n} fichiers dans {folder}.</source>
        <translation>Export terminé : {n} fichiers dans {folder}.</translation>
    </message>
    <message>
        <source>L'export a échoué : aucun fichier n'a été laissé à moitié écrit.</source>
        <translation>L'export a échoué : aucun fichier n'a été laissé à moitié écrit.</translation>
    </message>
    <message>
        <source>Export interrompu.</source>
        <translation>Export interrompu.</translation>
    </message>
    <message>
        <source>C'est terminé : le dossier est prêt à publier.</source>
        <translation>C'est terminé : le dossier est prêt à publier.</translation>
    </message>
    <message>
        <source>Vérifiez la description puis cliquez sur « Exporter ».</source>
        <translation>Vérifiez la description puis cliquez sur « Exporter ».</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Rechercher et remplacer</source>
        <translation>Rechercher et remplacer</translation>
    </message>
    <message>
        <source>Texte à rechercher</source>
        <translation>Texte à rechercher</translation>
    </message>
    <message>
        <source>Texte de remplacement</source>
        <translation>Texte de remplacement</translation>
    </message>
    <message>
        <source>Colonne où chercher</source>
        <translation>Colonne où chercher</translation>
    </message>
    <message>
        <source>Respecter la &amp;casse</source>
        <translation>Respecter la &amp;casse</translation>
    </message>
    <message>
        <source>Respecter les majuscules et minuscules</source>
        <translation>Respecter les majuscules et minuscules</translation>
    </message>
    <message>
        <source>E&amp;xpression régulière</source>
        <translation>E&amp;xpression régulière</translation>
    </message>
    <message>
        <source>Le texte recherché est une expression régulière</source>
        <translation>Le texte recherché est une expression régulière</translation>
    </message>
    <message>
        <source>Résultat de la recherche</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Remplacer &amp;par :</source>
        <translation>Remplacer &amp;par :</translation>
    </message>
    <message>
        <source>C&amp;olonne :</source>
        <translation>C&amp;olonne :</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Aller à l'occurrence suivante</source>
        <translation>Aller à l'occurrence suivante</translation>
    </message>
    <message>
        <source>R&amp;emplacer</source>
        <translation>R&amp;emplacer</translation>
    </message>
    <message>
        <source>Remplacer dans la cellule affichée</source>
        <translation>Remplacer dans la cellule affichée</translation>
    </message>
    <message>
        <source>&amp;Tout remplacer</source>
        <translation>&amp;Tout remplacer</translation>
    </message>
    <message>
        <source>Remplacer toutes les occurrences</source>
        <translation>Remplacer toutes les occurrences</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Toutes les colonnes</source>
        <translation>Toutes les colonnes</translation>
    </message>
    <message>
        <source>Le remplacement est possible une fois le fichier associé à un schéma.</source>
        <translation>Le remplacement est possible une fois le fichier associé à un schéma.</translation>
    </message>
    <message>
        <source>Expression régulière incorrecte : {error}.</source>
        <translation>Expression régulière incorrecte : {error}.</translation>
    </message>
    <message>
        <source>Aucune occurrence.</source>
        <translation>Aucune occurrence.</translation>
    </message>
    <message>
        <source>Occurrence {i} sur {n} : ligne {row}, « {field} ».</source>
        <translation>Occurrence {i} sur {n} : ligne {row}, « {field} ».</translation>
    </message>
    <message>
        <source>Le texte de remplacement ne correspond pas à l'expression.</source>
        <translation>Le texte de remplacement ne correspond pas à l'expression.</translation>
    </message>
    <message>
        <source>remplacer « {text} » partout</source>
        <translation>remplacer « {text} » partout</translation>
    </message>
    <message>
        <source>{n} cellule modifiée. Ctrl+Z pour annuler.</source>
        <translation>{n} cellule modifiée. Ctrl+Z pour annuler.</translation>
    </message>
    <message>
        <source>{n} cellules modifiées. Ctrl+Z pour annuler.</source>
        <translation>{n} cellules modifiées. Ctrl+Z pour annuler.</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>quasi certain</source>
        <translation>quasi certain</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>probable</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>Tranches d'âge de {width} ans ({top} ans et plus)</source>
        <translation>Tranches d'âge de {width} ans ({top} ans et plus)</translation>
    </message>
    <message>
        <source>Âge calculé depuis la date de naissance, tranches de {width} ans ({top} ans et plus)</source>
        <translation>Âge calculé depuis la date de naissance, tranches de {width} ans ({top} ans et plus)</translation>
    </message>
    <message>
        <source>Département (tiré du code postal)</source>
        <translation>Département (tiré du code postal)</translation>
    </message>
    <message>
        <source>Département de la commune</source>
        <translation>Département de la commune</translation>
    </message>
    <message>
        <source>Département pour les petites communes seulement</source>
        <translation>Département pour les petites communes seulement</translation>
    </message>
    <message>
        <source>Intercommunalité (EPCI) de la commune</source>
        <translation>Intercommunalité (EPCI) de la commune</translation>
    </message>
    <message>
        <source>Mois (AAAA-MM)</source>
        <translation>Mois (AAAA-MM)</translation>
    </message>
    <message>
        <source>Année</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Coordonnées arrondies au degré (environ 100 km)</source>
        <translation>Coordonnées arrondies au degré (environ 100 km)</translation>
    </message>
    <message>
        <source>Coordonnées arrondies au dixième de degré (environ 10 km)</source>
        <translation>Coordonnées arrondies au dixième de degré (environ 10 km)</translation>
    </message>
    <message>
        <source>Coordonnées arrondies à {n} décimales</source>
        <translation>Coordonnées arrondies à {n} décimales</translation>
    </message>
    <message>
        <source>France / Union européenne / hors UE</source>
        <translation>France / Union européenne / hors UE</translation>
    </message>
    <message>
        <source>Colonne « {column} »</source>
        <translation>Colonne « {column} »</translation>
    </message>
    <message>
        <source>« {column} » → {field} : {label}</source>
        <translation>« {column} » → {field} : {label}</translation>
    </message>
    <message>
        <source>« {column} » : {label}</source>
        <translation>« {column} » : {label}</translation>
    </message>
    <message>
        <source>Détection : {word}</source>
        <translation>Détection : {word}</translation>
    </message>
    <message>
        <source>Indices trouvés</source>
        <translation>Indices trouvés</translation>
    </message>
    <message>
        <source>Règle : {text} ({refs})</source>
        <translation>Règle : {text} ({refs})</translation>
    </message>
    <message>
        <source>Règle : {text}</source>
        <translation>Règle : {text}</translation>
    </message>
    <message>
        <source>Règle applicable</source>
        <translation>Règle applicable</translation>
    </message>
    <message>
        <source>Action pour la colonne « {column} »</source>
        <translation>Action pour la colonne « {column} »</translation>
    </message>
    <message>
        <source>{label} (proposé)</source>
        <translation>{label} (proposé)</translation>
    </message>
    <message>
        <source>Méthode de généralisation pour la colonne « {column} »</source>
        <translation>Méthode de généralisation pour la colonne « {column} »</translation>
    </message>
    <message>
        <source>Le niveau auquel les valeurs sont regroupées : plus il est grossier, plus le risque de ré-identification baisse.</source>
        <translation>Le niveau auquel les valeurs sont regroupées : plus il est grossier, plus le risque de ré-identification baisse.</translation>
    </message>
    <message>
        <source>Exception légale qui permet de publier la colonne</source>
        <translation>Exception légale qui permet de publier la colonne</translation>
    </message>
    <message>
        <source>— choisissez l'exception qui s'applique —</source>
        <translation>— choisissez l'exception qui s'applique —</translation>
    </message>
    <message>
        <source>Texte qui impose la publication</source>
        <translation>Texte qui impose la publication</translation>
    </message>
    <message>
        <source>ex. : décret n° 2017-779 du 5 mai 2017</source>
        <translation>ex. : décret n° 2017-779 du 5 mai 2017</translation>
    </message>
    <message>
        <source>Ce que le schéma et l'objet des lignes changent</source>
        <translation>Ce que le schéma et l'objet des lignes changent</translation>
    </message>
    <message>
        <source>Motif du choix, inscrit dans le rapport de traitement</source>
        <translation>Motif du choix, inscrit dans le rapport de traitement</translation>
    </message>
    <message>
        <source>ex. : décision du DPO du 2 décembre</source>
        <translation>ex. : décision du DPO du 2 décembre</translation>
    </message>
    <message>
        <source>Action :</source>
        <translation>Action :</translation>
    </message>
    <message>
        <source>Méthode :</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Exception :</source>
        <translation>Exception :</translation>
    </message>
    <message>
        <source>Texte cité :</source>
        <translation>Texte cité :</translation>
    </message>
    <message>
        <source>Motif :</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Cette donnée ne peut pas être publiée telle quelle : la règle ci-dessus l'interdit, sauf exception prévue par la loi. Pour la conserver, choisissez l'exception qui s'applique ; elle sera inscrite dans le rapport de traitement. Sinon, choisissez une autre action.</source>
        <translation>Cette donnée ne peut pas être publiée telle quelle : la règle ci-dessus l'interdit, sauf exception prévue par la loi. Pour la conserver, choisissez l'exception qui s'applique ; elle sera inscrite dans le rapport de traitement. Sinon, choisissez une autre action.</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Problème</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>« {field} » : {mark}</source>
        <translation>« {field} » : {mark}</translation>
    </message>
    <message>
        <source>« {field} » — {kind} : {n}</source>
        <translation>« {field} » — {kind} : {n}</translation>
    </message>
    <message>
        <source>{kind} dans « {field} », {n} cellule</source>
        <translation>{kind} dans « {field} », {n} cellule</translation>
    </message>
    <message>
        <source>{kind} dans « {field} », {n} cellules</source>
        <translation>{kind} dans « {field} », {n} cellules</translation>
    </message>
    <message>
        <source>Ligne {row} : {message}</source>
        <translation>Ligne {row} : {message}</translation>
    </message>
    <message>
        <source>… et {n} autre : corrigez les premières ou utilisez une correction de colonne.</source>
        <translation>… et {n} autre : corrigez les premières ou utilisez une correction de colonne.</translation>
    </message>
    <message>
        <source>… et {n} autres : corrigez les premières ou utilisez une correction de colonne.</source>
        <translation>… et {n} autres : corrigez les premières ou utilisez une correction de colonne.</translation>
    </message>
    <message>
        <source>« {field} » : {mark}. Le schéma exige ce champ : revenez à l'étape Protéger pour choisir une autre action (retirer les lignes concernées, ou conserver avec l'exception légale).</source>
        <translation>« {field} » : {mark}. Le schéma exige ce champ : revenez à l'étape Protéger pour choisir une autre action (retirer les lignes concernées, ou conserver avec l'exception légale).</translation>
    </message>
    <message>
        <source>{n} erreur dans cette colonne</source>
        <translation>{n} erreur dans cette colonne</translation>
    </message>
    <message>
        <source>{n} erreurs dans cette colonne</source>
        <translation>{n} erreurs dans cette colonne</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Lecture de l'aperçu…</source>
        <translation>Lecture de l'aperçu…</translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Chargement du schéma…</source>
        <translation>Chargement du schéma…</translation>
    </message>
    <message>
        <source>Association au schéma…</source>
        <translation>Association au schéma…</translation>
    </message>
    <message>
        <source>Conversion des valeurs…</source>
        <translation>Conversion des valeurs…</translation>
    </message>
    <message>
        <source>Recherche de données personnelles…</source>
        <translation>Recherche de données personnelles…</translation>
    </message>
    <message>
        <source>Protection des données…</source>
        <translation>Protection des données…</translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Tri…</source>
        <translation>Tri…</translation>
    </message>
    <message>
        <source>Traitement en cours…</source>
        <translation>Traitement en cours…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reprendre le travail ?</source>
        <translation>Reprendre le travail ?</translation>
    </message>
    <message>
        <source>CapNum s'est arrêté sans fermer normalement. {what}
Reprendre ce travail ?</source>
        <translation>CapNum s'est arrêté sans fermer normalement. {what}
Reprendre ce travail ?</translation>
    </message>
    <message>
        <source>Tableaux (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)</source>
        <translation>Tableaux (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CapNum Desktop</source>
        <translation>CapNum Desktop</translation>
    </message>
    <message>
        <source>Étapes</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Les cinq étapes de la préparation ; flèches pour choisir</source>
        <translation>Les cinq étapes de la préparation ; flèches pour choisir</translation>
    </message>
    <message>
        <source>Cette étape n'est pas disponible dans cette version.</source>
        <translation>Cette étape n'est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>◀ &amp;Précédent</source>
        <translation>◀ &amp;Précédent</translation>
    </message>
    <message>
        <source>Étape précédente</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>Étape précédente (Alt+←)</source>
        <translation>Étape précédente (Alt+←)</translation>
    </message>
    <message>
        <source>&amp;Suivant ▶</source>
        <translation>&amp;Suivant ▶</translation>
    </message>
    <message>
        <source>Étape suivante</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Étape suivante (Alt+→ ; Entrée hors d'un champ de saisie)</source>
        <translation>Étape suivante (Alt+→ ; Entrée hors d'un champ de saisie)</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Ouvrir la &amp;démonstration</source>
        <translation>Ouvrir la &amp;démonstration</translation>
    </message>
    <message>
        <source>Fichiers &amp;récents</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Fermer le fichier</source>
        <translation>&amp;Fermer le fichier</translation>
    </message>
    <message>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Rechercher et rem&amp;placer…</source>
        <translation>Rechercher et rem&amp;placer…</translation>
    </message>
    <message>
        <source>&amp;Filtrer les lignes</source>
        <translation>&amp;Filtrer les lignes</translation>
    </message>
    <message>
        <source>Étape &amp;suivante</source>
        <translation>Étape &amp;suivante</translation>
    </message>
    <message>
        <source>Étape pré&amp;cédente</source>
        <translation>Étape pré&amp;cédente</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>À &amp;propos de CapNum</source>
        <translation>À &amp;propos de CapNum</translation>
    </message>
    <message>
        <source>Ouvrir le dossier des &amp;journaux</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>(aucun)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Ouvrir un tableau</source>
        <translation>Ouvrir un tableau</translation>
    </message>
    <message>
        <source>Le fichier {name} est introuvable.</source>
        <translation>Le fichier {name} est introuvable.</translation>
    </message>
    <message>
        <source>Travail non exporté</source>
        <translation>Travail non exporté</translation>
    </message>
    <message>
        <source>Le travail en cours n'a pas été exporté. L'abandonner ?</source>
        <translation>Le travail en cours n'a pas été exporté. L'abandonner ?</translation>
    </message>
    <message>
        <source>étape en cours</source>
        <translation>étape en cours</translation>
    </message>
    <message>
        <source>terminée</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>à faire</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>pas encore accessible</source>
        <translation>pas encore accessible</translation>
    </message>
    <message>
        <source>Tâche annulée.</source>
        <translation>Tâche annulée.</translation>
    </message>
    <message>
        <source>À propos de CapNum</source>
        <translation>À propos de CapNum</translation>
    </message>
    <message>
        <source>CapNum Desktop {version}</source>
        <translation>CapNum Desktop {version}</translation>
    </message>
    <message>
        <source>La langue changera dès que la tâche en cours sera terminée.</source>
        <translation>La langue changera dès que la tâche en cours sera terminée.</translation>
    </message>
    <message>
        <source>Quitter CapNum</source>
        <translation>Quitter CapNum</translation>
    </message>
    <message>
        <source>Le travail en cours n'a pas été exporté.</source>
        <translation>Le travail en cours n'a pas été exporté.</translation>
    </message>
    <message>
        <source>Le garder pour le reprendre au prochain démarrage ?</source>
        <translation>Le garder pour le reprendre au prochain démarrage ?</translation>
    </message>
    <message>
        <source>&amp;Garder pour plus tard</source>
        <translation>&amp;Garder pour plus tard</translation>
    </message>
    <message>
        <source>&amp;Abandonner</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>A&amp;nnuler</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>choisie</source>
        <translation>choisie</translation>
    </message>
    <message>
        <source>sûre</source>
        <translation>sûre</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>probable</translation>
    </message>
    <message>
        <source>incertaine</source>
        <translation>incertaine</translation>
    </message>
    <message>
        <source>Rechercher un schéma (ex. : subventions, marchés, IRVE)…</source>
        <translation>Rechercher un schéma (ex. : subventions, marchés, IRVE)…</translation>
    </message>
    <message>
        <source>Rechercher un schéma dans le catalogue</source>
        <translation>Rechercher un schéma dans le catalogue</translation>
    </message>
    <message>
        <source>Schémas du catalogue</source>
        <translation>Schémas du catalogue</translation>
    </message>
    <message>
        <source>&amp;Utiliser ce schéma</source>
        <translation>&amp;Utiliser ce schéma</translation>
    </message>
    <message>
        <source>Utiliser le schéma sélectionné</source>
        <translation>Utiliser le schéma sélectionné</translation>
    </message>
    <message>
        <source>Charger un schéma depuis un fichier</source>
        <translation>Charger un schéma depuis un fichier</translation>
    </message>
    <message>
        <source>Déduire un schéma des colonnes du tableau</source>
        <translation>Déduire un schéma des colonnes du tableau</translation>
    </message>
    <message>
        <source>Quand aucun schéma national ne convient : un schéma décrit les colonnes telles qu'elles sont.</source>
        <translation>Quand aucun schéma national ne convient : un schéma décrit les colonnes telles qu'elles sont.</translation>
    </message>
    <message>
        <source>Sché&amp;ma depuis un fichier…</source>
        <translation>Sché&amp;ma depuis un fichier…</translation>
    </message>
    <message>
        <source>Déduire du &amp;tableau</source>
        <translation>Déduire du &amp;tableau</translation>
    </message>
    <message>
        <source>&amp;Importer un schéma…</source>
        <translation>&amp;Importer un schéma…</translation>
    </message>
    <message>
        <source>Importer un schéma ou un catalogue téléchargé</source>
        <translation>Importer un schéma ou un catalogue téléchargé</translation>
    </message>
    <message>
        <source>Ajoute au catalogue hors ligne un schéma (schema.json) ou un catalogue (.zip) téléchargé depuis schema.data.gouv.fr.</source>
        <translation>Ajoute au catalogue hors ligne un schéma (schema.json) ou un catalogue (.zip) téléchargé depuis schema.data.gouv.fr.</translation>
    </message>
    <message>
        <source>Version du schéma</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <source>La plus récente par défaut ; choisissez celle qu'on vous demande.</source>
        <translation>La plus récente par défaut ; choisissez celle qu'on vous demande.</translation>
    </message>
    <message>
        <source>Sc&amp;héma :</source>
        <translation>Sc&amp;héma :</translation>
    </message>
    <message>
        <source>Association des champs du schéma aux colonnes du fichier</source>
        <translation>Association des champs du schéma aux colonnes du fichier</translation>
    </message>
    <message>
        <source>Champ du schéma</source>
        <translation>Champ du schéma</translation>
    </message>
    <message>
        <source>Colonne du fichier</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Confiance</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Valeur constante</source>
        <translation>Valeur constante</translation>
    </message>
    <message>
        <source>Valeurs non converties</source>
        <translation>Valeurs non converties</translation>
    </message>
    <message>
        <source>&amp;Version :</source>
        <translation>&amp;Version :</translation>
    </message>
    <message>
        <source>Associer au schéma</source>
        <translation>Associer au schéma</translation>
    </message>
    <message>
        <source>Choisissez le schéma national du jeu de données, puis vérifiez quelle colonne du fichier remplit chaque champ.</source>
        <translation>Choisissez le schéma national du jeu de données, puis vérifiez quelle colonne du fichier remplit chaque champ.</translation>
    </message>
    <message>
        <source>Charger un schéma</source>
        <translation>Charger un schéma</translation>
    </message>
    <message>
        <source>Schémas (*.json *.yaml *.yml);;Tous les fichiers (*)</source>
        <translation>Schémas (*.json *.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importer un schéma</source>
        <translation>Importer un schéma</translation>
    </message>
    <message>
        <source>Schémas et catalogues (*.json *.yaml *.yml *.zip);;Tous les fichiers (*)</source>
        <translation>Schémas et catalogues (*.json *.yaml *.yml *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Ajouté au catalogue : {names}.</source>
        <translation>Ajouté au catalogue : {names}.</translation>
    </message>
    <message>
        <source>(la plus récente)</source>
        <translation>(la plus récente)</translation>
    </message>
    <message>
        <source>Aucun schéma choisi.</source>
        <translation>Aucun schéma choisi.</translation>
    </message>
    <message>
        <source>Schéma : {title}{version} — {n} champs</source>
        <translation>Schéma : {title}{version} — {n} champs</translation>
    </message>
    <message>
        <source>(obligatoire)</source>
        <translation>(obligatoire)</translation>
    </message>
    <message>
        <source>Colonne du fichier pour le champ {field}</source>
        <translation>Colonne du fichier pour le champ {field}</translation>
    </message>
    <message>
        <source>— aucune —</source>
        <translation>— aucune —</translation>
    </message>
    <message>
        <source>Valeur constante pour le champ {field}</source>
        <translation>Valeur constante pour le champ {field}</translation>
    </message>
    <message>
        <source>même valeur partout</source>
        <translation>même valeur partout</translation>
    </message>
    <message>
        <source>constante</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>Confiance de la suggestion</source>
        <translation>Confiance de la suggestion</translation>
    </message>
    <message>
        <source>{n} valeurs ne sont pas au format attendu : elles seront signalées à l'étape Vérifier. Cliquez pour les voir.</source>
        <translation>{n} valeurs ne sont pas au format attendu : elles seront signalées à l'étape Vérifier. Cliquez pour les voir.</translation>
    </message>
    <message>
        <source>⚠ Champs obligatoires sans colonne ni valeur : {fields}. Choisissez une colonne ou saisissez une valeur constante, sinon chaque ligne sera en erreur.</source>
        <translation>⚠ Champs obligatoires sans colonne ni valeur : {fields}. Choisissez une colonne ou saisissez une valeur constante, sinon chaque ligne sera en erreur.</translation>
    </message>
    <message>
        <source>{mapped} champs sur {total} remplis.</source>
        <translation>{mapped} champs sur {total} remplis.</translation>
    </message>
    <message>
        <source>Colonnes du fichier non reprises (elles ne seront pas publiées) : {cols}.</source>
        <translation>Colonnes du fichier non reprises (elles ne seront pas publiées) : {cols}.</translation>
    </message>
    <message>
        <source>Recherche du schéma qui correspond aux colonnes…</source>
        <translation>Recherche du schéma qui correspond aux colonnes…</translation>
    </message>
    <message>
        <source>Schéma suggéré d'après les colonnes : « {title} » (correspondance {score}, {filled} champs obligatoires sur {total}). « Suivant » ou « Utiliser ce schéma » le prend.</source>
        <translation>Schéma suggéré d'après les colonnes : « {title} » (correspondance {score}, {filled} champs obligatoires sur {total}). « Suivant » ou « Utiliser ce schéma » le prend.</translation>
    </message>
    <message>
        <source>Aucun schéma du catalogue ne correspond bien aux colonnes (le plus proche : « {title} », {score}) : choisissez-en un ou « Déduire du tableau ».</source>
        <translation>Aucun schéma du catalogue ne correspond bien aux colonnes (le plus proche : « {title} », {score}) : choisissez-en un ou « Déduire du tableau ».</translation>
    </message>
    <message>
        <source>Autres : {others}.</source>
        <translation>Autres : {others}.</translation>
    </message>
    <message>
        <source>⚠ Couverture faible : seuls {filled} champs obligatoires sur {total} sont remplis. Le fichier publié aura une erreur par ligne pour chacun des autres. Vérifiez le schéma choisi et les colonnes, ou cliquez de nouveau sur « Suivant » pour continuer quand même.</source>
        <translation>⚠ Couverture faible : seuls {filled} champs obligatoires sur {total} sont remplis. Le fichier publié aura une erreur par ligne pour chacun des autres. Vérifiez le schéma choisi et les colonnes, ou cliquez de nouveau sur « Suivant » pour continuer quand même.</translation>
    </message>
    <message>
        <source>Choisissez un schéma (catalogue, fichier ou déduit du tableau).</source>
        <translation>Choisissez un schéma (catalogue, fichier ou déduit du tableau).</translation>
    </message>
    <message>
        <source>Conversion des valeurs en cours…</source>
        <translation>Conversion des valeurs en cours…</translation>
    </message>
    <message>
        <source>Associez au moins une colonne à un champ.</source>
        <translation>Associez au moins une colonne à un champ.</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>point-virgule ( ; )</source>
        <translation>point-virgule ( ; )</translation>
    </message>
    <message>
        <source>virgule ( , )</source>
        <translation>virgule ( , )</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>barre ( | )</source>
        <translation>barre ( | )</translation>
    </message>
    <message>
        <source>deux-points ( : )</source>
        <translation>deux-points ( : )</translation>
    </message>
    <message>
        <source>CSV (texte)</source>
        <translation>CSV (texte)</translation>
    </message>
    <message>
        <source>TSV (texte)</source>
        <translation>TSV (texte)</translation>
    </message>
    <message>
        <source>page web (HTML)</source>
        <translation>page web (HTML)</translation>
    </message>
    <message>
        <source>Format détecté</source>
        <translation>Format détecté</translation>
    </message>
    <message>
        <source>Encodage des caractères</source>
        <translation>Encodage des caractères</translation>
    </message>
    <message>
        <source>Séparateur de colonnes</source>
        <translation>Séparateur de colonnes</translation>
    </message>
    <message>
        <source>Feuille du classeur</source>
        <translation>Feuille du classeur</translation>
    </message>
    <message>
        <source>Ligne d'en-tête</source>
        <translation>Ligne d'en-tête</translation>
    </message>
    <message>
        <source>automatique</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Numéro de la ligne qui contient les noms de colonnes, tel que le montre le tableur (0 : le fichier n'a pas d'en-tête).</source>
        <translation>Numéro de la ligne qui contient les noms de colonnes, tel que le montre le tableur (0 : le fichier n'a pas d'en-tête).</translation>
    </message>
    <message>
        <source>Avertissements de lecture</source>
        <translation>Avertissements de lecture</translation>
    </message>
    <message>
        <source>Format :</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>&amp;Encodage :</source>
        <translation>&amp;Encodage :</translation>
    </message>
    <message>
        <source>Lecture du fichier</source>
        <translation>Lecture du fichier</translation>
    </message>
    <message>
        <source>Lignes lues :</source>
        <translation>Lignes lues :</translation>
    </message>
    <message>
        <source>Lignes écartées :</source>
        <translation>Lignes écartées :</translation>
    </message>
    <message>
        <source>Sépara&amp;teur :</source>
        <translation>Sépara&amp;teur :</translation>
    </message>
    <message>
        <source>UTF-8 avec BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <source>Windows-1252 (Europe de l'Ouest)</source>
        <translation>Windows-1252 (Europe de l'Ouest)</translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>ISO-8859-15 (Latin-9, avec l'euro)</source>
        <translation>ISO-8859-15 (Latin-9, avec l'euro)</translation>
    </message>
    <message>
        <source>Mac Roman (anciens Mac)</source>
        <translation>Mac Roman (anciens Mac)</translation>
    </message>
    <message>
        <source>UTF-16 (petit-boutiste)</source>
        <translation>UTF-16 (petit-boutiste)</translation>
    </message>
    <message>
        <source>UTF-16 (gros-boutiste)</source>
        <translation>UTF-16 (gros-boutiste)</translation>
    </message>
    <message>
        <source>ligne de types (modèle)</source>
        <translation>ligne de types (modèle)</translation>
    </message>
    <message>
        <source>ligne d'instructions (modèle)</source>
        <translation>ligne d'instructions (modèle)</translation>
    </message>
    <message>
        <source>ligne « Total » sous l'en-tête</source>
        <translation>ligne « Total » sous l'en-tête</translation>
    </message>
    <message>
        <source>sous-totaux</source>
        <translation>sous-totaux</translation>
    </message>
    <message>
        <source>intertitres (une seule cellule remplie)</source>
        <translation>intertitres (une seule cellule remplie)</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un autre fichier…</source>
        <translation>&amp;Ouvrir un autre fichier…</translation>
    </message>
    <message>
        <source>Ouvrir un autre fichier</source>
        <translation>Ouvrir un autre fichier</translation>
    </message>
    <message>
        <source>Si des accents s'affichent mal (Ã©, �), choisissez un autre encodage : souvent Windows-1252 pour les fichiers enregistrés par Excel sous Windows.</source>
        <translation>Si des accents s'affichent mal (Ã©, �), choisissez un autre encodage : souvent Windows-1252 pour les fichiers enregistrés par Excel sous Windows.</translation>
    </message>
    <message>
        <source>Mettre bout à bout les feuilles de même disposition</source>
        <translation>Mettre bout à bout les feuilles de même disposition</translation>
    </message>
    <message>
        <source>Les feuilles qui ont le même en-tête (une par année, par service…) forment un seul tableau ; une colonne « feuille » dit d'où vient chaque ligne.</source>
        <translation>Les feuilles qui ont le même en-tête (une par année, par service…) forment un seul tableau ; une colonne « feuille » dit d'où vient chaque ligne.</translation>
    </message>
    <message>
        <source>Feuilles aux mêmes colonnes</source>
        <translation>Feuilles aux mêmes colonnes</translation>
    </message>
    <message>
        <source>Nombre de lignes d'en-tête</source>
        <translation>Nombre de lignes d'en-tête</translation>
    </message>
    <message>
        <source>Sur combien de lignes s'étend l'en-tête : un bandeau de groupes au-dessus des noms de colonnes, une ligne d'unités en dessous. Les noms sont assemblés (« Population - Hommes (nombre) »).</source>
        <translation>Sur combien de lignes s'étend l'en-tête : un bandeau de groupes au-dessus des noms de colonnes, une ligne d'unités en dessous. Les noms sont assemblés (« Population - Hommes (nombre) »).</translation>
    </message>
    <message>
        <source>Lignes particulières écartées</source>
        <translation>Lignes particulières écartées</translation>
    </message>
    <message>
        <source>Lignes reconnues comme n'étant pas des données. Décochez une ligne pour la garder comme donnée.</source>
        <translation>Lignes reconnues comme n'étant pas des données. Décochez une ligne pour la garder comme donnée.</translation>
    </message>
    <message>
        <source>Fe&amp;uille :</source>
        <translation>Fe&amp;uille :</translation>
    </message>
    <message>
        <source>Li&amp;gne d'en-tête :</source>
        <translation>Li&amp;gne d'en-tête :</translation>
    </message>
    <message>
        <source>&amp;Hauteur de l'en-tête :</source>
        <translation>&amp;Hauteur de l'en-tête :</translation>
    </message>
    <message>
        <source>Écarter &amp;aussi :</source>
        <translation>Écarter &amp;aussi :</translation>
    </message>
    <message>
        <source>A&amp;vertissements :</source>
        <translation>A&amp;vertissements :</translation>
    </message>
    <message>
        <source>Ce qui a été trouvé</source>
        <translation>Ce qui a été trouvé</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Vérifiez que le fichier est bien lu : accents, colonnes, ligne d'en-tête. Corrigez un réglage si l'aperçu ci-dessous est faux.</source>
        <translation>Vérifiez que le fichier est bien lu : accents, colonnes, ligne d'en-tête. Corrigez un réglage si l'aperçu ci-dessous est faux.</translation>
    </message>
    <message>
        <source>Fichier : {name}</source>
        <translation>Fichier : {name}</translation>
    </message>
    <message>
        <source>Reprise du travail sur {name}…</source>
        <translation>Reprise du travail sur {name}…</translation>
    </message>
    <message>
        <source>Relire le fichier ?</source>
        <translation>Relire le fichier ?</translation>
    </message>
    <message>
        <source>Changer ce réglage relit le fichier : l'association au schéma, la protection et les corrections faites ensuite seront à refaire. Continuer ?</source>
        <translation>Changer ce réglage relit le fichier : l'association au schéma, la protection et les corrections faites ensuite seront à refaire. Continuer ?</translation>
    </message>
    <message>
        <source>{n} lignes lues.</source>
        <translation>{n} lignes lues.</translation>
    </message>
    <message>
        <source>Le fichier « {name} » n'a pas pu être lu (erreur inattendue).</source>
        <translation>Le fichier « {name} » n'a pas pu être lu (erreur inattendue).</translation>
    </message>
    <message>
        <source>Aucun réglage de lecture n'y change rien : cliquez sur « Ouvrir un autre fichier… » pour en choisir un autre.</source>
        <translation>Aucun réglage de lecture n'y change rien : cliquez sur « Ouvrir un autre fichier… » pour en choisir un autre.</translation>
    </message>
    <message>
        <source>Si c'est le bon fichier, essayez un autre « Encodage », un autre « Séparateur » ou une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>Si c'est le bon fichier, essayez un autre « Encodage », un autre « Séparateur » ou une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</translation>
    </message>
    <message>
        <source>Si c'est le bon fichier, choisissez une autre « Feuille » ou une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>Si c'est le bon fichier, choisissez une autre « Feuille » ou une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</translation>
    </message>
    <message>
        <source>Si c'est le bon fichier, essayez une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>Si c'est le bon fichier, essayez une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».</translation>
    </message>
    <message>
        <source>Le fichier n'a pas pu être lu</source>
        <translation>Le fichier n'a pas pu être lu</translation>
    </message>
    <message>
        <source>{auto} ({n} lignes)</source>
        <translation>{auto} ({n} lignes)</translation>
    </message>
    <message>
        <source>{n} lignes, {c} colonnes</source>
        <translation>{n} lignes, {c} colonnes</translation>
    </message>
    <message>
        <source> (aperçu)</source>
        <translation> (aperçu)</translation>
    </message>
    <message>
        <source>{reason} : {lines}</source>
        <translation>{reason} : {lines}</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Aucun avertissement.</source>
        <translation>Aucun avertissement.</translation>
    </message>
    <message>
        <source>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Elles sont mises bout à bout en un seul tableau ; la colonne « feuille » dit d'où vient chaque ligne. Décochez la case pour n'en lire qu'une.</source>
        <translation>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Elles sont mises bout à bout en un seul tableau ; la colonne « feuille » dit d'où vient chaque ligne. Décochez la case pour n'en lire qu'une.</translation>
    </message>
    <message>
        <source>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Seule « {sheet} » est lue : cochez la case pour les mettre bout à bout, ou choisissez une autre feuille ci-dessus.</source>
        <translation>Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Seule « {sheet} » est lue : cochez la case pour les mettre bout à bout, ou choisissez une autre feuille ci-dessus.</translation>
    </message>
    <message>
        <source>Mettre les {n} feuilles &amp;bout à bout</source>
        <translation>Mettre les {n} feuilles &amp;bout à bout</translation>
    </message>
    <message>
        <source>{kind} : lignes {lines}</source>
        <translation>{kind} : lignes {lines}</translation>
    </message>
    <message>
        <source>titre au-dessus du tableau</source>
        <translation>titre au-dessus du tableau</translation>
    </message>
    <message>
        <source>lignes vides</source>
        <translation>lignes vides</translation>
    </message>
    <message>
        <source>pied de tableau (total, notes)</source>
        <translation>pied de tableau (total, notes)</translation>
    </message>
    <message>
        <source>commentaires</source>
        <translation>commentaires</translation>
    </message>
    <message>
        <source>en-tête sur plusieurs lignes</source>
        <translation>en-tête sur plusieurs lignes</translation>
    </message>
    <message>
        <source>Choisissez un fichier à ouvrir.</source>
        <translation>Choisissez un fichier à ouvrir.</translation>
    </message>
    <message>
        <source>Lecture du fichier en cours…</source>
        <translation>Lecture du fichier en cours…</translation>
    </message>
    <message>
        <source>Le fichier n'a pas pu être lu : cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>Le fichier n'a pas pu être lu : cliquez sur « Ouvrir un autre fichier… ».</translation>
    </message>
    <message>
        <source>Le fichier n'a pas pu être lu : changez un réglage ci-dessus ou cliquez sur « Ouvrir un autre fichier… ».</source>
        <translation>Le fichier n'a pas pu être lu : changez un réglage ci-dessus ou cliquez sur « Ouvrir un autre fichier… ».</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Avancement</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Annuler la tâche en cours</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
    <message>
        <source>Arrêter la tâche en cours (Échap)</source>
        <translation>Arrêter la tâche en cours (Échap)</translation>
    </message>
</context>
<context>
    <name>ProtectPage</name>
    <message>
        <source>Résumé de l'analyse</source>
        <translation>Résumé de l'analyse</translation>
    </message>
    <message>
        <source>&amp;Relancer l'analyse</source>
        <translation>&amp;Relancer l'analyse</translation>
    </message>
    <message>
        <source>Relancer la recherche de données personnelles</source>
        <translation>Relancer la recherche de données personnelles</translation>
    </message>
    <message>
        <source>Colonnes avec des données personnelles</source>
        <translation>Colonnes avec des données personnelles</translation>
    </message>
    <message>
        <source>Risque de ré-identification</source>
        <translation>Risque de ré-identification</translation>
    </message>
    <message>
        <source>Taille minimale des groupes (k)</source>
        <translation>Taille minimale des groupes (k)</translation>
    </message>
    <message>
        <source>Chaque combinaison de quasi-identifiants doit être partagée par au moins k lignes (11 : règle de l'INSEE et de la DGFiP).</source>
        <translation>Chaque combinaison de quasi-identifiants doit être partagée par au moins k lignes (11 : règle de l'INSEE et de la DGFiP).</translation>
    </message>
    <message>
        <source>Seuil &amp;k :</source>
        <translation>Seuil &amp;k :</translation>
    </message>
    <message>
        <source>&amp;Corriger le risque</source>
        <translation>&amp;Corriger le risque</translation>
    </message>
    <message>
        <source>Généraliser puis vider les valeurs trop rares</source>
        <translation>Généraliser puis vider les valeurs trop rares</translation>
    </message>
    <message>
        <source>Généralise les quasi-identifiants (tranches, département…), puis vide les cellules des lignes encore isolables.</source>
        <translation>Généralise les quasi-identifiants (tranches, département…), puis vide les cellules des lignes encore isolables.</translation>
    </message>
    <message>
        <source>Risque de ré-identification par croisement</source>
        <translation>Risque de ré-identification par croisement</translation>
    </message>
    <message>
        <source>Problèmes à corriger avant de continuer</source>
        <translation>Problèmes à corriger avant de continuer</translation>
    </message>
    <message>
        <source>Résultat de la protection</source>
        <translation>Résultat de la protection</translation>
    </message>
    <message>
        <source>Voir le rapport de &amp;traitement…</source>
        <translation>Voir le rapport de &amp;traitement…</translation>
    </message>
    <message>
        <source>Voir le rapport de traitement des données personnelles</source>
        <translation>Voir le rapport de traitement des données personnelles</translation>
    </message>
    <message>
        <source>Protéger</source>
        <translation>Protéger</translation>
    </message>
    <message>
        <source>Les colonnes qui semblent contenir des données personnelles, la règle qui s'applique et l'action proposée. Vous décidez ; tout est inscrit dans le rapport de traitement.</source>
        <translation>Les colonnes qui semblent contenir des données personnelles, la règle qui s'applique et l'action proposée. Vous décidez ; tout est inscrit dans le rapport de traitement.</translation>
    </message>
    <message>
        <source>Recherche de données personnelles en cours…</source>
        <translation>Recherche de données personnelles en cours…</translation>
    </message>
    <message>
        <source>Analyse terminée : {n} colonne à examiner.</source>
        <translation>Analyse terminée : {n} colonne à examiner.</translation>
    </message>
    <message>
        <source>Analyse terminée : {n} colonnes à examiner.</source>
        <translation>Analyse terminée : {n} colonnes à examiner.</translation>
    </message>
    <message>
        <source>{n} colonne semble contenir des données personnelles.</source>
        <translation>{n} colonne semble contenir des données personnelles.</translation>
    </message>
    <message>
        <source>{n} colonnes semblent contenir des données personnelles.</source>
        <translation>{n} colonnes semblent contenir des données personnelles.</translation>
    </message>
    <message>
        <source>Vérifiez chaque proposition : l'application vous aide, mais c'est vous (et votre délégué à la protection des données) qui décidez.</source>
        <translation>Vérifiez chaque proposition : l'application vous aide, mais c'est vous (et votre délégué à la protection des données) qui décidez.</translation>
    </message>
    <message>
        <source>Non publiées, car aucun champ du schéma ne les reprend : {columns}.</source>
        <translation>Non publiées, car aucun champ du schéma ne les reprend : {columns}.</translation>
    </message>
    <message>
        <source>« {column} » ({found})</source>
        <translation>« {column} » ({found})</translation>
    </message>
    <message>
        <source>« {column} »</source>
        <translation>« {column} »</translation>
    </message>
    <message>
        <source>{n} cellule transformée.</source>
        <translation>{n} cellule transformée.</translation>
    </message>
    <message>
        <source>{n} cellules transformées.</source>
        <translation>{n} cellules transformées.</translation>
    </message>
    <message>
        <source>{n} ligne d'entrepreneur individuel (personne physique) retirée de la publication.</source>
        <translation>{n} ligne d'entrepreneur individuel (personne physique) retirée de la publication.</translation>
    </message>
    <message>
        <source>{n} lignes d'entrepreneurs individuels (personnes physiques) retirées de la publication.</source>
        <translation>{n} lignes d'entrepreneurs individuels (personnes physiques) retirées de la publication.</translation>
    </message>
    <message>
        <source>{n} ligne retirée pour l'anonymat k.</source>
        <translation>{n} ligne retirée pour l'anonymat k.</translation>
    </message>
    <message>
        <source>{n} lignes retirées pour l'anonymat k.</source>
        <translation>{n} lignes retirées pour l'anonymat k.</translation>
    </message>
    <message>
        <source>Analyse interrompue. Cliquez sur « Relancer l'analyse » pour la reprendre.</source>
        <translation>Analyse interrompue. Cliquez sur « Relancer l'analyse » pour la reprendre.</translation>
    </message>
    <message>
        <source>Ouvrez un fichier et associez-le à un schéma pour rechercher les données personnelles.</source>
        <translation>Ouvrez un fichier et associez-le à un schéma pour rechercher les données personnelles.</translation>
    </message>
    <message>
        <source>Aucune donnée personnelle n'a été repérée dans les {n} colonnes. Parcourez tout de même le tableau avant de publier.</source>
        <translation>Aucune donnée personnelle n'a été repérée dans les {n} colonnes. Parcourez tout de même le tableau avant de publier.</translation>
    </message>
    <message>
        <source>Sans donnée personnelle repérée : {columns}.</source>
        <translation>Sans donnée personnelle repérée : {columns}.</translation>
    </message>
    <message>
        <source>Anonymat k non mesuré : les lignes décrivent des personnes morales, pas des personnes physiques.</source>
        <translation>Anonymat k non mesuré : les lignes décrivent des personnes morales, pas des personnes physiques.</translation>
    </message>
    <message>
        <source>Anonymat k non mesuré : les lignes décrivent des lieux ou équipements, pas des personnes physiques.</source>
        <translation>Anonymat k non mesuré : les lignes décrivent des lieux ou équipements, pas des personnes physiques.</translation>
    </message>
    <message>
        <source>La correction automatique sera appliquée au passage à l'étape suivante.</source>
        <translation>La correction automatique sera appliquée au passage à l'étape suivante.</translation>
    </message>
    <message>
        <source>Protection appliquée.</source>
        <translation>Protection appliquée.</translation>
    </message>
    <message>
        <source>Colonnes retirées : {columns}.</source>
        <translation>Colonnes retirées : {columns}.</translation>
    </message>
    <message>
        <source>Application des actions en cours…</source>
        <translation>Application des actions en cours…</translation>
    </message>
    <message>
        <source>Application interrompue : rien n'a été modifié.</source>
        <translation>Application interrompue : rien n'a été modifié.</translation>
    </message>
    <message>
        <source>Rapport de traitement des données personnelles</source>
        <translation>Rapport de traitement des données personnelles</translation>
    </message>
    <message>
        <source>Rapport de traitement</source>
        <translation>Rapport de traitement</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Corrigez d'abord les décisions signalées en rouge.</source>
        <translation>Corrigez d'abord les décisions signalées en rouge.</translation>
    </message>
    <message>
        <source>Ouvrez d'abord un fichier.</source>
        <translation>Ouvrez d'abord un fichier.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Travail non terminé sur « {name} » (étape : {step}).</source>
        <translation>Travail non terminé sur « {name} » (étape : {step}).</translation>
    </message>
    <message>
        <source>Travail repris.</source>
        <translation>Travail repris.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Paramètres</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Langue de l'interface</source>
        <translation>Langue de l'interface</translation>
    </message>
    <message>
        <source>Nom du bureau ou du service</source>
        <translation>Nom du bureau ou du service</translation>
    </message>
    <message>
        <source>ex. : Bureau des statistiques, DGXX</source>
        <translation>ex. : Bureau des statistiques, DGXX</translation>
    </message>
    <message>
        <source>SIRET de l'organisation</source>
        <translation>SIRET de l'organisation</translation>
    </message>
    <message>
        <source>14 chiffres, ex. : 110 046 018 00013</source>
        <translation>14 chiffres, ex. : 110 046 018 00013</translation>
    </message>
    <message>
        <source>Rempli dans les champs du type idAttribuant quand aucune colonne ne les fournit (visible et modifiable à l'étape Associer).</source>
        <translation>Rempli dans les champs du type idAttribuant quand aucune colonne ne les fournit (visible et modifiable à l'étape Associer).</translation>
    </message>
    <message>
        <source>Votre nom</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Licence par défaut</source>
        <translation>Licence par défaut</translation>
    </message>
    <message>
        <source>Seuil k par défaut</source>
        <translation>Seuil k par défaut</translation>
    </message>
    <message>
        <source>Nombre minimal de lignes qui doivent partager la même combinaison de caractéristiques (k-anonymat) ; 11 est l'usage de la statistique publique.</source>
        <translation>Nombre minimal de lignes qui doivent partager la même combinaison de caractéristiques (k-anonymat) ; 11 est l'usage de la statistique publique.</translation>
    </message>
    <message>
        <source>Dossier d'export par défaut</source>
        <translation>Dossier d'export par défaut</translation>
    </message>
    <message>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choisir le dossier d'export</source>
        <translation>Choisir le dossier d'export</translation>
    </message>
    <message>
        <source>&amp;Langue :</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Bureau (producteur et attribuant) :</source>
        <translation>&amp;Bureau (producteur et attribuant) :</translation>
    </message>
    <message>
        <source>&amp;SIRET de l'organisation :</source>
        <translation>&amp;SIRET de l'organisation :</translation>
    </message>
    <message>
        <source>Votre &amp;nom (rapports de traitement) :</source>
        <translation>Votre &amp;nom (rapports de traitement) :</translation>
    </message>
    <message>
        <source>L&amp;icence par défaut :</source>
        <translation>L&amp;icence par défaut :</translation>
    </message>
    <message>
        <source>Seuil &amp;k par défaut :</source>
        <translation>Seuil &amp;k par défaut :</translation>
    </message>
    <message>
        <source>&amp;Dossier d'export :</source>
        <translation>&amp;Dossier d'export :</translation>
    </message>
    <message>
        <source>Un SIRET compte 14 chiffres : vérifiez la saisie (espaces permis).</source>
        <translation>Un SIRET compte 14 chiffres : vérifiez la saisie (espaces permis).</translation>
    </message>
    <message>
        <source>Ce SIRET n'est pas valide (clé de contrôle fausse) : vérifiez chaque chiffre.</source>
        <translation>Ce SIRET n'est pas valide (clé de contrôle fausse) : vérifiez chaque chiffre.</translation>
    </message>
    <message>
        <source>Dossier d'export</source>
        <translation>Dossier d'export</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Préparer un tableur pour l'open data</source>
        <translation>Préparer un tableur pour l'open data</translation>
    </message>
    <message>
        <source>Ouvrez un fichier CSV, Excel ou LibreOffice : CapNum l'associe au schéma national, protège les données personnelles, le vérifie et l'exporte, en cinq étapes.</source>
        <translation>Ouvrez un fichier CSV, Excel ou LibreOffice : CapNum l'associe au schéma national, protège les données personnelles, le vérifie et l'exporte, en cinq étapes.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un fichier…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Ouvrir un fichier</source>
        <translation>Ouvrir un fichier</translation>
    </message>
    <message>
        <source>&amp;Essayer avec le fichier de démonstration</source>
        <translation>&amp;Essayer avec le fichier de démonstration</translation>
    </message>
    <message>
        <source>Ouvrir le fichier de démonstration</source>
        <translation>Ouvrir le fichier de démonstration</translation>
    </message>
    <message>
        <source>… ou déposez un fichier dans cette fenêtre.</source>
        <translation>… ou déposez un fichier dans cette fenêtre.</translation>
    </message>
    <message>
        <source>&amp;Reprendre le travail en cours</source>
        <translation>&amp;Reprendre le travail en cours</translation>
    </message>
    <message>
        <source>Reprendre le travail en cours</source>
        <translation>Reprendre le travail en cours</translation>
    </message>
    <message>
        <source>Fichiers récents</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <source>Entrée ou double-clic pour ouvrir le fichier</source>
        <translation>Entrée ou double-clic pour ouvrir le fichier</translation>
    </message>
    <message>
        <source>Aucun fichier récent.</source>
        <translation>Aucun fichier récent.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Ouvrir</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Associer au schéma</source>
        <translation>Associer au schéma</translation>
    </message>
    <message>
        <source>Protéger</source>
        <translation>Protéger</translation>
    </message>
    <message>
        <source>Vérifier</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>la modification de « {field} », ligne {row}</source>
        <translation>la modification de « {field} », ligne {row}</translation>
    </message>
    <message>
        <source>la modification de la colonne « {field} »</source>
        <translation>la modification de la colonne « {field} »</translation>
    </message>
    <message>
        <source>l'association de « {column} » à {field}</source>
        <translation>l'association de « {column} » à {field}</translation>
    </message>
    <message>
        <source>la valeur fixe de {field}</source>
        <translation>la valeur fixe de {field}</translation>
    </message>
    <message>
        <source>le choix du schéma {title}</source>
        <translation>le choix du schéma {title}</translation>
    </message>
    <message>
        <source>le retrait du champ {field}</source>
        <translation>le retrait du champ {field}</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Résultat de la vérification</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>Cliquez sur une erreur pour voir la cellule ; double-cliquez la cellule pour la corriger. Chaque correction peut être annulée (Ctrl+Z) et seule la partie modifiée est revérifiée.</source>
        <translation>Cliquez sur une erreur pour voir la cellule ; double-cliquez la cellule pour la corriger. Chaque correction peut être annulée (Ctrl+Z) et seule la partie modifiée est revérifiée.</translation>
    </message>
    <message>
        <source>Liste des erreurs, regroupées par colonne et par type</source>
        <translation>Liste des erreurs, regroupées par colonne et par type</translation>
    </message>
    <message>
        <source>Détail de l'erreur choisie</source>
        <translation>Détail de l'erreur choisie</translation>
    </message>
    <message>
        <source>Re&amp;vérifier tout</source>
        <translation>Re&amp;vérifier tout</translation>
    </message>
    <message>
        <source>Vérifier de nouveau tout le tableau</source>
        <translation>Vérifier de nouveau tout le tableau</translation>
    </message>
    <message>
        <source>&amp;Corriger une colonne…</source>
        <translation>&amp;Corriger une colonne…</translation>
    </message>
    <message>
        <source>Appliquer une correction à toute une colonne</source>
        <translation>Appliquer une correction à toute une colonne</translation>
    </message>
    <message>
        <source>Rec&amp;hercher et remplacer…</source>
        <translation>Rec&amp;hercher et remplacer…</translation>
    </message>
    <message>
        <source>Rechercher et remplacer dans le tableau</source>
        <translation>Rechercher et remplacer dans le tableau</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Annuler la dernière correction</source>
        <translation>Annuler la dernière correction</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Rétablir la correction annulée</source>
        <translation>Rétablir la correction annulée</translation>
    </message>
    <message>
        <source>Vérifier</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Le tableau est comparé au schéma, comme le fait le validateur national. Corrigez ici ce qui peut l'être ; les erreurs restantes figureront dans le rapport.</source>
        <translation>Le tableau est comparé au schéma, comme le fait le validateur national. Corrigez ici ce qui peut l'être ; les erreurs restantes figureront dans le rapport.</translation>
    </message>
    <message>
        <source>Aucun tableau ouvert.</source>
        <translation>Aucun tableau ouvert.</translation>
    </message>
    <message>
        <source>Aucun schéma n'a été choisi : rien à vérifier. Revenez à l'étape « Associer au schéma » pour en choisir un.</source>
        <translation>Aucun schéma n'a été choisi : rien à vérifier. Revenez à l'étape « Associer au schéma » pour en choisir un.</translation>
    </message>
    <message>
        <source>Vérification en cours…</source>
        <translation>Vérification en cours…</translation>
    </message>
    <message>
        <source>La vérification n'a pas pu se faire.</source>
        <translation>La vérification n'a pas pu se faire.</translation>
    </message>
    <message>
        <source>Vérification interrompue. Cliquez sur « Revérifier tout » pour la relancer.</source>
        <translation>Vérification interrompue. Cliquez sur « Revérifier tout » pour la relancer.</translation>
    </message>
    <message>
        <source>Vérification de la colonne « {field} »…</source>
        <translation>Vérification de la colonne « {field} »…</translation>
    </message>
    <message>
        <source>Le tableau est conforme au schéma ({n} lignes).</source>
        <translation>Le tableau est conforme au schéma ({n} lignes).</translation>
    </message>
    <message>
        <source>{n} erreur</source>
        <translation>{n} erreur</translation>
    </message>
    <message>
        <source>{n} erreurs</source>
        <translation>{n} erreurs</translation>
    </message>
    <message>
        <source>{errors} dans la structure du tableau (colonnes, en-têtes).</source>
        <translation>{errors} dans la structure du tableau (colonnes, en-têtes).</translation>
    </message>
    <message>
        <source>{errors} sur {rows} ligne (sur {n}).</source>
        <translation>{errors} sur {rows} ligne (sur {n}).</translation>
    </message>
    <message>
        <source>{errors} sur {rows} lignes (sur {n}).</source>
        <translation>{errors} sur {rows} lignes (sur {n}).</translation>
    </message>
    <message>
        <source>{n} avertissement.</source>
        <translation>{n} avertissement.</translation>
    </message>
    <message>
        <source>{n} avertissements.</source>
        <translation>{n} avertissements.</translation>
    </message>
    <message>
        <source>Préparation de la correction de « {field} »…</source>
        <translation>Préparation de la correction de « {field} »…</translation>
    </message>
    <message>
        <source>Correction appliquée à « {field} ». Ctrl+Z pour l'annuler.</source>
        <translation>Correction appliquée à « {field} ». Ctrl+Z pour l'annuler.</translation>
    </message>
    <message>
        <source>Le tableau n'a pas encore été vérifié.</source>
        <translation>Le tableau n'a pas encore été vérifié.</translation>
    </message>
</context>
</TS>