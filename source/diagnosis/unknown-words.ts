import type {Requirement} from './diagnosis.js';
import {thePlace, type PlaceSaid} from './place-words.js';

/** How the unknowns name the place of a row that is unknown, as the headline says it ("the key policy"), which finds it again. */
export const unknownPlaceWhat = (placeSaid: PlaceSaid, row: Requirement): string => thePlace(placeSaid, row);

/** How the unknowns name a condition key whose value is not known: "the request's aws:SourceIp". */
export const unknownContextWhat = (key: string): string => `the request's ${key}`;
