const signs = [
	/\bnot authorized to perform\b/i,
	/\bAccess\s?Denied(?:Exception)?\b/i,
	/\(403\)|\b403 Forbidden\b|Status ?Code: ?403\b/i,
	/ciphertext refers to a (?:customer master key|KMS key|CMK)/i,
	/\bKMS\.[A-Za-z]+Exception\b|\bKMSInvalidStateException\b|\bDisabledException\b/,
	/"errorCode"\s*:\s*"/,
	/<Error>\s*<Code>/,
	/(?:An error occurred \([^)]+\)|A client error \([^)]+\) occurred) when calling the ['"]?\w+['"]? operation/,
];

/**
 * A cheap test, for the wizard's first prompt: does the pasted text look like an AWS denial worth
 * handing to parseAccessDenied, rather than a bucket name or a path?
 */
export const looksLikeAccessDenied = (text: string): boolean => signs.some(sign => sign.test(text));
