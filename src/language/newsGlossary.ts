// The built-in English ↔ Vietnamese glossary for news about diplomacy, defence, economy, technology and
// society, so English questions work on any corpus; a corpus folder's glossary.json adds to it. Kept as
// reviewed data: one row per meaning, Vietnamese as the papers print it (both `thỏa`/`thoả` styles).
// The rows live in ./glossary/, one file per field of news.
import type { GlossaryEntry } from '../corpus/types.ts';
import { MEETINGS_AND_DIPLOMACY } from './glossary/meetingsAndDiplomacy.ts';
import { PEOPLE_AND_INSTITUTIONS } from './glossary/peopleAndInstitutions.ts';
import { DEFENCE_AND_SECURITY } from './glossary/defenceAndSecurity.ts';
import { ECONOMY_AND_TECHNOLOGY } from './glossary/economyAndTechnology.ts';
import { SOCIETY_AND_REGIONS } from './glossary/societyAndRegions.ts';
import { COUNTRIES_AND_CITIES } from './glossary/countriesAndCities.ts';
import { ORGANISATIONS_AND_REPORTING } from './glossary/organisationsAndReporting.ts';

export const NEWS_GLOSSARY: readonly GlossaryEntry[] = [
  ...MEETINGS_AND_DIPLOMACY,
  ...PEOPLE_AND_INSTITUTIONS,
  ...DEFENCE_AND_SECURITY,
  ...ECONOMY_AND_TECHNOLOGY,
  ...SOCIETY_AND_REGIONS,
  ...COUNTRIES_AND_CITIES,
  ...ORGANISATIONS_AND_REPORTING,
];
