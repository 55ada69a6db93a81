import {unsafeCharactersSource} from './resource-arn.js';

/**
 * An AWS CLI profile's name as a snapshot may record it and a fix command may pass it (`--profile NAME`): the shared
 * files allow almost any name, so only what would steer a terminal, hide text or read as an option is refused: no control
 * or invisible character, no blank but an inner space, no leading `-`.
 */
export const profileNameSource = `[^${unsafeCharactersSource}-](?:[^${unsafeCharactersSource}]| ){0,254}`;

const profileName = new RegExp(`^${profileNameSource}$`, 'u');

export const isProfileName = (text: string): boolean => profileName.test(text);
