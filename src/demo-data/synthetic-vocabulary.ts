/**
 * Words the synthetic dataset builds names, titles and descriptions from. Every entry has
 * a German, French and English form so one choice gives all three texts. Templates use
 * {S} subject, {T} "in <topic>", {B} bare topic, {P} place, {Y} year, {O} organiser name,
 * {F} trade fair; French subjects are lower case because they follow a colon.
 */
import type { DemoCategory } from './demo-world';
import { frenchTypography } from '../shared/french-typography';

/** One text in the three languages. */
export interface Tri {
  de: string;
  fr: string;
  en: string;
}

/** An industry a cluster works in: the bare word, "in the industry" and initiative topics. */
export interface Topic {
  name: Tri;
  /** "in der Medizintechnik", "dans les technologies médicales", "in medical technology". */
  within: Tri;
  /** Short form for compound names: "MedTech". */
  short: string;
  /** Initiative topics (organizer.topics). */
  tags: string[];
}

const topic = (de: string, fr: string, en: string, within: Tri, short: string, tags: string[]): Topic => ({
  name: { de, fr, en }, within, short, tags,
});
// French is typed with plain spaces and gets its no-break spaces here (see frenchTypography).
const w = (de: string, fr: string, en: string): Tri => ({ de, fr: frenchTypography(fr), en });

export const TOPICS: Topic[] = [
  topic('Medizintechnik', 'technologies médicales', 'medical technology', w('in der Medizintechnik', 'dans les technologies médicales', 'in medical technology'), 'MedTech', ['Medizintechnik', 'Regulatorik', 'Chirurgische Instrumente']),
  topic('Photonik', 'photonique', 'photonics', w('in der Photonik', 'dans la photonique', 'in photonics'), 'Photonik', ['Photonik', 'Lasertechnik', 'Optische Messtechnik']),
  topic('Maschinenbau', 'construction mécanique', 'mechanical engineering', w('im Maschinenbau', 'dans la construction mécanique', 'in mechanical engineering'), 'Maschinenbau', ['Maschinenbau', 'Antriebstechnik', 'Industrie 4.0']),
  topic('Automobilwirtschaft', 'industrie automobile', 'automotive industry', w('in der Automobilwirtschaft', "dans l'industrie automobile", 'in the automotive industry'), 'Automotive', ['Automobilzulieferer', 'Elektromobilität', 'Antriebstechnik']),
  topic('Luft- und Raumfahrt', 'aéronautique et spatial', 'aerospace', w('in der Luft- und Raumfahrt', "dans l'aéronautique et le spatial", 'in aerospace'), 'Aerospace', ['Luftfahrt', 'Raumfahrt', 'Leichtbau']),
  topic('Biotechnologie', 'biotechnologies', 'biotechnology', w('in der Biotechnologie', 'dans les biotechnologies', 'in biotechnology'), 'BioTech', ['Biotechnologie', 'Life Sciences', 'Diagnostik']),
  topic('Holzwirtschaft', 'filière bois', 'timber industry', w('in der Holzwirtschaft', 'dans la filière bois', 'in the timber industry'), 'Holz', ['Forst- und Holzwirtschaft', 'Holzbau', 'Bioökonomie']),
  topic('Textilindustrie', 'industrie textile', 'textile industry', w('in der Textilindustrie', "dans l'industrie textile", 'in the textile industry'), 'Textil', ['Technische Textilien', 'Smart Textiles', 'Maschenware']),
  topic('Mikrosystemtechnik', 'microsystèmes', 'microsystems', w('in der Mikrosystemtechnik', 'dans les microsystèmes', 'in microsystems'), 'Mikrotechnik', ['Mikrosystemtechnik', 'Präzisionstechnik', 'Sensorik']),
  topic('Umwelttechnik', "technologies de l'environnement", 'environmental technology', w('in der Umwelttechnik', "dans les technologies de l'environnement", 'in environmental technology'), 'Umwelttechnik', ['Umwelttechnik', 'Wasseraufbereitung', 'Recycling']),
  topic('Energiewirtschaft', 'énergie', 'energy', w('in der Energiewirtschaft', "dans le secteur de l'énergie", 'in the energy sector'), 'Energie', ['Erneuerbare Energien', 'Energiespeicher', 'Netze']),
  topic('Kunststofftechnik', 'plasturgie', 'plastics engineering', w('in der Kunststofftechnik', 'dans la plasturgie', 'in plastics engineering'), 'Kunststoff', ['Kunststofftechnik', 'Spritzguss', 'Faserverbund']),
  topic('Verpackungstechnik', 'emballage', 'packaging', w('in der Verpackungstechnik', "dans l'emballage", 'in packaging'), 'Verpackung', ['Verpackungsmaschinen', 'Verpackungsmaterialien', 'Logistik']),
  topic('Informationstechnik', 'numérique', 'information technology', w('in der IT-Wirtschaft', 'dans le numérique', 'in information technology'), 'IT', ['Software', 'IT-Sicherheit', 'Cloud']),
  topic('Logistik', 'logistique', 'logistics', w('in der Logistik', 'dans la logistique', 'in logistics'), 'Logistik', ['Logistik', 'Intralogistik', 'Supply Chain']),
  topic('Ernährungswirtschaft', 'agroalimentaire', 'food industry', w('in der Ernährungswirtschaft', "dans l'agroalimentaire", 'in the food industry'), 'Food', ['Lebensmitteltechnik', 'Landwirtschaft', 'Ernährung']),
  topic('Kreativwirtschaft', 'industries créatives', 'creative industries', w('in der Kreativwirtschaft', 'dans les industries créatives', 'in the creative industries'), 'Kreativ', ['Design', 'Medien', 'Games']),
  topic('Gesundheitswirtschaft', 'santé', 'health economy', w('in der Gesundheitswirtschaft', 'dans le secteur de la santé', 'in the health economy'), 'Gesundheit', ['Gesundheitswirtschaft', 'E-Health', 'Pflege']),
  topic('Bauwirtschaft', 'construction', 'construction', w('in der Bauwirtschaft', 'dans la construction', 'in construction'), 'Bau', ['Bauwirtschaft', 'Nachhaltiges Bauen', 'BIM']),
  topic('Chemie', 'chimie', 'chemistry', w('in der Chemie', 'dans la chimie', 'in chemistry'), 'Chemie', ['Chemie', 'Werkstoffe', 'Prozesstechnik']),
  topic('Robotik', 'robotique', 'robotics', w('in der Robotik', 'dans la robotique', 'in robotics'), 'Robotik', ['Robotik', 'Automatisierung', 'Künstliche Intelligenz']),
  topic('Wasserstofftechnik', "technologies de l'hydrogène", 'hydrogen technology', w('in der Wasserstofftechnik', "dans les technologies de l'hydrogène", 'in hydrogen technology'), 'H2', ['Wasserstoff', 'Brennstoffzellen', 'Elektrolyse']),
];

/** Themes events are about. */
export const SUBJECTS: Tri[] = [
  w('Digitalisierung', 'numérisation', 'Digitalisation'),
  w('Künstliche Intelligenz', 'intelligence artificielle', 'Artificial intelligence'),
  w('Fachkräftesicherung', 'recrutement des talents', 'Securing skilled workers'),
  w('Nachhaltigkeit', 'développement durable', 'Sustainability'),
  w('Fördermittel', 'financements publics', 'Public funding'),
  w('Internationalisierung', 'internationalisation', 'Internationalisation'),
  w('Additive Fertigung', 'fabrication additive', 'Additive manufacturing'),
  w('Cybersicherheit', 'cybersécurité', 'Cyber security'),
  w('Kreislaufwirtschaft', 'économie circulaire', 'Circular economy'),
  w('Datenräume', 'espaces de données', 'Data spaces'),
  w('Resiliente Lieferketten', "chaînes d'approvisionnement résilientes", 'Resilient supply chains'),
  w('Energieeffizienz', 'efficacité énergétique', 'Energy efficiency'),
  w('Normung und Zulassung', 'normalisation et homologation', 'Standards and approval'),
  w('Kooperation mit Start-ups', 'coopération avec les start-up', 'Working with start-ups'),
  w('Technologietransfer', 'transfert de technologie', 'Technology transfer'),
  w('Automatisierung', 'automatisation', 'Automation'),
  w('Neue Geschäftsmodelle', "nouveaux modèles d'affaires", 'New business models'),
  w('Qualitätssicherung', 'assurance qualité', 'Quality assurance'),
  w('Leichtbau', 'construction légère', 'Lightweight design'),
  w('Dekarbonisierung', 'décarbonation', 'Decarbonisation'),
];

/** Title templates per category (each gives the three languages); some are more common. */
export const TITLES: Record<DemoCategory, Tri[]> = {
  WORKSHOP: [
    w('Workshop: {S} {T}', 'Atelier : {S} {T}', 'Workshop: {S} {T}'),
    w('Praxis-Workshop {S}', 'Atelier pratique : {S}', 'Hands-on workshop: {S}'),
    w('Workshop: {S} für KMU', 'Atelier : {S} pour les PME', 'Workshop: {S} for SMEs'),
  ],
  SEMINAR: [
    w('Seminar: {S} {T}', 'Séminaire : {S} {T}', 'Seminar: {S} {T}'),
    w('Fachseminar {S}', 'Séminaire spécialisé : {S}', 'Expert seminar: {S}'),
  ],
  CONFERENCE: [
    w('Fachtagung {S} {T} {Y}', 'Colloque : {S} {T} {Y}', 'Conference: {S} {T} {Y}'),
    w('Kongress {B} {Y}', 'Congrès {B} {Y}', 'Congress on {B} {Y}'),
  ],
  EXHIBITION: [
    w('Ausstellung: Innovationen {T}', 'Exposition : innovations {T}', 'Exhibition: innovations {T}'),
    w('Leistungsschau {B} {P}', 'Vitrine {B} {P}', 'Showcase: {B} in {P}'),
  ],
  TRADE_FAIR: [
    w('Gemeinschaftsstand auf der {F} {Y}', 'Stand collectif au salon {F} {Y}', 'Joint stand at {F} {Y}'),
  ],
  COMPANY_VISIT: [
    w('Unternehmensbesuch: {S} in der Praxis', "Visite d'entreprise : {S} en pratique", 'Company visit: {S} in practice'),
    w('Betriebsbesichtigung {B} in {P}', "Visite d'entreprise {B} à {P}", 'Company visit: {B} in {P}'),
  ],
  OPEN_DAY: [
    w('Tag der offenen Tür im Technologiezentrum {P}', 'Journée portes ouvertes au centre technologique de {P}', 'Open day at the {P} technology centre'),
    w('Tag der offenen Labore {B}', 'Laboratoires ouverts : {B}', 'Open labs: {B}'),
  ],
  ANNUAL_MEETING: [
    w('Jahrestreffen {O} {Y}', 'Rencontre annuelle {O} {Y}', 'Annual meeting {O} {Y}'),
    w('Mitgliederversammlung {O} {Y}', 'Assemblée générale {O} {Y}', 'General assembly {O} {Y}'),
  ],
  POLICY_DIALOGUE: [
    w('Politikdialog: {S} {T}', 'Dialogue politique : {S} {T}', 'Policy dialogue: {S} {T}'),
    w('Im Gespräch mit der Politik: {S}', 'En dialogue avec les décideurs : {S}', 'Meet the policy makers: {S}'),
  ],
  NETWORKING: [
    w('Netzwerktreffen {B} {P}', 'Rencontre réseau {B} {P}', 'Networking meeting: {B} in {P}'),
    w('Cluster-Stammtisch {P}', 'Afterwork du cluster {P}', 'Cluster get-together {P}'),
    w('Business-Frühstück: {S}', 'Petit-déjeuner business : {S}', 'Business breakfast: {S}'),
  ],
  OTHER: [
    w('Webinar: {S} {T}', 'Webinaire : {S} {T}', 'Webinar: {S} {T}'),
    w('Hackathon {S}', 'Hackathon : {S}', 'Hackathon: {S}'),
  ],
};

/** How common each category is: workshops and seminars many, trade fairs few. */
export const CATEGORY_WEIGHTS: [DemoCategory, number][] = [
  ['WORKSHOP', 24], ['SEMINAR', 20], ['NETWORKING', 14], ['CONFERENCE', 10], ['COMPANY_VISIT', 8],
  ['POLICY_DIALOGUE', 5], ['ANNUAL_MEETING', 5], ['OPEN_DAY', 5], ['EXHIBITION', 4], ['OTHER', 3], ['TRADE_FAIR', 2],
];

export const TRADE_FAIRS = [
  'Hannover Messe', 'EMO', 'MEDICA', 'COMPAMED', 'LASER World of PHOTONICS', 'Motek', 'AMB', 'Intersolar',
  'LIGNA', 'Techtextil', 'interpack', 'Fakuma', 'productronica', 'BAU', 'Hydrogen Technology Expo',
];

/** Second sentences of descriptions. */
export const DESCRIPTION_TAILS: Tri[] = [
  w('Die Teilnahme ist kostenfrei, die Plätze sind begrenzt.', 'La participation est gratuite, le nombre de places est limité.', 'Participation is free of charge; places are limited.'),
  w('Im Mittelpunkt stehen Praxisbeispiele aus Unternehmen der Region.', "L'accent est mis sur des exemples concrets d'entreprises de la région.", 'The focus is on practical examples from companies in the region.'),
  w('Im Anschluss besteht Gelegenheit zum Austausch.', "Un temps d'échange suivra.", 'There will be time for networking afterwards.'),
  w('Die Veranstaltung richtet sich an kleine und mittlere Unternehmen.', "L'événement s'adresse aux petites et moyennes entreprises.", 'The event is aimed at small and medium-sized enterprises.'),
  w('Expertinnen und Experten aus Wissenschaft und Wirtschaft berichten aus ihrer Arbeit.', "Des experts de la recherche et de l'industrie présentent leurs travaux.", 'Experts from research and industry report on their work.'),
];

/** Initiative name templates ({B} topic, {K} short topic, {P} place). */
export const INITIATIVE_NAMES: Tri[] = [
  w('Cluster {B} {P}', 'Cluster {B} {P}', '{P} {B} Cluster'),
  w('{K}-Cluster {P}', 'Cluster {K} {P}', '{P} {K} Cluster'),
  w('Kompetenznetz {B} {P}', 'Réseau de compétences {B} {P}', '{P} {B} Competence Network'),
  w('Innovationsallianz {B} {P}', "Alliance pour l'innovation {B} {P}", '{P} {B} Innovation Alliance'),
  w('{K} {P} e.V.', '{K} {P}', '{K} {P}'),
];

/** Network name templates ({A} the area the network covers). */
export const NETWORK_NAMES: Tri[] = [
  w('Netzwerk {B} {A}', 'Réseau {B} {A}', '{A} {B} Network'),
  w('{K}-Netzwerk {A}', 'Réseau {K} {A}', '{A} {K} Network'),
  w('Allianz {B} {A}', 'Alliance {B} {A}', '{A} {B} Alliance'),
];

/**
 * Border areas of cross-border networks by the NUTS prefix of their seat (first match
 * wins), with the countries they span.
 */
export const BORDER_AREAS: [string, Tri, string[]][] = [
  ['DE138', w('Bodensee', 'lac de Constance', 'Lake Constance'), ['DE', 'CH']],
  ['DE12', w('Oberrhein', 'Rhin supérieur', 'Upper Rhine'), ['DE', 'FR', 'CH']],
  ['DE13', w('Oberrhein', 'Rhin supérieur', 'Upper Rhine'), ['DE', 'FR', 'CH']],
  ['FRF1', w('Oberrhein', 'Rhin supérieur', 'Upper Rhine'), ['FR', 'DE', 'CH']],
  ['CH03', w('Dreiländereck', 'Trois-Frontières', 'Three-Country Corner'), ['CH', 'DE', 'FR']],
  ['DE14', w('Bodensee', 'lac de Constance', 'Lake Constance'), ['DE', 'CH']],
  ['CH05', w('Bodensee', 'lac de Constance', 'Lake Constance'), ['CH', 'DE']],
  ['FRF3', w('Großregion', 'Grande Région', 'Greater Region'), ['FR', 'DE']],
];

/** Seats of cross-border networks: regions along the borders of DE, CH and FR. */
export const BORDER_SEATS = ['DE131', 'DE139', 'DE13A', 'DE122', 'DE138', 'DE147', 'CH031', 'CH032', 'CH052', 'FRF11', 'FRF12', 'FRF33'];

/** Venue names ({P} place) per country. */
export const VENUES: Record<'DE' | 'CH' | 'FR', string[]> = {
  DE: ['Haus der Wirtschaft {P}', 'IHK-Bildungszentrum {P}', 'Technologiezentrum {P}', 'Innovationscampus {P}', 'Stadthalle {P}', 'Hochschule {P}', 'Gründerzentrum {P}'],
  CH: ['Technopark {P}', 'Kongresshaus {P}', 'Innovationspark {P}', 'Hochschule {P}'],
  FR: ["Maison de l'entreprise {P}", 'Technopôle {P}', 'CCI {P}', 'Pôle innovation {P}'],
};

export const STREETS: Record<'DE' | 'CH' | 'FR', string[]> = {
  DE: ['Hauptstraße', 'Industriestraße', 'Bahnhofstraße', 'Wissenschaftspark', 'Innovationsallee', 'Gewerbestraße', 'Am Technologiepark'],
  CH: ['Bahnhofstrasse', 'Industriestrasse', 'Technoparkstrasse', 'Hauptstrasse'],
  FR: ["rue de l'Industrie", 'avenue de la Gare', "rue de l'Innovation", 'boulevard de l\'Europe'],
};

export const FIRST_NAMES = [
  'Anna', 'Lukas', 'Sabine', 'Thomas', 'Julia', 'Michael', 'Katrin', 'Stefan', 'Claudia', 'Markus', 'Laura',
  'Jonas', 'Petra', 'Andreas', 'Miriam', 'Felix', 'Nathalie', 'Luc', 'Céline', 'Reto', 'Corinne', 'Matthias',
];
export const LAST_NAMES = [
  'Müller', 'Schmid', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf',
  'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lang', 'Keller', 'Meyer', 'Fischer', 'Roth',
];
export const CONTACT_ROLES: Tri[] = [
  w('Clustermanagement', 'Gestion du cluster', 'Cluster management'),
  w('Geschäftsführung', 'Direction', 'Managing director'),
  w('Projektleitung', 'Direction de projet', 'Project lead'),
  w('Presse und Kommunikation', 'Presse et communication', 'Press and communications'),
];

/** Campaign names ({Y} year); slugs are always clusterwoche-<year>-s<seed>. */
export const CAMPAIGN_NAMES: Tri[] = [
  w('Clusterwoche {Y}', 'Semaine des clusters {Y}', 'Cluster Week {Y}'),
  w('Bundesweite Clusterwoche {Y}', 'Semaine nationale des clusters {Y}', 'Nationwide Cluster Week {Y}'),
  w('Clusterwoche Baden-Württemberg {Y}', 'Semaine des clusters du Bade-Wurtemberg {Y}', 'Baden-Württemberg Cluster Week {Y}'),
];

/** Replaces {X} placeholders with vars[X]; unknown placeholders stay visible as a bug sign. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Z])\}/g, (all, name: string) => vars[name] ?? all);
}

/** A region name without the district type: "Karlsruhe, Stadtkreis" → "Karlsruhe". */
export function placeName(regionName: string): string {
  return regionName.replace(/, (Stadtkreis|Landkreis|Kreisfreie Stadt)$/, '');
}
