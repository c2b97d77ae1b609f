export { default as RunDock } from './RunDock.svelte';
