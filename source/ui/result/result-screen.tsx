import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import type {Diagnosis} from '../../diagnosis/diagnosis.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {commandNotShownWords, objectUrl} from '../../report/describe.js';
import {commandsNotShownExactly, visible, visibleDiagnosis, visibleJson} from '../../report/sanitize.js';
import {LineView} from '../conversation/line-view.js';
import type {Line} from '../conversation/transcript-lines.js';
import {maximumClipboardBytes} from '../clipboard.js';
import {resultScreenKeys, type KeyName} from '../keymap.js';
import type {WizardServices} from '../services.js';
import {truncate} from '../text/truncate.js';
import {fitHints, hints} from '../text/fit-hints.js';
import {theme} from '../theme.js';
import {policyFileName} from './command-layout.js';
import {detailLines, fixText, fixTextWords} from './detail-lines.js';
import {FileDialog} from './file-dialog.js';
import {defaultFileName, withSuffix} from './file-names.js';
import {allHeaderLines, headerOf, verdictLine} from './header-lines.js';
import {HelpOverlay, helpOverlayHeight} from './help-overlay.js';
import {NameCheckDialog} from './name-check-dialog.js';
import {resultTitle, sideOf} from './copy-sides.js';
import {RequirementTable, tableLineCount} from './requirement-table.js';
import {rowPaneLines} from './row-pane.js';
import {firstInterestingRow, flatRows, rowGroups} from './rows.js';
import {tableViewLayout} from './table-view-layout.js';
import {useResult} from './use-result.js';
import {useResultState, type Notice} from './use-result-state.js';


export type ResultScreenProps = {
	readonly diagnosis: Diagnosis;
	readonly snapshot: Snapshot;
	readonly services: WizardServices;
	readonly width: number;
	readonly rows: number;
	/** Re-read (live) or re-load (file); returns a notice when there is nothing to re-read. */
	readonly onRerun: () => Notice | undefined;
	/** Store the check under a name; undefined when this kind of check cannot be saved. */
	readonly onNameCheck?: (name: string) => Promise<Notice>;
	readonly savedCheckNames: readonly string[];
	/** False for an example or pasted policies: nothing to re-read, so r is not offered. */
	readonly rereadable?: boolean;
	readonly onBack: () => void;
	readonly onQuit: () => void;
};

/** Keys that act only on an opened row (its fix's views, scrolling, writing the policy): not listed over the table. */
const detailOnlyKeys: readonly KeyName[] = ['nextTab', 'previousTab', 'pageUp', 'pageDown', 'writePolicy'];
/** Over the whole verdict (v) of those only scrolling acts, and nothing there is copied. */
const notOverVerdict: readonly KeyName[] = ['nextTab', 'previousTab', 'writePolicy', 'copy', 'verdict'];

/** The result: verdict and findings above, requirements by place, the explanation and fix of a row, and the export keys. */
export const ResultScreen = ({diagnosis: written, snapshot, services, width, rows, onRerun, onNameCheck, savedCheckNames, rereadable = true, onBack, onQuit}: ResultScreenProps) => {
	// Everything the customer wrote is made visible once, before any of it is laid out.
	const diagnosis = useMemo(() => visibleDiagnosis(written), [written]);
	// Judged on the exact commands: a key's line break, once shown as `\n`, would paste as another key.
	const notShownExactly = useMemo(() => commandsNotShownExactly(written.fixes), [written]);
	const groups = useMemo(() => rowGroups(diagnosis), [diagnosis]);
	const flat = useMemo(() => flatRows(groups), [groups]);
	const {state, dispatch} = useResultState(firstInterestingRow(flat));
	const row = flat[state.selected];
	// The file each fix's policy was written to (by its command), so the short command names the real file.
	const [writtenFiles, setWrittenFiles] = useState<Readonly<Record<string, string>>>({});
	const writtenFile = row?.fix ? writtenFiles[row.fix.command] : undefined;
	const header = useMemo(() => headerOf(diagnosis, width), [diagnosis, width]);
	// An opened row, or the whole verdict (v): lines the panel scrolls.
	const panel = useMemo(
		() => (state.view === 'verdict' ? allHeaderLines(header) : row && state.view === 'detail' ? detailLines(row, diagnosis, state.tab, width, writtenFile, notShownExactly) : []),
		[row, diagnosis, header, state.tab, state.view, width, writtenFile, notShownExactly],
	);

	// A copy's source is read from the snapshot as written, not from the visible diagnosis.
	const title = visible(resultTitle(diagnosis.question.operation, objectUrl(diagnosis.question), snapshot));
	// Only the keys that do something here: the fix's views, its scrolling and w belong to an opened row.
	const offeredHere = (name: KeyName): boolean =>
		state.view === 'detail' ? name !== 'verdict' : state.view === 'verdict' ? !notOverVerdict.includes(name) : !detailOnlyKeys.includes(name);
	const helpKeys = resultScreenKeys.filter(name => (name !== 'rerun' || rereadable) && (name !== 'nameCheck' || onNameCheck !== undefined) && offeredHere(name));
	// Where an opened row or the keys take the header's place, or v is scrolled past the verdict's first line, the
	// verdict keeps one line under the title.
	const verdictKept = state.dialog.kind === 'help' || state.view === 'detail' || (state.view === 'verdict' && state.scroll > 0);
	// Title, footer and notice take three lines (four with that verdict line); the help takes what it needs of the rest.
	const fixed = verdictKept ? 4 : 3;
	const dialogHeight = state.dialog.kind === 'help' ? helpOverlayHeight(helpKeys, width, rows - fixed) : state.dialog.kind === 'none' ? 0 : 6;
	const available = Math.max(rows - fixed - dialogHeight, 4);
	const side = row ? sideOf(diagnosis.question.operation, row.requirement) : undefined;
	const layout = useMemo(
		() => tableViewLayout({available, header, tableLines: tableLineCount(groups, width), paneLines: rowPaneLines(row, width, side, Number.POSITIVE_INFINITY).length}),
		[available, header, groups, row, width, side],
	);
	const pane = state.view === 'table' && layout.paneRoom > 0 ? rowPaneLines(row, width, side, layout.paneRoom) : [];
	const bodyHeight = state.view === 'table' ? layout.tableHeight : available;

	const notify = (notice: Notice): void => dispatch({type: 'notice', notice});
	const copy = (): void => {
		if (!row?.fix) {
			notify({tone: 'info', text: row?.requirement.status === 'ok' ? 'This row needs no fix: nothing to copy.' : 'This row has no fix to copy (see what would decide it).'});
			return;
		}
		const tab = state.view === 'detail' ? state.tab : 'command';
		if (fixTextWords(row.fix, tab) === 'the CLI command' && notShownExactly.has(row.fix.command)) {
			notify({tone: 'info', text: `Nothing copied. ${commandNotShownWords(row.fix)}`});
			return;
		}
		const text = fixText(row.fix, tab);
		services.copyToClipboard(text);
		const tooLong = Buffer.byteLength(text, 'utf8') > maximumClipboardBytes;
		notify(
			tooLong
				? {tone: 'info', text: `Sent ${fixTextWords(row.fix, tab)} to the clipboard, but it is long: some terminals drop it. Press e to export instead.`}
				: {tone: 'success', text: `✔ Copied ${fixTextWords(row.fix, tab)} to the clipboard (OSC 52; if nothing arrives, press e to export instead)`},
		);
	};
	const writePolicy = (): void => {
		const fix = row?.fix;
		if (!fix?.policy) {
			notify({tone: 'info', text: 'This fix writes no policy: its command is all there is (c copies it).'});
			return;
		}
		const wanted = policyFileName(fix);
		const text = `${visibleJson(fix.policy)}\n`;
		// Never over an existing file: the first free name among NAME.json, NAME-2.json, …
		const attempt = async (counter: number): Promise<void> => {
			const name = counter === 1 ? wanted : withSuffix(wanted, counter);
			const result = await services.writeFile(name, text, {overwrite: false});
			if (result.ok) {
				setWrittenFiles(files => ({...files, [fix.command]: name}));
				notify({tone: 'success', text: `✔ Wrote the policy to ${result.value}: the command below reads it with file://${name}`});
			} else if (result.error.kind === 'exists' && counter < 99) await attempt(counter + 1);
			else notify({tone: 'failure', text: result.error.message});
		};
		void attempt(1);
	};
	useResult(state, dispatch, {
		writePolicy,
		rowCount: flat.length,
		// The panel shows one line fewer when it scrolls (its "lines x–y of n" line): the last line must still be reachable.
		scrollMaximum: panel.length - (panel.length > bodyHeight ? bodyHeight - 1 : bodyHeight),
		page: Math.max(bodyHeight - 2, 1),
		copy,
		rerun: () => {
			const notice = onRerun();
			if (notice) notify(notice);
		},
		nameCheck: () => {
			if (onNameCheck) dispatch({type: 'dialog', dialog: {kind: 'name-check'}});
			else notify({tone: 'info', text: 'Only checks read live with a profile can be named and re-run; this one was not read from AWS.'});
		},
		back: onBack,
		quit: onQuit,
	});

	// Where assumptions or findings gave way (their line says v shows them), v is offered too, where the footer has room.
	const headerCut = layout.header.length < allHeaderLines(header).length;
	// Only keys that do something here are offered; lesser ones give way first on a narrow terminal.
	const kept = [['?', 'keys'], ['q', 'quit']] as const;
	const footer =
		state.view === 'table'
			? fitHints(hints([['↑↓ Enter', 'explain'], row?.fix && ['c', 'copy'], ['e', 'export'], ['s', 'save'], rereadable && ['r', 're-read'], onNameCheck && ['n', 'name it'], headerCut && ['v', 'verdict']], kept), width)
			: state.view === 'verdict'
				? fitHints(hints([['Esc', 'back'], ['e', 'export'], ['↑↓', 'scroll']], kept), width)
				: // The panel's own last line already says how to scroll: that hint goes first.
					fitHints(hints([['Esc', 'back'], row?.fix && ['Tab', 'fix view'], row?.fix && ['c', 'copy'], ['e', 'export'], ['↑↓', 'scroll']], kept), width);

	return (
		<Box flexDirection="column" width={width}>
			<Text color={theme.accent} bold wrap="truncate">
				{truncate(`s3-kms-doctor · ${title}`, width)}
			</Text>
			{verdictKept && <LineView line={verdictLine(diagnosis, width)} />}
			{state.dialog.kind === 'help' ? null : state.view === 'table' ? (
				<>
					{layout.header.map((line, index) => (
						<LineView key={`head-${index}`} line={line} />
					))}
					<Text> </Text>
					<RequirementTable groups={groups} selected={state.selected} width={width} height={bodyHeight} />
					{pane.length > 0 && <Text> </Text>}
					{pane.map((line, index) => (
						<LineView key={`pane-${index}`} line={line} />
					))}
				</>
			) : (
				<DetailPanel lines={panel} scroll={state.scroll} height={bodyHeight} />
			)}
			{state.dialog.kind === 'help' && <HelpOverlay keys={helpKeys} width={width} room={rows - fixed} />}
			{state.dialog.kind === 'file' && (
				<FileDialog
					what={state.dialog.purpose === 'report' ? 'Report' : 'Snapshot'}
					defaultPath={defaultFileName(state.dialog.purpose, diagnosis.question.bucket, services.now())}
					content={state.dialog.purpose === 'report' ? () => services.renderMarkdown(diagnosis, snapshot) : async () => `${visibleJson(snapshot)}\n`}
					writeFile={services.writeFile}
					onDone={notify}
					onCancel={() => dispatch({type: 'dialog', dialog: {kind: 'none'}})}
					width={width}
				/>
			)}
			{state.dialog.kind === 'name-check' && onNameCheck && (
				<NameCheckDialog existing={savedCheckNames} onSave={name => void onNameCheck(name).then(notify)} onCancel={() => dispatch({type: 'dialog', dialog: {kind: 'none'}})} />
			)}
			<Text color={theme.muted} wrap="truncate">
				{footer}
			</Text>
			{state.notice && (
				<Text wrap="truncate" color={state.notice.tone === 'success' ? theme.success : state.notice.tone === 'failure' ? theme.failure : theme.accent}>
					{visible(state.notice.text)}
				</Text>
			)}
		</Box>
	);
};

const DetailPanel = ({lines, scroll, height}: {readonly lines: readonly Line[]; readonly scroll: number; readonly height: number}) => {
	// The "lines x–y of n" line is one of the panel's own: with it, the frame still fits when a notice shows.
	const room = lines.length > height ? Math.max(height - 1, 1) : height;
	const from = Math.min(scroll, Math.max(lines.length - room, 0));
	const shown = lines.slice(from, from + room);
	return (
		<Box flexDirection="column">
			{shown.map((line, index) => (
				<LineView key={from + index} line={line} />
			))}
			{lines.length > room && <Text color={theme.muted}>{`  lines ${from + 1}–${from + shown.length} of ${lines.length} · ↑↓ PgUp PgDn scroll`}</Text>}
		</Box>
	);
};
