import {notA, parsed, type Parsed} from './name-error.js';

/** Organizations API Reference: an organization ID "requires "o-" followed by from 10 to 32 lowercase letters or digits". */
export const organizationIdSource = 'o-[a-z0-9]{10,32}';
/** An OU ID: "ou-" and 4 to 32 lowercase letters or digits (its root's), "-" and 8 to 32 more. */
export const organizationalUnitIdSource = 'ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}';
/** A root ID: "r-" and 4 to 32 lowercase letters or digits. */
export const organizationRootIdSource = 'r-[a-z0-9]{4,32}';
/** A policy ID (SCP, RCP): "p-" and 8 to 128 lowercase letters, digits or underscores. */
export const organizationPolicyIdSource = 'p-[a-z0-9_]{8,128}';

const organizationId = new RegExp(`^${organizationIdSource}$`);

export const parseOrganizationId = (text: string): Parsed<string> =>
	organizationId.test(text) ? parsed(text) : notA('an organization ID', 'it is o- and 10 to 32 lower-case letters or digits, such as o-a1b2c3d4e5');
