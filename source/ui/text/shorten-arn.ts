/**
 * An ARN in a heading that has one line: the end (the key ID, the bucket and object) says which one it
 * is, so the front gives way, at a `:` or `/`, behind an ellipsis.
 */
export const shortenArn = (arn: string, width: number): string => {
	if (arn.length <= width) return arn;
	for (let index = 0; index < arn.length; index++) {
		if ((arn[index] === ':' || arn[index] === '/') && arn.length - index <= width) return `…${arn.slice(index + 1)}`;
	}
	return width <= 1 ? '…' : `…${arn.slice(arn.length - width + 1)}`;
};
