import {useKeys} from '../keys/use-keys.js';
import {HelpBox, helpBoxHeight} from '../keys/help-box.js';
import {conversationKeys, helpEntries, matches} from '../keymap.js';

/** `?` while a question is asked or work runs: the keys of what is on screen; ? or Esc closes, q quits. */

export type HelpTopic = keyof typeof conversationKeys;

const entries = (topic: HelpTopic) => {
	const typing = topic === 'text' || topic === 'paste';
	return [
		...helpEntries(conversationKeys[topic], typing),
		...(topic === 'choice' ? [['a–z', 'type to filter the options'] as const] : []),
		...(topic === 'paste' ? [['Enter', 'a new line until the text is valid; then continue'] as const] : []),
	];
};

export const conversationHelpHeight = (topic: HelpTopic, width: number, room: number): number => helpBoxHeight({entries: entries(topic), width, room});

export const ConversationHelp = ({topic, width, room, onClose, onQuit}: {readonly topic: HelpTopic; readonly width: number; readonly room: number; readonly onClose: () => void; readonly onQuit: () => void}) => {
	useKeys((input, key) => {
		if (matches('help', input, key) || matches('back', input, key)) onClose();
		else if (matches('quit', input, key)) onQuit();
	});
	return <HelpBox entries={entries(topic)} width={width} room={room} closeHint="? or Esc to close · q quit" />;
};
