/** Button `Copy link` (issue 12): placeholder until built. */
export function CopyLinkButton() {
  return null;
}
