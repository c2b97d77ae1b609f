export { default as RunSummary } from './RunSummary.svelte';
