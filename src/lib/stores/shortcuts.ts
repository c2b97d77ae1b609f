// Keyboard shortcut strings ("Mod+Shift+Z", "Shift+1", "?") and matching them to events.
// "Mod" is Cmd on a Mac and Ctrl elsewhere, as in Excalidraw and draw.io.

export interface KeyLike {
	key: string;
	code?: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
}

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Keys typed with Shift on most layouts: for these the Shift state is not compared. */
const SHIFTED = new Set(['?', '+', '!', '_', ':', '*']);

export function matches(shortcut: string, e: KeyLike, mac = isMac()): boolean {
	const parts = shortcut.split('+');
	// "Mod++" (zoom in) splits into ['Mod', '', '']: the key is '+'.
	let key = parts.pop()!;
	if (key === '' && parts.at(-1) === '') (parts.pop(), (key = '+'));
	const mods = new Set(parts);
	const mod = mac ? e.metaKey : e.ctrlKey;
	if (mods.has('Mod') !== mod) return false;
	if (mods.has('Alt') !== e.altKey) return false;
	if (!mac && e.metaKey) return false;
	if (mac && e.ctrlKey && !mods.has('Ctrl')) return false;
	const keyMatch =
		e.key.toLowerCase() === key.toLowerCase() ||
		(/^[0-9]$/.test(key) && e.code === `Digit${key}`) ||
		(/^[a-z]$/i.test(key) && e.code === `Key${key.toUpperCase()}`);
	if (!keyMatch) return false;
	if (SHIFTED.has(key)) return true;
	return mods.has('Shift') === e.shiftKey;
}

/** How a shortcut reads on this platform: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function describe(shortcut: string, mac = isMac()): string {
	if (shortcut.endsWith('++')) return describe(shortcut.slice(0, -2) + '+Plus', mac).replace('Plus', '+');
	const names: Record<string, string> = mac
		? { Mod: '⌘', Shift: '⇧', Alt: '⌥', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Delete: 'Del', Backspace: '⌫', Escape: 'Esc' }
		: { Mod: 'Ctrl', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Delete: 'Del', Escape: 'Esc' };
	const parts = shortcut.split('+').map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p));
	return mac ? parts.join('') : parts.join('+');
}

/** Whether the event comes from a field where keys mean text. */
export function isTyping(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || !el.tagName) return false;
	const tag = el.tagName;
	if (tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) return true;
	if (tag === 'INPUT') {
		const type = (el as HTMLInputElement).type;
		return !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(type);
	}
	return false;
}
