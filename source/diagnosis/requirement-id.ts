import type {Requirement} from './diagnosis.js';

/** A requirement's stable id, `ACTION@SIDE#PLACE`, as a fix's `resolves` lists it. (Its own module: the UI needs it without the engine.) */
export const requirementId = (requirement: Pick<Requirement, 'actionId' | 'place'>): string => `${requirement.actionId}#${requirement.place}`;
