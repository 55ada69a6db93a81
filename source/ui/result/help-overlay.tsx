import {helpEntries, resultScreenKeys, type KeyName} from '../keymap.js';
import {legendEntries, legendEntryText} from '../../report/marks.js';
import {HelpBox, helpBoxHeight, type HelpBoxProps} from '../keys/help-box.js';

/** Every key of the result screen that does something here, from the keymap itself, and what the marks mean. */

const boxProps = (keys: readonly KeyName[], width: number, room: number): HelpBoxProps => ({
	entries: helpEntries(keys),
	legend: legendEntries.map(legendEntryText),
	width,
	room,
});

export const HelpOverlay = ({keys = resultScreenKeys, width = 80, room = 40}: {readonly keys?: readonly KeyName[]; readonly width?: number; readonly room?: number}) => (
	<HelpBox {...boxProps(keys, width, room)} />
);

export const helpOverlayHeight = (keys: readonly KeyName[], width: number, room: number): number => helpBoxHeight(boxProps(keys, width, room));
