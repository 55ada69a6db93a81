import {Box, Text} from 'ink';
import {useState, type ReactElement} from 'react';
import type {Session} from '../session/use-session.js';
import {theme} from '../theme.js';
import {wizardTitle} from '../title.js';
import {truncate} from '../text/truncate.js';
import {ActiveQuestion, activeQuestionHeight} from './active-question.js';
import {ConversationHelp, conversationHelpHeight, type HelpTopic} from './conversation-help.js';
import {LineView} from './line-view.js';
import type {Question} from './question.js';
import {previousQuestionId, type Answers} from './walk.js';
import {readLines, transcriptLines, transcriptTail} from './transcript-lines.js';
import {Diagnosing, DiagnosisFailed, WaitView} from './wait-view.js';


/**
 * The chat: answered questions (and what was found) above, one active question, reads or a spinner
 * below. Sized to the terminal so Ink never has to clear the screen.
 */
export const ConversationScreen = ({session, width, rows, onQuit}: {readonly session: Session; readonly width: number; readonly rows: number; readonly onQuit: () => void}) => {
	const {conversation, state, answer, goBack, dispatch, diagnosis} = session;
	// `?` shows the keys in place of the question (an input offers it only when nothing typed would be lost).
	const [helpOpen, setHelpOpen] = useState(false);
	const openHelp = (): void => setHelpOpen(true);
	const {steps, next} = conversation;
	const canGoBack = steps.some(step => step.kind === 'answer');
	const onAnswer = (question: Question, value: string, sets?: Answers): void => {
		// "Reading failed" is a decision about the reads, not an answer to keep.
		if (question.id === 'collect-failed') {
			if (value === 'retry') dispatch({type: 'forget-failed-collections'});
			else goBack();
			return;
		}
		// "AWS unreachable" comes right after the profile was chosen: going back or pasting instead changes that answer.
		if (question.id === 'unreachable') {
			const profileQuestion = previousQuestionId(steps);
			if (value === 'retry') dispatch({type: 'forget-failed-reaches'});
			else if (value === 'paste' && profileQuestion) answer(profileQuestion, 'manual');
			else goBack();
			return;
		}
		// "Not an access denial": going back or starting over are decisions about the conversation; only going on is kept.
		if (question.id === 'not-denial' && value !== 'continue') {
			if (value === 'start-over') dispatch({type: 'start-over'});
			else goBack();
			return;
		}
		answer(question.id, value, sets, question.about);
	};
	const onPaste = (text: string): void => dispatch({type: 'paste-at-start', text});

	let active: ReactElement;
	let activeHeight: number;
	if (next.kind === 'ask') {
		activeHeight = activeQuestionHeight(next.question, next.notes, width, rows);
		active = (
			<ActiveQuestion
				key={`${next.question.id}#${state.revision}`}
				question={next.question}
				notes={next.notes}
				{...(next.initial ? {initial: next.initial} : {})}
				{...(next.problem === undefined ? {} : {problem: next.problem})}
				width={width}
				rows={rows}
				canGoBack={canGoBack}
				onAnswer={onAnswer}
				onBack={draft => goBack(draft === undefined ? undefined : {id: next.question.id, text: draft})}
				onPaste={onPaste}
				onHelp={openHelp}
				onQuit={onQuit}
			/>
		);
	} else if (next.kind === 'wait') {
		const reads = next.wait.kind === 'collect' ? (state.collections[next.wait.key]?.reads ?? []) : [];
		activeHeight = 2 + readLines(reads, width).length;
		active = <WaitView wait={next.wait} reads={reads} width={width} canGoBack={canGoBack} onBack={() => goBack()} onHelp={openHelp} onQuit={onQuit} />;
	} else if (diagnosis && !diagnosis.ok) {
		activeHeight = 4;
		active = <DiagnosisFailed message={diagnosis.error} onBack={() => goBack()} onHelp={openHelp} onQuit={onQuit} />;
	} else {
		activeHeight = 1;
		active = <Diagnosing />;
	}
	if (helpOpen) {
		const topic: HelpTopic = next.kind === 'ask' ? next.question.kind : 'wait';
		activeHeight = conversationHelpHeight(topic, width, rows - 1);
		active = <ConversationHelp topic={topic} width={width} room={rows - 1} onClose={() => setHelpOpen(false)} onQuit={onQuit} />;
	}
	const lines = transcriptTail(transcriptLines(steps, width), rows - activeHeight - 2);
	return (
		<Box flexDirection="column" width={width}>
			<Text color={theme.accent} bold wrap="truncate">
				{truncate(wizardTitle, width)}
			</Text>
			{lines.map((line, index) => (
				<LineView key={index} line={line} />
			))}
			{active}
		</Box>
	);
};
