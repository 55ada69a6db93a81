import type {Place} from './diagnosis.js';

/** How the unknowns name a place whose row is unknown ("key policy"), and the headline finds it again. */
export const unknownPlaceWhat = (place: Place): string => place.replace(/-/g, ' ');

/** How the unknowns name a condition key whose value is not known: "the request's aws:SourceIp". */
export const unknownContextWhat = (key: string): string => `the request's ${key}`;
