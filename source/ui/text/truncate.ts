import cliTruncate from 'cli-truncate';

/**
 * One line, cut with `…` when it takes more columns than `width`: cli-truncate, as Ink's own
 * wrap="truncate", measuring with string-width as shared/display-width.ts does. Apart from it so that
 * the text report, which only measures, does not load cli-truncate.
 */
export const truncate = (text: string, width: number): string => cliTruncate(text, Math.max(width, 1));

/** One line cut in its middle (`s3-kms-doctor-…snapshot.json`): a path keeps its start and its file name. */
export const truncateMiddle = (text: string, width: number): string => cliTruncate(text, Math.max(width, 1), {position: 'middle'});
