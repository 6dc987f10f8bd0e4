// @ts-check
// Progress lines go to stderr, so stdout carries the Markdown report alone.

/** @param {...unknown} a */
export const log = (...a) => console.error('[bench]', ...a);

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
