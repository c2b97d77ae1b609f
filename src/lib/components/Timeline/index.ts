export { default as Timeline } from './Timeline.svelte';
export * from './events';
