import {createWriteStream} from 'node:fs';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {createGzip} from 'node:zlib';
import {Header} from 'tar';

/** One entry of a hand-made archive: text, or that many zero bytes; its header may claim another size. */
export type TarEntry = {
	readonly name: string;
	readonly text?: string;
	readonly zeros?: number;
	readonly declaredSize?: number;
	readonly type?: 'File' | 'Directory';
};

const block = 512;
const zeroMiB = Buffer.alloc(1024 * 1024);

async function* tarBytes(entries: readonly TarEntry[], options: {readonly truncated?: boolean}): AsyncGenerator<Buffer> {
	for (const entry of entries) {
		const body = entry.text === undefined ? undefined : Buffer.from(entry.text, 'utf8');
		const size = body?.length ?? entry.zeros ?? 0;
		const header = new Header({path: entry.name, mode: 0o644, uid: 0, gid: 0, size: entry.declaredSize ?? size, mtime: new Date(0), type: entry.type ?? 'File'});
		header.encode();
		yield header.block!;
		if (body) yield body;
		for (let left = entry.zeros ?? 0; left > 0; left -= zeroMiB.length) yield left >= zeroMiB.length ? zeroMiB : zeroMiB.subarray(0, left);
		if (size % block !== 0) yield Buffer.alloc(block - (size % block));
	}
	if (!options.truncated) yield Buffer.alloc(block * 2);
}

/**
 * Writes a .tar.gz from entry descriptions, streaming (a 300 MiB entry of zeros never sits in memory):
 * how the hostile bundles of the tests are made, and how test/fixtures/hostile/bomb.tar.gz was.
 */
export const writeTarGz = async (file: string, entries: readonly TarEntry[], options: {readonly truncated?: boolean} = {}): Promise<void> =>
	pipeline(Readable.from(tarBytes(entries, options)), createGzip({level: 9}), createWriteStream(file));
