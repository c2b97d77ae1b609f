export { default as Shortcuts } from './Shortcuts.svelte';
export { default as HelpSheet } from './HelpSheet.svelte';
