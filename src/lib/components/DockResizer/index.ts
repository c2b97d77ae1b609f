export { default as DockResizer } from './DockResizer.svelte';
