import type {fromIni} from '@aws-sdk/credential-providers';

/** What the SDK's providers resolve to: keys, a session token for temporary ones, sometimes the account. */
export type Credentials = Awaited<ReturnType<ReturnType<typeof fromIni>>>;
