//! The demo catalogue as data: designers, pickup points, reward tiers and partners.

pub(super) struct DesignerSpec {
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) atelier: &'static str,
    pub(super) city: &'static str,
    pub(super) bio: &'static str,
    pub(super) materials: &'static [&'static str],
    pub(super) practices: &'static [&'static str],
    pub(super) instagram: Option<&'static str>,
    /// Distance from Geneva, in tenths of a kilometre.
    pub(super) distance_tenths_km: i64,
}

/// Indices into this table are used by the reward tables below (`designer: Some(i)`).
pub(super) const DESIGNERS: &[DesignerSpec] = &[
    DesignerSpec {
        slug: "atelier-chanvre-et-lin",
        name: "Margot Rieder",
        atelier: "Atelier Chanvre & Lin",
        city: "Genève",
        bio: "Margot Rieder dessine des basiques en chanvre et en lin qu’elle coupe et coud dans son atelier des Eaux-Vives. Elle travaille en petites séries, à la commande, avec des fibres biologiques filées en Europe. Ses patrons sont pensés pour durer dix ans et plus.",
        materials: &["chanvre", "lin", "coton biologique"],
        practices: &["local_sourcing", "organic_fibres", "zero_waste_cutting", "made_to_order"],
        instagram: Some("https://www.instagram.com/example.chanvreetlin"),
        distance_tenths_km: 12,
    },
    DesignerSpec {
        slug: "maison-reprise",
        name: "Louise Amsler",
        atelier: "Maison Reprise",
        city: "Carouge",
        bio: "Couturière de formation, Louise Amsler répare, reprise et transforme les vêtements des Carougeois depuis quinze ans. Elle enseigne la broderie visible et le sashiko pour que chacun puisse prolonger la vie de ses habits.",
        materials: &["denim récupéré", "laine à repriser", "fils de coton"],
        practices: &["repair", "upcycling", "hand_craft"],
        instagram: Some("https://www.instagram.com/example.maisonreprise"),
        distance_tenths_km: 28,
    },
    DesignerSpec {
        slug: "benali-tailleur",
        name: "Idriss Benali",
        atelier: "Benali Tailleur",
        city: "Lancy",
        bio: "Tailleur formé à Tunis puis à Lyon, Idriss Benali confectionne vestes et pantalons sur mesure à Lancy. Il travaille exclusivement des laines de fin de série rachetées à des drapiers européens. Chaque pièce est coupée pour une seule personne.",
        materials: &["laine de fin de série", "soie", "doublure en cupro"],
        practices: &["made_to_order", "deadstock", "hand_craft"],
        instagram: None,
        distance_tenths_km: 45,
    },
    DesignerSpec {
        slug: "teintures-du-rhone",
        name: "Anouk Fehlmann",
        atelier: "Teintures du Rhône",
        city: "Plan-les-Ouates",
        bio: "Anouk Fehlmann cultive ses plantes tinctoriales dans un jardin de Plan-les-Ouates : garance, gaude et pastel. Elle teint la soie et le lin à la main, sans mordants toxiques, et composte ses bains. Ses foulards portent les couleurs des saisons genevoises.",
        materials: &["soie", "lin", "garance", "pastel des teinturiers", "pelures d’oignon"],
        practices: &["natural_dyes", "organic_fibres", "hand_craft", "local_sourcing"],
        instagram: Some("https://www.instagram.com/example.teinturesdurhone"),
        distance_tenths_km: 73,
    },
    DesignerSpec {
        slug: "studio-zero-chute",
        name: "Yasmine Dufaux",
        atelier: "Studio Zéro Chute",
        city: "Meyrin",
        bio: "Modéliste, Yasmine Dufaux conçoit des patrons qui utilisent toute la largeur du tissu : pas une chute ne part à la poubelle. Elle coud pulls et manteaux dans des tissus dormants récupérés chez des confectionneurs romands.",
        materials: &["laine bouillie", "jersey biologique", "tissus dormants"],
        practices: &["zero_waste_cutting", "deadstock", "made_to_order"],
        instagram: None,
        distance_tenths_km: 86,
    },
    DesignerSpec {
        slug: "cuir-sauve",
        name: "Julien Perroud",
        atelier: "Cuir Sauvé",
        city: "Nyon",
        bio: "À Nyon, Julien Perroud récupère les chutes de cuir des selliers et les voiles usées des régatiers du Léman. Il en fait des sacs et des pochettes cousus au point sellier, et répare gratuitement tout ce qui sort de son atelier.",
        materials: &["chutes de cuir", "toile de voile", "boutons en corozo"],
        practices: &["upcycling", "deadstock", "repair", "hand_craft"],
        instagram: Some("https://www.instagram.com/example.cuirsauve"),
        distance_tenths_km: 240,
    },
];

/// (name, address, city, opening hours); indices are used by `TierSpec::pickup`.
pub(super) const PICKUP_POINTS: [(&str, &str, &str, &str); 3] = [
    ("La Fabrique du Quai", "Quai du Seujet 18, 1201 Genève", "Genève", "mer–sam 10h–18h"),
    ("Maison Reprise", "Rue Saint-Joseph 21, 1227 Carouge", "Carouge", "mar–ven 11h–19h, sam 10h–16h"),
    ("Café-atelier Le Dé à coudre", "Rue de Lyon 44, 1203 Genève", "Genève", "lun–ven 8h–18h"),
];

pub(super) struct SlotSpec {
    /// Days after the campaign's deadline.
    pub(super) day: i64,
    /// Start hour, UTC (Geneva is UTC+1 in winter).
    pub(super) hour: i64,
    pub(super) hours: i64,
    pub(super) capacity: i32,
    pub(super) location: Option<&'static str>,
}

/// A question for the backer; no choices means a free-text question.
pub(super) struct QuestionSpec {
    pub(super) prompt: &'static str,
    pub(super) choices: &'static [&'static str],
}

#[rustfmt::skip]
pub(super) const SIZE: QuestionSpec = QuestionSpec { prompt: "Taille", choices: &["XS", "S", "M", "L", "XL"] };
#[rustfmt::skip]
pub(super) const EMBROIDERY: QuestionSpec = QuestionSpec { prompt: "Prénom à broder (10 lettres au plus)", choices: &[] };

pub(super) struct TierSpec {
    pub(super) title: &'static str,
    pub(super) description: &'static str,
    pub(super) kind: &'static str,
    /// CHF, whole francs.
    pub(super) price: i64,
    pub(super) limit: Option<i32>,
    pub(super) fulfilment: &'static str,
    pub(super) location: Option<&'static str>,
    /// Index into `DESIGNERS`.
    pub(super) designer: Option<usize>,
    pub(super) max_per_pledge: i32,
    /// Days after the deadline; tiers with slots use the day of their last slot instead.
    pub(super) delivery_days: i64,
    /// Indices into `PICKUP_POINTS` (pickup tiers only).
    pub(super) pickup: &'static [usize],
    pub(super) slots: &'static [SlotSpec],
    pub(super) questions: &'static [QuestionSpec],
    /// How many pledges the seed makes on this tier.
    pub(super) pledges: usize,
}

pub(super) const FABRIQUE: Option<&str> = Some("La Fabrique du Quai, quai du Seujet 18, Genève");

/// The twenty rewards of the main campaign, in catalogue order. The pledge counts are chosen so
/// that "Veste en chanvre — édition limitée" (5 × 1 of 5) and "Atelier teinture végétale au
/// jardin" (12 × 1 over two slots of 6) are sold out, and every other tier has room left.
#[rustfmt::skip]
pub(super) const TIERS: &[TierSpec] = &[
    TierSpec {
        title: "Carte brodée à la main",
        description: "Une carte en papier recyclé, brodée à la main avec des fils de coton récupérés. Chaque motif est unique.",
        kind: "object", price: 25, limit: None, fulfilment: "shipping", location: None,
        designer: Some(1), max_per_pledge: 3, delivery_days: 21, pickup: &[], slots: &[], questions: &[], pledges: 10,
    },
    TierSpec {
        title: "Tote bag en toile de voile recyclée",
        description: "Un sac solide taillé dans des voiles de régate du Léman, anses en chutes de cuir. Il a déjà traversé le lac, il vous suivra partout.",
        kind: "object", price: 45, limit: None, fulfilment: "pickup", location: None,
        designer: Some(5), max_per_pledge: 3, delivery_days: 30, pickup: &[0, 1, 2], slots: &[],
        questions: &[QuestionSpec { prompt: "Couleur des anses", choices: &["Naturel", "Cognac", "Noir"] }],
        pledges: 12,
    },
    TierSpec {
        title: "Foulard en soie teinte à la garance",
        description: "Un carré de soie de 70 cm teint à la main avec des plantes du jardin de Plan-les-Ouates. Envoyé dans une pochette en lin.",
        kind: "object", price: 95, limit: Some(40), fulfilment: "shipping", location: None,
        designer: Some(3), max_per_pledge: 2, delivery_days: 45, pickup: &[], slots: &[],
        questions: &[QuestionSpec { prompt: "Couleur", choices: &["Rouge garance", "Bleu pastel", "Jaune gaude"] }],
        pledges: 8,
    },
    TierSpec {
        title: "T-shirt en chanvre brodé à votre prénom",
        description: "Un t-shirt en chanvre et coton biologique, coupé et cousu à Genève, brodé à la main du prénom de votre choix.",
        kind: "object", price: 65, limit: None, fulfilment: "pickup", location: None,
        designer: Some(0), max_per_pledge: 2, delivery_days: 60, pickup: &[0, 2], slots: &[],
        questions: &[SIZE, EMBROIDERY], pledges: 9,
    },
    TierSpec {
        title: "Pochette en cuir sauvé",
        description: "Une pochette cousue au point sellier dans des chutes de cuir récupérées chez des selliers vaudois. Réparée gratuitement à vie.",
        kind: "object", price: 80, limit: Some(30), fulfilment: "pickup", location: None,
        designer: Some(5), max_per_pledge: 2, delivery_days: 45, pickup: &[1], slots: &[], questions: &[], pledges: 5,
    },
    TierSpec {
        title: "Pull en laine bouillie coupé sans chute",
        description: "Un pull chaud et léger, dont le patron utilise toute la largeur du tissu. Laine bouillie de fin de série, finitions à la main.",
        kind: "object", price: 190, limit: Some(20), fulfilment: "pickup", location: None,
        designer: Some(4), max_per_pledge: 1, delivery_days: 75, pickup: &[0, 1, 2], slots: &[],
        questions: &[SIZE, QuestionSpec { prompt: "Couleur", choices: &["Gris chiné", "Vert sapin", "Écru"] }],
        pledges: 6,
    },
    TierSpec {
        title: "Veste en chanvre — édition limitée",
        description: "La pièce phare du collectif : une veste de travail en chanvre épais, doublée de coton biologique, numérotée et signée. Cinq exemplaires seulement.",
        kind: "object", price: 320, limit: Some(5), fulfilment: "pickup", location: None,
        designer: Some(0), max_per_pledge: 1, delivery_days: 90, pickup: &[0, 1], slots: &[], questions: &[SIZE], pledges: 5,
    },
    TierSpec {
        title: "Atelier réparation : redonner vie à son jean",
        description: "Trois heures pour apprendre à repriser, rapiécer et renforcer un jean usé. Venez avec le vôtre ; fils et tissus fournis.",
        kind: "workshop", price: 60, limit: None, fulfilment: "in_person", location: Some("Maison Reprise, rue Saint-Joseph 21, Carouge"),
        designer: Some(1), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 7, hour: 13, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 14, hour: 13, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 21, hour: 9, hours: 3, capacity: 8, location: None },
        ],
        questions: &[], pledges: 7,
    },
    TierSpec {
        title: "Atelier teinture végétale au jardin",
        description: "Une matinée au jardin tinctorial : cueillette, préparation des bains et teinture d’un foulard en soie que vous emportez.",
        kind: "workshop", price: 85, limit: None, fulfilment: "in_person", location: Some("Teintures du Rhône, Plan-les-Ouates"),
        designer: Some(3), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 10, hour: 8, hours: 4, capacity: 6, location: None },
            SlotSpec { day: 17, hour: 8, hours: 4, capacity: 6, location: None },
        ],
        questions: &[], pledges: 12,
    },
    TierSpec {
        title: "Atelier coupe zéro déchet",
        description: "Apprenez à placer un patron pour ne rien jeter, puis coupez votre propre haut dans un tissu dormant.",
        kind: "workshop", price: 120, limit: None, fulfilment: "in_person", location: Some("Studio Zéro Chute, Meyrin"),
        designer: Some(4), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 12, hour: 13, hours: 4, capacity: 10, location: None },
            SlotSpec { day: 26, hour: 13, hours: 4, capacity: 10, location: None },
        ],
        questions: &[], pledges: 4,
    },
    TierSpec {
        title: "Initiation à la broderie visible (sashiko)",
        description: "Deux heures pour découvrir le sashiko et transformer un accroc en motif. Idéal à deux : prenez une place pour un·e ami·e.",
        kind: "workshop", price: 55, limit: None, fulfilment: "in_person", location: Some("Café-atelier Le Dé à coudre, rue de Lyon 44, Genève"),
        designer: Some(1), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 8, hour: 17, hours: 2, capacity: 12, location: None },
            SlotSpec { day: 22, hour: 17, hours: 2, capacity: 12, location: None },
        ],
        questions: &[], pledges: 6,
    },
    TierSpec {
        title: "Atelier upcycling : un sac en chutes de cuir",
        description: "Assemblez et cousez au point sellier votre propre sac à partir de chutes de cuir et de toile de voile.",
        kind: "workshop", price: 95, limit: Some(16), fulfilment: "in_person", location: Some("Cuir Sauvé, Nyon"),
        designer: Some(5), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 15, hour: 9, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 29, hour: 9, hours: 3, capacity: 8, location: FABRIQUE },
        ],
        questions: &[], pledges: 3,
    },
    TierSpec {
        title: "Parcours des ateliers de Carouge",
        description: "Une promenade guidée de trois heures à la rencontre des couturières, cordonniers et tisserands de la cité sarde.",
        kind: "guided_route", price: 35, limit: None, fulfilment: "in_person", location: Some("Départ : place du Marché, Carouge"),
        designer: Some(1), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 6, hour: 9, hours: 3, capacity: 20, location: None },
            SlotSpec { day: 20, hour: 9, hours: 3, capacity: 20, location: None },
        ],
        questions: &[], pledges: 8,
    },
    TierSpec {
        title: "Balade au fil du Rhône : le textile genevois d’hier à demain",
        description: "Des indienneries du XVIIIe siècle aux ateliers d’aujourd’hui, deux heures le long du fleuve avec une teinturière.",
        kind: "guided_route", price: 30, limit: None, fulfilment: "in_person", location: Some("Départ : pont de la Machine, Genève"),
        designer: Some(3), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 9, hour: 13, hours: 2, capacity: 25, location: None },
            SlotSpec { day: 23, hour: 13, hours: 2, capacity: 25, location: None },
        ],
        questions: &[], pledges: 6,
    },
    TierSpec {
        title: "Tour à vélo des ateliers du Genevois",
        description: "Une demi-journée à vélo de Genève à Meyrin et Lancy, avec trois visites d’ateliers et un goûter local.",
        kind: "guided_route", price: 50, limit: None, fulfilment: "in_person", location: Some("Départ : La Fabrique du Quai, Genève"),
        designer: None, max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 13, hour: 8, hours: 4, capacity: 12, location: None }],
        questions: &[], pledges: 3,
    },
    TierSpec {
        title: "Coaching garde-robe durable (1 h en visio)",
        description: "Une heure en visioconférence pour faire le tri, apprendre à entretenir vos vêtements et acheter moins mais mieux.",
        kind: "coaching", price: 90, limit: Some(15), fulfilment: "online", location: None,
        designer: Some(4), max_per_pledge: 1, delivery_days: 30, pickup: &[], slots: &[], questions: &[], pledges: 4,
    },
    TierSpec {
        title: "Mentorat pour jeune créatrice ou créateur (3 séances)",
        description: "Trois séances en ligne avec un tailleur expérimenté : coupe, prix de revient et choix des matières.",
        kind: "coaching", price: 250, limit: Some(6), fulfilment: "online", location: None,
        designer: Some(2), max_per_pledge: 1, delivery_days: 60, pickup: &[], slots: &[], questions: &[], pledges: 2,
    },
    TierSpec {
        title: "Diagnostic éco-responsable de votre marque",
        description: "Le collectif passe en revue vos matières, vos fournisseurs et vos chutes, et vous remet un plan d’action écrit.",
        kind: "coaching", price: 180, limit: Some(8), fulfilment: "online", location: None,
        designer: None, max_per_pledge: 1, delivery_days: 45, pickup: &[], slots: &[], questions: &[], pledges: 2,
    },
    TierSpec {
        title: "Apéro avec les créatrices et créateurs",
        description: "Une soirée pour rencontrer les six membres du collectif, découvrir les prototypes et trinquer au sirop de sureau.",
        kind: "meeting", price: 40, limit: None, fulfilment: "in_person", location: FABRIQUE,
        designer: None, max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 5, hour: 17, hours: 3, capacity: 40, location: None }],
        questions: &[], pledges: 7,
    },
    TierSpec {
        title: "Dîner de clôture à l’atelier",
        description: "Un dîner de saison servi entre les machines à coudre, avec le collectif et nos partenaires. Votre nom sera brodé sur la bannière de l’atelier.",
        kind: "meeting", price: 500, limit: Some(10), fulfilment: "in_person", location: FABRIQUE,
        designer: None, max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 30, hour: 18, hours: 4, capacity: 10, location: None }],
        questions: &[], pledges: 2,
    },
];

pub(super) struct PartnerSpec {
    pub(super) organisation: &'static str,
    pub(super) contact_name: &'static str,
    pub(super) contact_email: &'static str,
    pub(super) kind: &'static str,
    pub(super) level: &'static str,
    pub(super) message: &'static str,
    pub(super) website: &'static str,
    pub(super) status: &'static str,
}

/// The financial partner that funds the match fund.
pub(super) const FUND_PARTNER: PartnerSpec = PartnerSpec {
    organisation: "Fonds coopératif du Léman",
    contact_name: "Hélène Baud",
    contact_email: "helene.baud@example.org",
    kind: "financial",
    level: "principal",
    message: "Nous ajoutons la moitié de chaque contribution, jusqu’à CHF 40, pour que la mode durable ait enfin son atelier à Genève.",
    website: "https://example.org/fonds-cooperatif-du-leman",
    status: "approved",
};

/// A partner of the platform as a whole (on the home page).
pub(super) const PLATFORM_PARTNER: PartnerSpec = PartnerSpec {
    organisation: "Fondation Textile Lémanique",
    contact_name: "Claire Mottier",
    contact_email: "claire.mottier@example.org",
    kind: "financial",
    level: "principal",
    message: "Nous soutenons les collectifs de mode durable de la région qui lancent leur campagne sur Trame.",
    website: "https://example.org/fondation-textile-lemanique",
    status: "approved",
};

/// One partner of each other kind, plus an application still waiting and a rejected one
/// (neither may appear on the partner wall).
pub(super) const OTHER_PARTNERS: &[PartnerSpec] = &[
    PartnerSpec {
        organisation: "Maille Numérique",
        contact_name: "Raphaël Tissot",
        contact_email: "raphael.tissot@example.org",
        kind: "technology",
        level: "major",
        message: "Nous hébergeons gratuitement le site et l’inventaire des tissus de l’atelier partagé.",
        website: "https://example.org/maille-numerique",
        status: "approved",
    },
    PartnerSpec {
        organisation: "Fibre Locale Magazine",
        contact_name: "Nadia Cattin",
        contact_email: "nadia.cattin@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous suivrons l’ouverture de l’atelier dans nos trois prochains numéros.",
        website: "https://example.org/fibre-locale",
        status: "approved",
    },
    PartnerSpec {
        organisation: "La Fabrique du Quai",
        contact_name: "Olivier Jaquet",
        contact_email: "olivier.jaquet@example.org",
        kind: "in_kind",
        level: "major",
        message: "Nous prêtons notre salle du rez-de-chaussée pour les ateliers, l’apéro et les retraits.",
        website: "https://example.org/fabrique-du-quai",
        status: "approved",
    },
    PartnerSpec {
        organisation: "Podcast Seconde Main",
        contact_name: "Inès Cornaz",
        contact_email: "ines.cornaz@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous aimerions consacrer un épisode au collectif et à ses ateliers de réparation.",
        website: "https://example.org/podcast-seconde-main",
        status: "applied",
    },
    PartnerSpec {
        organisation: "Hebdo Tendance Express",
        contact_name: "Marc Vuille",
        contact_email: "marc.vuille@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous proposons un publireportage en échange d’un lien vers notre boutique en ligne.",
        website: "https://example.org/tendance-express",
        status: "rejected",
    },
];
