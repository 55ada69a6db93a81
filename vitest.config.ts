import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000,
		// Ink and the SDK read these at import time; tests must never touch a real home or real AWS.
		env: {
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			AWS_EC2_METADATA_DISABLED: 'true',
		},
	},
});
