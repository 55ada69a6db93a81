import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {readArchive} from '../../source/commands/bundle-archive.js';

/** A bundle the system will not let us read is a file problem, said as one, not "not a readable .tar.gz: ask again". */
describe('a bundle that cannot be read', () => {
	it('says it cannot be read and why, without blaming the format', async () => {
		const stream = new Readable({
			read() {
				this.destroy(Object.assign(new Error("EACCES: permission denied, open '/tmp/b.tar.gz'"), {code: 'EACCES', syscall: 'open'}));
			},
		});
		await expect(readArchive({stream, name: '/tmp/b.tar.gz', timed: false})).rejects.toThrow(/^cannot read the bundle \/tmp\/b\.tar\.gz: permission denied$/);
	});

	it('a file that is not a bundle is still said to be one that is not readable as .tar.gz', async () => {
		const stream = Readable.from([Buffer.from('this is not a tar archive, not gzip either, just text '.repeat(20))]);
		await expect(readArchive({stream, name: 'notes.txt', timed: false})).rejects.toThrow(/notes\.txt/);
	});
});
