/**
 * Words that say what kind of thing a capitalized name is, whatever the name itself. Matched in lower case against
 * the name's head: its last word, or the word before "of" ("University of Melbourne" → "university").
 */

/** Legal-form suffixes and institution heads: "Atlantic Freight Ltd", "Deutsche Bank", "Ministry of Transport". */
export const ORGANIZATION_HEADS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'bv',
  'co', 'company', 'group', 'holdings', 'bank', 'university', 'institute', 'foundation', 'agency', 'association',
  'society', 'club', 'airlines', 'airways', 'ministry', 'department', 'council', 'committee', 'commission', 'party',
  'college', 'school', 'academy', 'laboratory', 'laboratories', 'labs', 'technologies', 'partners', 'federation',
  'organization', 'organisation', 'authority', 'bureau', 'union', 'league', 'industries', 'enterprises',
  'pharmaceuticals', 'insurance', 'motors', 'studios', 'parliament', 'congress', 'senate', 'army', 'navy', 'court',
  'tribunal', 'trust', 'cooperative', 'network',
]);

/** Legal forms, never a name alone ("Free Software Foundation, Inc.": the comma leaves "Inc" by itself). */
export const LEGAL_FORMS = new Set(['inc', 'incorporated', 'corp', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'co']);

/** A noun right before a name that says it is an organization: "the firm Altshuler Berzon", "the startup X". */
export const ORGANIZATION_DESCRIPTORS = new Set([
  'firm', 'company', 'startup', 'start-up', 'retailer', 'carmaker', 'automaker', 'lender', 'insurer', 'bank',
  'airline', 'publisher', 'broadcaster', 'manufacturer', 'maker', 'charity', 'nonprofit', 'conglomerate', 'brand',
  'chain', 'supplier', 'agency', 'label', 'studio', 'newspaper', 'broker',
]);

/** People that work somewhere: "auditors at Deloitte", "analysts at Goldman Sachs" (also compromise's #Actor plurals). */
export const STAFF_NOUNS = new Set([
  'staff', 'employees', 'workers', 'auditors', 'analysts', 'engineers', 'researchers', 'scientists', 'executives',
  'lawyers', 'managers', 'scholars', 'economists', 'bankers', 'developers',
]);

/** Geographic and built-place heads: "Rio Grande Gorge Bridge", "Orange County", "Yangtze River". */
export const PLACE_HEADS = new Set([
  'city', 'town', 'village', 'river', 'mountain', 'mountains', 'bridge', 'street', 'avenue', 'road', 'boulevard',
  'lane', 'square', 'plaza', 'county', 'province', 'prefecture', 'island', 'islands', 'bay', 'valley', 'park', 'ocean',
  'sea', 'desert', 'canyon', 'gorge', 'falls', 'lake', 'harbor', 'harbour', 'beach', 'peninsula', 'coast', 'gulf',
  'strait', 'forest', 'hill', 'hills', 'heights', 'district', 'region', 'territory', 'airport', 'station', 'tower',
  'dam', 'palace', 'castle', 'cathedral', 'kingdom', 'republic', 'creek', 'brook', 'canal', 'glacier', 'reef',
]);

/** First words of place names: "Mount Everest", "Lake Tahoe", "Cape Horn". */
export const PLACE_PREFIXES = new Set(['mount', 'lake', 'cape', 'isle', 'fort']);

/** Events: "Web Summit", "World Cup", "Boston Marathon"; "Hurricane Katrina" names a storm, not a woman. */
export const EVENT_HEADS = new Set([
  'marathon', 'cup', 'olympics', 'games', 'festival', 'summit', 'conference', 'parade', 'war', 'championship',
  'championships', 'expo', 'tournament', 'election', 'revolution', 'awards', 'fair', 'prix',
]);
export const EVENT_PREFIXES = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'operation']);

/** Machines and products: "Analytical Engine", "Large Hadron Collider", "Hubble Space Telescope". */
export const PRODUCT_HEADS = new Set([
  'engine', 'machine', 'telescope', 'collider', 'computer', 'phone', 'reactor', 'rocket', 'satellite', 'rover',
  'processor', 'vaccine', 'drone', 'app',
]);

/**
 * Titles before a person's name, besides compromise's #Honorific (which misses "Mayor", "Senator", "General"):
 * "Mayor Linda Park" is a person whatever "Park" says. Stripped from the name ("Dr. Kenji Watanabe" → "Kenji
 * Watanabe").
 */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'mayor', 'senator', 'governor', 'president',
  'minister', 'chancellor', 'judge', 'justice', 'general', 'colonel', 'captain', 'admiral', 'pope', 'king', 'queen',
  'prince', 'princess', 'rev', 'reverend', 'sheikh', 'ceo', 'cfo', 'cto', 'chairman', 'chairwoman',
]);

/**
 * Titles that only ever stand before a person's name: the name after them is a person whatever its words. The other
 * titles (and compromise's other #Honorific words: "Major") are also ordinary words of names ("GNU General Public
 * License", "Major Component", "Prince Edward Island"): after them a person needs a word of its own that compromise
 * knows as a first name, surname or person.
 */
export const PERSON_ONLY_TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'mayor', 'senator', 'governor', 'rev', 'reverend',
  'sheikh',
]);

/** Lower-case words allowed inside a name: "University of Paris", "Leonardo da Vinci", "Ludwig van Beethoven". */
export const NAME_CONNECTORS = new Set(['of', 'da', 'de', 'del', 'der', 'di', 'van', 'von', 'du']);

/** A preposition right before an unknown name that puts it on the map: "from Porto", "outside Taos". */
export const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'outside', 'across', 'throughout']);

/** Verbs whose subject is a founder (a person) and whose object is an organization: "Jeff Bezos started Amazon". */
export const FOUNDING_VERBS = new Set(['found', 'co-found', 'cofound', 'establish']);
/** Verbs whose object is an organization: "joined Princeton University", "started Amazon". */
export const ORGANIZATION_OBJECT_VERBS = new Set([...FOUNDING_VERBS, 'start', 'join']);
/** Verbs whose object is a person: "Microsoft hired Satya Nadella". */
export const PERSON_OBJECT_VERBS = new Set(['hire', 'appoint', 'marry', 'elect', 'promote', 'interview']);
