import {afterEach, vi} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../../source/diagnosis/diagnosis.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../../source/ui/result/result-screen.js';
import {fakeServices, loadExample} from './fake-services.js';
import {renderApp, type Rendered} from './render.js';

/**
 * The result screen of a built-in example at a terminal's size, unmounted after each test of the file that calls this
 * once at its top level: `const show = resultOfExample('athena-query-source-ip-deny')`.
 */
export const resultOfExample = (example: string): ((size: {readonly columns: number; readonly rows: number}) => {app: Rendered; diagnosis: Diagnosis}) => {
	let app: Rendered | undefined;
	afterEach(() => {
		app?.unmount();
		app = undefined;
	});
	return size => {
		const snapshot = loadExample(example);
		const diagnosis = diagnose(snapshot);
		app = renderApp(
			<KeyRouter>
				<ResultScreen diagnosis={diagnosis} snapshot={snapshot} services={fakeServices().services} width={size.columns} rows={size.rows} onRerun={() => undefined} savedCheckNames={[]} rereadable={false} onBack={vi.fn()} onQuit={vi.fn()} />
			</KeyRouter>,
			size,
		);
		return {app, diagnosis};
	};
};
