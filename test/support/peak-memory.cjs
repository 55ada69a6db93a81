// Preloaded with --require: writes the process's peak resident memory (KiB) to $PEAK_MEMORY_FILE at exit.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS.
const {writeFileSync} = require('node:fs');

process.on('exit', () => {
	if (process.env.PEAK_MEMORY_FILE) writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
