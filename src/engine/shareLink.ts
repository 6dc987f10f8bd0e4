import { LIMITS } from './config';
import { isTaskListError, parseTaskList, shortTaskList } from './taskList';

/**
 * Lists are shortened up to this many tasks: the chunks lab's limit (CONTRACT), above the main
 * page's 1000. Shortening never changes what a list means, so a list over the page's limit stays
 * over it (and says so when opened).
 */
const SHORTEN_LIMITS = { maxTasks: 10_000, maxDurationS: LIMITS.maxDurationS } as const;

/** The task list's shortest faithful text (`0.01*1000`), or `text` itself when that is no longer or not a list. */
export function shortenTasks(text: string): string {
  const parsed = parseTaskList(text, SHORTEN_LIMITS);
  if (isTaskListError(parsed)) return text;
  const short = shortTaskList(parsed);
  return short.length < text.length ? short : text;
}

/**
 * The link `Copy link` copies: the page's address with every parameter it holds (the controls'
 * fields, predictions, `theme`, `present`, and any it does not know), except `run` — a shared link
 * waits for its reader to press Run — and with the task list in its shortened form when that is
 * shorter. Parameters the page leaves out stay out: they mean the default where the link is opened
 * (`workers`: that machine's cores). Commas, colons and `*` are written as they are, so the link
 * reads like `?tasks=0.2*3,0.1&predict=pool:1.5`.
 */
export function shareUrl(href: string): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  params.delete('run');
  const tasks = params.get('tasks');
  if (tasks !== null) params.set('tasks', shortenTasks(tasks));
  const search = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return `${url.origin}${url.pathname}${search === '' ? '' : `?${search}`}${url.hash}`;
}
