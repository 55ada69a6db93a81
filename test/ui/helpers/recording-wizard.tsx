import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {WizardApp} from '../../../source/ui/app.js';
import {fakeServices} from './fake-services.js';
import {renderApp, type Rendered} from './render.js';

/** The wizard with every snapshot it diagnosed kept, to read what the result was made from. */
export const renderRecordingWizard = (size: {columns: number; rows: number}): {rendered: Rendered; diagnosed: Snapshot[]} => {
	const {services} = fakeServices();
	const diagnosed: Snapshot[] = [];
	const rendered = renderApp(
		<WizardApp
			services={{
				...services,
				diagnose: async snapshot => {
					diagnosed.push(snapshot);
					return services.diagnose(snapshot);
				},
			}}
		/>,
		size,
	);
	return {rendered, diagnosed};
};
