//! The demo campaigns' long French texts.

pub(super) const MAIN_SUMMARY: &str = "Six créatrices et créateurs genevois ouvrent un atelier partagé de mode durable : circuits courts, zéro déchet et réparation. Soutenez-les et repartez avec un objet, un atelier, un parcours ou une rencontre.";

pub(super) const MAIN_STORY: &str = r#"## Qui sommes-nous ?

**Fil Rouge** est un collectif de six créatrices et créateurs installés à Genève, Carouge, Lancy, Meyrin, Plan-les-Ouates et Nyon. Nous cousons, teignons, réparons et transformons des vêtements depuis des années, chacun dans notre coin. Aujourd’hui, nous voulons unir nos forces dans un **atelier partagé**, ouvert au public, au bord du Rhône.

## Des circuits courts, vraiment courts

Nos matières voyagent le moins possible : chanvre et lin filés en Europe, laine de fin de série rachetée aux drapiers, tissus dormants récupérés chez des confectionneurs romands, cuir sauvé de la benne. Aucun de nos ateliers n’est à plus de 25 km de Genève, et chaque récompense indique **qui l’a fabriquée et où**.

## Zéro déchet, de la coupe à la réparation

- **Coupe zéro chute** : nos patrons utilisent toute la largeur du tissu.
- **Upcycling** : les chutes deviennent pochettes, tote bags et cartes brodées.
- **Teintures végétales** : garance, pastel et gaude, cultivées à Plan-les-Ouates.
- **Réparation** : chaque pièce du collectif est réparée gratuitement, à vie.

## À quoi servira votre soutien ?

Avec **CHF 25’000**, nous ouvrons l’atelier pour six mois :

1. Machines à coudre et surjeteuses d’occasion, révisées : CHF 7’500
2. Loyer de l’atelier partagé pendant six mois : CHF 6’000
3. Rémunération des créatrices et créateurs pour les ateliers publics : CHF 5’500
4. Tissus dormants et fibres locales : CHF 3’500
5. Frais de paiement et de plateforme : CHF 2’500

## Tout ou rien

Cette campagne fonctionne en **tout ou rien** : votre carte n’est débitée que si l’objectif est atteint à l’échéance. Si nous le dépassons, le surplus financera des heures de réparation gratuites pour les élèves des écoles de couture genevoises.

Merci de tirer ce fil rouge avec nous !
"#;

pub(super) const CAROUGE_SUMMARY: &str = "Une boutique de quartier où l’on répare, échange et prête des vêtements plutôt que d’en acheter de nouveaux. Aidez-nous à l’équiper avant l’hiver.";

pub(super) const CAROUGE_STORY: &str = r#"## Réparer, échanger, prêter

Le **Vestiaire circulaire** ouvre ses portes à Carouge : un comptoir de réparation, un portant d’échange et une garde-robe de prêt pour les grandes occasions.

## Ce que nous finançons

- une machine à coudre et une table de repassage professionnelles ;
- des étagères et des portants en bois de récupération ;
- six mois de permanences de réparation à prix libre.

Cette campagne est **flexible** : chaque contribution est encaissée tout de suite et sert au projet, même si l’objectif n’est pas atteint.
"#;
