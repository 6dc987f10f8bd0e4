import type { ShareInput } from './ShareBar';

/** Button `Export` with its menu (issue 12): placeholder until built. */
export function ExportMenu(_props: { readonly input: ShareInput }) {
  return null;
}
