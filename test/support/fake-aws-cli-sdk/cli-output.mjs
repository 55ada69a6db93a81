// An SDK answer printed as the AWS CLI v2 prints it with `--output json`: botocore's member names (the SDK
// shares them), four-space indentation, timestamps in ISO 8601 with `+00:00`, IAM policy documents decoded.

/** Python's datetime.isoformat() of a UTC time: seconds, microseconds only when there are some, `+00:00`. */
const isoformat = date => {
	const text = date.toISOString();
	const milliseconds = date.getUTCMilliseconds();
	return `${text.slice(0, 19)}${milliseconds === 0 ? '' : `.${String(milliseconds * 1000).padStart(6, '0')}`}+00:00`;
};

// IAM sends policy documents URL-encoded; the CLI decodes them and prints them as JSON objects.
const iamDocumentKeys = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);

const decodePolicy = text => {
	try {
		return JSON.parse(decodeURIComponent(text));
	} catch {
		return text;
	}
};

const reshape = (value, service, key) => {
	if (value instanceof Date) return isoformat(value);
	if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
	if (Array.isArray(value)) return value.map(item => reshape(item, service));
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value).filter(([name, member]) => name !== '$metadata' && member !== undefined);
		return Object.fromEntries(entries.map(([name, member]) => [name, reshape(member, service, name)]));
	}
	if (service === 'iam' && typeof value === 'string' && iamDocumentKeys.has(key)) return decodePolicy(value);
	return value;
};

export const cliShape = (service, operation, output) => {
	const shaped = reshape(output, service);
	// botocore turns an empty <LocationConstraint/> (us-east-1) into null; the SDK leaves it out.
	if (operation === 'GetBucketLocation' && shaped.LocationConstraint === undefined) return {LocationConstraint: null};
	return shaped;
};

export const cliJson = value => `${JSON.stringify(value, null, 4)}\n`;
