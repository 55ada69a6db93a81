/**
 * AWS's catalogue of actions and condition keys, as the pure core sees it: data handed in by the command
 * or UI layer (which reads it from disk), never loaded here. Without one, nothing is checked against it.
 */
export type ActionCatalogue = {
	/** `s3:GetObject` → true; `s3:GetObjct` → false; `undefined` when the catalogue does not cover that service. */
	readonly isKnownAction: (name: string) => boolean | undefined;
	/** The known action closest to an unknown one (`s3:GetObjct` → `s3:GetObject`), when one is close. */
	readonly suggest: (name: string) => string | undefined;
	/** For `s3:`, `kms:` and `aws:` keys; `undefined` when the catalogue cannot tell. */
	readonly isKnownConditionKey: (name: string) => boolean | undefined;
};

export type DiagnoseOptions = {
	readonly catalogue?: ActionCatalogue;
};
