export { default as RunBar } from './RunBar.svelte';
export { default as RunControls } from './RunControls.svelte';
