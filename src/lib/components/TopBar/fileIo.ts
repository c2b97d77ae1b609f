// The top bar's file actions. Files go through the library (the one import/export path):
// imports and new designs become saved records of their own. Without one (the shell alone)
// there is nothing to save to, so the actions do nothing.
import type { CommandContext } from '$lib/stores/commands';
import type { LibraryStore } from '$lib/stores/library.svelte';

/** The commands' file actions (import, export, new) on the library; `pick` opens the file chooser. */
export function libraryIo(library: LibraryStore | undefined, pick: () => void): NonNullable<CommandContext['io']> {
	return {
		openImport: pick,
		exportJson: () => library?.exportJson(),
		newDesign: library ? () => void library.newDesign() : undefined
	};
}

/** The file the user picked goes to the library; the input is cleared so the same file can be picked again. */
export function importPicked(library: LibraryStore | undefined, input: HTMLInputElement): void {
	const file = input.files?.[0];
	input.value = '';
	if (file) void library?.importFile(file);
}
