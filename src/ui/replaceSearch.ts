/** Puts `search` (without `?`) into the address bar without a new history entry, if it changed. */
export function replaceSearch(search: string): void {
  if (`?${search}` !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}?${search}${window.location.hash}`);
  }
}
